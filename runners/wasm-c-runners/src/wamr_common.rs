//! What the WAMR runners (wfb-wamr, wfb-wamr-scale) share: starting the runtime, loading a module,
//! setting up WASI per instance and reading WAMR's messages. Included by both as a module
//! (`#[path = "../wamr_common.rs"]`), so the library crate and wfb-wasm3 do not depend on WAMR.
//!
//! WASI is set up with `wasm_runtime_init_wasi` rather than by WAMR itself: that WAMR sets it up only
//! for an instance with an "app heap", which today's wasi-libc malloc overwrites (see wfb-wamr.rs).

use std::ffi::{CStr, CString};
use std::os::raw::c_char;
use std::ptr;

use wamr_sys::*;

/// Bytes of the buffers WAMR writes its error messages into.
pub const ERROR_BUF_BYTES: usize = 256;

// A global function of libiwasm that wasm_export.h does not declare.
extern "C" {
    fn wasm_runtime_init_wasi(
        instance: wasm_module_inst_t,
        dir_list: *mut *const c_char,
        dir_count: u32,
        map_dir_list: *mut *const c_char,
        map_dir_count: u32,
        env: *mut *const c_char,
        env_count: u32,
        argv: *mut *mut c_char,
        argc: u32,
        error_buf: *mut c_char,
        error_buf_size: u32,
    ) -> bool;
}

/// The NUL-terminated text WAMR wrote into `buffer`.
pub fn error_text(buffer: &[c_char]) -> String {
    unsafe { CStr::from_ptr(buffer.as_ptr()).to_string_lossy().into_owned() }
}

/// The instance's pending exception, or "unknown exception" when WAMR set none.
pub unsafe fn exception_text(instance: wasm_module_inst_t) -> String {
    let text = wasm_runtime_get_exception(instance);
    if text.is_null() { "unknown exception".into() } else { CStr::from_ptr(text).to_string_lossy().into_owned() }
}

/// The module's argv as the C pointers WAMR takes (they borrow from `argv`, which must outlive them).
pub fn argv_pointers(argv: &[CString]) -> Vec<*mut c_char> {
    argv.iter().map(|arg| arg.as_ptr() as *mut c_char).collect()
}

/// `wasm_runtime_init`, or the message to fail with.
pub unsafe fn init_runtime() -> Result<(), String> {
    if wasm_runtime_init() { Ok(()) } else { Err("wasm_runtime_init failed".into()) }
}

/// Loads a module; WAMR keeps pointers into its bytes, so they are leaked and live until exit.
pub unsafe fn load_module(bytes: Vec<u8>) -> Result<wasm_module_t, String> {
    let mut error = [0 as c_char; ERROR_BUF_BYTES];
    let bytes = bytes.leak();
    let module = wasm_runtime_load(bytes.as_mut_ptr(), bytes.len() as u32, error.as_mut_ptr(), error.len() as u32);
    if module.is_null() { Err(error_text(&error)) } else { Ok(module) }
}

/// A new instance without an app heap; WAMR's message when it cannot be made.
pub unsafe fn instantiate(module: wasm_module_t, stack_bytes: u32) -> Result<wasm_module_inst_t, String> {
    let mut error = [0 as c_char; ERROR_BUF_BYTES];
    let instance = wasm_runtime_instantiate(module, stack_bytes, 0, error.as_mut_ptr(), error.len() as u32);
    if instance.is_null() { Err(error_text(&error)) } else { Ok(instance) }
}

/// Sets up the instance's WASI context with `argv` (no preopened folders, no environment variables).
pub unsafe fn init_wasi(instance: wasm_module_inst_t, argv: &mut [*mut c_char]) -> Result<(), String> {
    let mut error = [0 as c_char; ERROR_BUF_BYTES];
    let ready = wasm_runtime_init_wasi(
        instance,
        ptr::null_mut(), 0,
        ptr::null_mut(), 0,
        ptr::null_mut(), 0,
        argv.as_mut_ptr(), argv.len() as u32,
        error.as_mut_ptr(), error.len() as u32,
    );
    if ready { Ok(()) } else { Err(error_text(&error)) }
}
