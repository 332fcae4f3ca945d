//! `wfb-wasm3 <module.wasm> [args…]`: runs a WASI preview1 command module on wasm3's interpreter
//! with wasm3's own WASI (m3_api_wasi.c). See lib.rs for the exit codes.

use std::ffi::CStr;
use std::os::raw::c_char;
use std::process::exit;
use std::ptr;

use wasm3_sys::*;
use wfb_wasm_c_runners::{fail, parse_command_line, trap};

const RUNNER: &str = "wfb-wasm3";
const VERSION: &str = "wasm3 0.4.7 interpreter, via crate wasm3-sys 0.3.0";
/// wasm3's value stack, in bytes (its CLI uses 64 KiB; 1 MiB leaves room for deep recursion).
const STACK_BYTES: u32 = 1024 * 1024;

unsafe fn text(result: M3Result) -> String {
    if result.is_null() { String::new() } else { CStr::from_ptr(result).to_string_lossy().into_owned() }
}

fn main() {
    let invocation = parse_command_line(RUNNER, VERSION);
    unsafe {
        let environment = m3_NewEnvironment();
        if environment.is_null() {
            fail(RUNNER, "m3_NewEnvironment failed");
        }
        let runtime = m3_NewRuntime(environment, STACK_BYTES, ptr::null_mut());
        if runtime.is_null() {
            fail(RUNNER, "m3_NewRuntime failed (out of memory?)");
        }
        // wasm3 keeps pointers into the module bytes, so they live until exit.
        let bytes = invocation.module_bytes.leak();
        let mut module: IM3Module = ptr::null_mut();
        let parsed = m3_ParseModule(environment, &mut module, bytes.as_ptr(), bytes.len() as u32);
        if !parsed.is_null() {
            fail(RUNNER, &format!("cannot parse {}: {}", invocation.module_path, text(parsed)));
        }
        let loaded = m3_LoadModule(runtime, module);
        if !loaded.is_null() {
            fail(RUNNER, &format!("cannot load {}: {}", invocation.module_path, text(loaded)));
        }
        let linked = m3_LinkWASI(module);
        if !linked.is_null() {
            fail(RUNNER, &format!("cannot link WASI for {}: {}", invocation.module_path, text(linked)));
        }
        let mut start: IM3Function = ptr::null_mut();
        let found = m3_FindFunction(&mut start, runtime, c"_start".as_ptr());
        if !found.is_null() {
            fail(RUNNER, &format!("{} is not a WASI command module (`_start`: {})", invocation.module_path, text(found)));
        }
        // For `_start`, m3_CallWithArgs only hands argv to WASI (args_get) and passes no wasm arguments.
        let argv: Vec<*const c_char> = invocation.argv.iter().map(|arg| arg.as_ptr()).collect();
        let result = m3_CallWithArgs(start, argv.len() as u32, argv.as_ptr());
        if result.is_null() {
            exit(0);
        }
        if result == m3Err_trapExit {
            exit((*runtime).exit_code);
        }
        let mut info: M3ErrorInfo = std::mem::zeroed();
        m3_GetErrorInfo(runtime, &mut info);
        let message = if info.message.is_null() { String::new() } else { CStr::from_ptr(info.message).to_string_lossy().into_owned() };
        let detail = if message.is_empty() { message } else { format!(" ({message})") };
        trap(RUNNER, &format!("{}{detail}", text(result)));
    }
}
