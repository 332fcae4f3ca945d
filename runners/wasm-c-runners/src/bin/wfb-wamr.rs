//! `wfb-wamr <module.wasm> [args…]`: runs a WASI preview1 command module on WAMR's interpreter
//! (the fast interpreter, as wamr-sys 0.1.1 builds it). See lib.rs for the exit codes.
//!
//! The WAMR that wamr-sys vendors (commit 50f9a3e, Dec 2020) has two faults with today's
//! wasi-libc, worked around here without touching its C sources:
//! - It sets up WASI only when the instance gets an "app heap", which it inserts at the end of the
//!   initial linear memory. Today's wasi-libc malloc also claims the memory up to that end, so a
//!   module that allocates overwrites the app heap, and WAMR's `fd_write` (which takes its iovec
//!   scratch from the app heap) then fails with "out of memory" (seen with the html workload).
//!   So the instance gets no app heap, the runner sets up WASI itself (`wasm_runtime_init_wasi`),
//!   and `fd_write`/`fd_read` take their iovec scratch from native memory, as later WAMR versions do;
//!   the reads and writes themselves stay WAMR's (`wasmtime_ssp_fd_write`/`_read`).
//! - Its `proc_exit` throws the exit code away; the runner's `proc_exit` keeps it.

use std::ffi::{CStr, CString};
use std::os::raw::c_void;
use std::process::exit;
use std::ptr;
use std::sync::atomic::{AtomicI64, Ordering};

use wamr_sys::*;
use wfb_wasm_c_runners::{fail, parse_command_line, trap};

#[path = "../wamr_common.rs"]
mod wamr_common;
use wamr_common::{argv_pointers, exception_text, init_runtime, init_wasi, instantiate, load_module};

const RUNNER: &str = "wfb-wamr";
const VERSION: &str = "WAMR 50f9a3e (Dec 2020) fast interpreter, via crate wamr-sys 0.1.1";
/// The interpreter's operand and frame stack, in bytes.
const STACK_BYTES: u32 = 1024 * 1024;
/// WASI errno values returned by the replaced functions.
const WASI_ESUCCESS: u32 = 0;
const WASI_EFAULT: u32 = 21;

/// The code the module passed to `proc_exit`, or -1 when it did not call it.
static EXIT_CODE: AtomicI64 = AtomicI64::new(-1);

/// WAMR's WASI state of an instance (core/iwasm/common/wasm_runtime_common.h); only the first field is read.
#[repr(C)]
struct WasiContext {
    curfds: *mut c_void,
}

/// A guest iovec: offset and length in linear memory.
#[repr(C)]
struct GuestIovec {
    buf_offset: u32,
    buf_len: u32,
}

/// A host iovec as WAMR's WASI layer takes it (`__wasi_ciovec_t` / `__wasi_iovec_t`).
#[repr(C)]
struct HostIovec {
    buf: *mut c_void,
    buf_len: usize,
}

// Global functions of libiwasm that wasm_export.h does not declare (wasm_runtime_init_wasi: see wamr_common.rs).
extern "C" {
    fn get_libc_wasi_export_apis(symbols: *mut *mut NativeSymbol) -> u32;
    fn wasm_runtime_get_wasi_ctx(instance: wasm_module_inst_t) -> *mut WasiContext;
    fn wasmtime_ssp_fd_write(curfds: *mut c_void, fd: u32, iovs: *const HostIovec, iovs_len: usize, written: *mut usize) -> u16;
    fn wasmtime_ssp_fd_read(curfds: *mut c_void, fd: u32, iovs: *const HostIovec, iovs_len: usize, read: *mut usize) -> u16;
}

/// `proc_exit` as WAMR's own (the exception "wasi proc exit" stops the module and WAMR clears it as
/// a normal end), but keeping the code.
unsafe extern "C" fn proc_exit(exec_env: wasm_exec_env_t, code: u32) {
    EXIT_CODE.store(i64::from(code), Ordering::SeqCst);
    let message = CString::new("wasi proc exit").expect("no NUL");
    wasm_runtime_set_exception(wasm_runtime_get_module_inst(exec_env), message.as_ptr());
}

/// The guest iovecs as host iovecs, each checked to lie inside linear memory; None when one does not.
unsafe fn host_iovecs(instance: wasm_module_inst_t, guest: *const GuestIovec, count: u32) -> Option<Vec<HostIovec>> {
    let bytes = (count as usize).checked_mul(std::mem::size_of::<GuestIovec>())?;
    if !wasm_runtime_validate_native_addr(instance, guest as *mut c_void, u32::try_from(bytes).ok()?) {
        return None;
    }
    (0..count as usize)
        .map(|index| {
            let iovec = &*guest.add(index);
            if !wasm_runtime_validate_app_addr(instance, iovec.buf_offset, iovec.buf_len) {
                return None;
            }
            Some(HostIovec { buf: wasm_runtime_addr_app_to_native(instance, iovec.buf_offset), buf_len: iovec.buf_len as usize })
        })
        .collect()
}

type SspTransfer = unsafe extern "C" fn(*mut c_void, u32, *const HostIovec, usize, *mut usize) -> u16;

/// WAMR's `fd_write`/`fd_read` (libc_wasi_wrapper.c) with the iovec scratch in native memory.
unsafe fn transfer(exec_env: wasm_exec_env_t, fd: u32, guest: *const GuestIovec, count: u32, done: *mut u32, ssp: SspTransfer) -> u32 {
    let instance = wasm_runtime_get_module_inst(exec_env);
    let context = wasm_runtime_get_wasi_ctx(instance);
    if context.is_null() || !wasm_runtime_validate_native_addr(instance, done as *mut c_void, 4) {
        return WASI_EFAULT;
    }
    let Some(iovecs) = host_iovecs(instance, guest, count) else { return WASI_EFAULT };
    let mut transferred = 0usize;
    let errno = ssp((*context).curfds, fd, iovecs.as_ptr(), iovecs.len(), &mut transferred);
    if errno != 0 {
        return u32::from(errno);
    }
    *done = transferred as u32;
    WASI_ESUCCESS
}

unsafe extern "C" fn fd_write(exec_env: wasm_exec_env_t, fd: u32, iovs: *const GuestIovec, count: u32, written: *mut u32) -> u32 {
    transfer(exec_env, fd, iovs, count, written, wasmtime_ssp_fd_write)
}

unsafe extern "C" fn fd_read(exec_env: wasm_exec_env_t, fd: u32, iovs: *const GuestIovec, count: u32, read: *mut u32) -> u32 {
    transfer(exec_env, fd, iovs, count, read, wasmtime_ssp_fd_read)
}

/// Points entries of WAMR's `wasi_snapshot_preview1` table at the runner's functions. Imports are
/// resolved when a module loads, so this runs after `wasm_runtime_init` and before `wasm_runtime_load`.
unsafe fn replace_wasi_functions() {
    let mut symbols: *mut NativeSymbol = ptr::null_mut();
    let count = get_libc_wasi_export_apis(&mut symbols) as usize;
    let table = std::slice::from_raw_parts_mut(symbols, count);
    let replacements: [(&[u8], *mut c_void); 3] = [
        (b"proc_exit", proc_exit as *mut c_void),
        (b"fd_write", fd_write as *mut c_void),
        (b"fd_read", fd_read as *mut c_void),
    ];
    for (name, function) in replacements {
        let entry = table
            .iter_mut()
            .find(|symbol| CStr::from_ptr(symbol.symbol).to_bytes() == name)
            .unwrap_or_else(|| fail(RUNNER, &format!("WAMR has no WASI {} to replace", String::from_utf8_lossy(name))));
        entry.func_ptr = function;
    }
}

fn main() {
    let invocation = parse_command_line(RUNNER, VERSION);
    let path = &invocation.module_path;
    unsafe {
        init_runtime().unwrap_or_else(|message| fail(RUNNER, &message));
        replace_wasi_functions();
        let module = load_module(invocation.module_bytes).unwrap_or_else(|message| fail(RUNNER, &format!("cannot load {path}: {message}")));
        // No app heap (see the module comment): wasi-libc brings its own malloc.
        let instance = instantiate(module, STACK_BYTES).unwrap_or_else(|message| fail(RUNNER, &format!("cannot instantiate {path}: {message}")));
        if !wasm_runtime_is_wasi_mode(instance) || wasm_runtime_lookup_wasi_start_function(instance).is_null() {
            fail(RUNNER, &format!("{path} is not a WASI command module (no `_start` export)"));
        }
        let mut argv = argv_pointers(&invocation.argv);
        init_wasi(instance, &mut argv).unwrap_or_else(|message| fail(RUNNER, &format!("cannot set up WASI for {path}: {message}")));
        if !wasm_application_execute_main(instance, 0, ptr::null_mut()) {
            trap(RUNNER, &exception_text(instance));
        }
        // Like a native process, exit without tearing down: WASI writes went straight to the fds.
        let code = EXIT_CODE.load(Ordering::SeqCst);
        exit(if code < 0 { 0 } else { code as i32 });
    }
}
