// wamr-sys links WAMR as a shared library (libiwasm.so, in its build folder); the installer copies it
// to `<tools>/lib`, which the runners find through this run path relative to `<tools>/bin`.
fn main() {
    println!("cargo:rustc-link-arg-bins=-Wl,-rpath,$ORIGIN/../lib");
    println!("cargo:rerun-if-changed=build.rs");
}
