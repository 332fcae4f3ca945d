// wamr-sys links WAMR as a shared library (libiwasm.so, in its build folder) that it builds without
// libm (its CMakeLists.txt resets the shared-library link flags), so the runner links libm for it,
// with --no-as-needed because the runner itself calls nothing in libm. The installer copies
// libiwasm.so to `<tools>/lib`, which the runners find through this run path from `<tools>/bin`.
fn main() {
    if std::env::var_os("CARGO_FEATURE_WAMR").is_some() {
        println!("cargo:rustc-link-arg-bins=-Wl,-rpath,$ORIGIN/../lib");
        println!("cargo:rustc-link-arg-bins=-Wl,--no-as-needed,-lm,--as-needed");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
