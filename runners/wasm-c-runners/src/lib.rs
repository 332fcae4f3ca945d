//! What the wasm-faas-bench runners share: the command line and how a failure is reported.
//!
//! Every runner is `<runner> <module.wasm> [args…]`: it runs a WASI preview1 command module
//! with `[module.wasm, args…]` as its argv, stdin/stdout/stderr inherited, and exits with the
//! module's exit code. A trap or a runner failure prints `<runner>: …` on stderr and exits
//! with [`TRAP_EXIT_CODE`] (a trap) or [`RUNNER_EXIT_CODE`] (anything else).
//! `<runner> --version` prints the engine and its version.

use std::ffi::CString;
use std::process::exit;

/// Exit code after a trap: 128 + SIGABRT, as wasmtime's CLI reports a trap on Unix.
pub const TRAP_EXIT_CODE: i32 = 134;
/// Exit code when the runner itself fails (bad arguments, unreadable or invalid module).
pub const RUNNER_EXIT_CODE: i32 = 125;

/// The module path and the module's argv (its first element is the module path).
pub struct Invocation {
    pub module_path: String,
    pub module_bytes: Vec<u8>,
    pub argv: Vec<CString>,
}

/// Reads the command line: prints `version` and exits for `--version`, the usage for no arguments.
pub fn parse_command_line(runner: &str, version: &str) -> Invocation {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        None | Some("-h") | Some("--help") => {
            eprintln!("usage: {runner} <module.wasm> [args…]   (runs a WASI preview1 command module)");
            exit(RUNNER_EXIT_CODE);
        }
        Some("--version") => {
            println!("{version}");
            exit(0);
        }
        Some(_) => {}
    }
    let module_path = args[0].clone();
    let module_bytes = std::fs::read(&module_path)
        .unwrap_or_else(|error| fail(runner, &format!("cannot read module {module_path}: {error}")));
    let argv = args
        .iter()
        .map(|arg| {
            CString::new(arg.as_str())
                .unwrap_or_else(|_| fail(runner, &format!("argument {arg:?} contains a NUL byte")))
        })
        .collect();
    Invocation { module_path, module_bytes, argv }
}

/// Prints `<runner>: <message>` on stderr and exits with [`RUNNER_EXIT_CODE`].
pub fn fail(runner: &str, message: &str) -> ! {
    eprintln!("{runner}: {message}");
    exit(RUNNER_EXIT_CODE)
}

/// Prints `<runner>: trap: <message>` on stderr and exits with [`TRAP_EXIT_CODE`].
pub fn trap(runner: &str, message: &str) -> ! {
    eprintln!("{runner}: trap: {message}");
    exit(TRAP_EXIT_CODE)
}
