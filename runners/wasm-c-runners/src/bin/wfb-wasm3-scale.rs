//! `wfb-wasm3-scale <reactor.wasm> [args…]`: a scale host on wasm3's interpreter (wasm3 0.4.7 via
//! crate wasm3-sys 0.3.0, as wfb-wasm3). It reads one WASI reactor module
//! (workloads/common/wfb-reactor.c) once, then creates instances on request and keeps them alive
//! (density) or drops each at once (instantiate-only timing), speaking the scale hosts' line
//! protocol (src/scale_protocol.rs). End of stdin frees every instance and exits 0.
//!
//! An instance is a wasm3 runtime (its own value stack and linear memory) with its own parse of
//! the module loaded into it, linked to wasm3's WASI: a wasm3 module belongs to one runtime and is
//! compiled lazily inside it, so wasm3 has no compiled module that instances share, and
//! instantiate-only time includes the parse. The module bytes are read once and shared.
//!
//! wasm3's `args_get`/`args_sizes_get` read the runtime's argv, which every `m3_Call` resets to
//! none (m3_CallWithArgs hands argv to WASI only for `_start`); this host links its own two, which
//! answer with the workload's argv, after wasm3's WASI. The reactor's output is read from linear
//! memory, so wasm3's `fd_write` is never used. Built only with the `wasm3` feature.

#[cfg(feature = "wasm3")]
#[path = "../scale_protocol.rs"]
mod scale_protocol;

#[cfg(feature = "wasm3")]
mod host {
    use std::ffi::{CStr, CString};
    use std::os::raw::c_void;
    use std::ptr;
    use std::sync::OnceLock;
    use std::time::Instant;

    use super::scale_protocol::{serve, ScaleEngine};
    use wasm3_sys::*;
    use wfb_wasm_c_runners::{fail, parse_command_line};

    const RUNNER: &str = "wfb-wasm3-scale";
    const VERSION: &str = "wasm3 0.4.7 interpreter, via crate wasm3-sys 0.3.0 (scale host)";
    /// wasm3's value stack per instance, in bytes (as its CLI; fib(20) recurses 20 deep).
    const STACK_BYTES: u32 = 64 * 1024;
    /// WASI errno values.
    const ESUCCESS: u32 = 0;
    const EFAULT: u32 = 21;

    /// The workload's argv (program name first), the same for every instance.
    static ARGV: OnceLock<Vec<CString>> = OnceLock::new();

    /// The guest range `[offset, offset + length)` as a host pointer, if it lies inside the memory.
    unsafe fn guest(runtime: IM3Runtime, offset: u64, length: usize) -> Option<*mut u8> {
        let mut size: u32 = 0;
        let base = m3_GetMemory(runtime, &mut size, 0);
        let offset = offset as u32 as usize;
        if base.is_null() || offset.checked_add(length)? > size as usize { None } else { Some(base.add(offset)) }
    }

    /// `args_sizes_get(argc *i32, argv_buf_size *i32) -> errno`, wasm3's raw-call convention:
    /// arguments in 64-bit slots from `sp[0]`, the i32 result written over `sp[0]`.
    unsafe extern "C" fn args_sizes_get(runtime: IM3Runtime, sp: *mut u64, _mem: *mut c_void) -> *const c_void {
        let argv = ARGV.get().map(Vec::as_slice).unwrap_or(&[]);
        let bytes: usize = argv.iter().map(|arg| arg.as_bytes_with_nul().len()).sum();
        let errno = match (guest(runtime, *sp, 4), guest(runtime, *sp.add(1), 4)) {
            (Some(count), Some(size)) => {
                ptr::write_unaligned(count as *mut u32, argv.len() as u32);
                ptr::write_unaligned(size as *mut u32, bytes as u32);
                ESUCCESS
            }
            _ => EFAULT,
        };
        *(sp as *mut u32) = errno;
        ptr::null()
    }

    /// `args_get(argv **u8, argv_buf *u8) -> errno`.
    unsafe extern "C" fn args_get(runtime: IM3Runtime, sp: *mut u64, _mem: *mut c_void) -> *const c_void {
        let argv = ARGV.get().map(Vec::as_slice).unwrap_or(&[]);
        let bytes: usize = argv.iter().map(|arg| arg.as_bytes_with_nul().len()).sum();
        let (pointers_at, text_at) = (*sp as u32, *sp.add(1) as u32);
        let errno = match (guest(runtime, pointers_at as u64, 4 * argv.len()), guest(runtime, text_at as u64, bytes)) {
            (Some(pointers), Some(text)) => {
                let mut offset = 0usize;
                for (index, arg) in argv.iter().enumerate() {
                    let arg = arg.as_bytes_with_nul();
                    ptr::write_unaligned((pointers as *mut u32).add(index), text_at + offset as u32);
                    ptr::copy_nonoverlapping(arg.as_ptr(), text.add(offset), arg.len());
                    offset += arg.len();
                }
                ESUCCESS
            }
            _ => EFAULT,
        };
        *(sp as *mut u32) = errno;
        ptr::null()
    }

    unsafe fn text(result: M3Result) -> String {
        if result.is_null() { String::new() } else { CStr::from_ptr(result).to_string_lossy().into_owned() }
    }

    struct Wasm3 {
        environment: IM3Environment,
        bytes: &'static [u8],
    }

    impl Wasm3 {
        /// Calls an exported function with no arguments: its i32 result (0 for none), or None when it is not exported.
        unsafe fn call(runtime: IM3Runtime, name: &CStr) -> Result<Option<u32>, String> {
            let mut function: IM3Function = ptr::null_mut();
            if !m3_FindFunction(&mut function, runtime, name.as_ptr()).is_null() {
                return Ok(None);
            }
            let result = m3_Call(function);
            if !result.is_null() {
                let mut info: M3ErrorInfo = std::mem::zeroed();
                m3_GetErrorInfo(runtime, &mut info);
                let message = if info.message.is_null() { String::new() } else { format!(" ({})", CStr::from_ptr(info.message).to_string_lossy()) };
                return Err(format!("{}: {}{message}", name.to_string_lossy(), text(result)));
            }
            // The result (if any) is in the first slot of the value stack.
            Ok(Some(*((*runtime).stack as *const u32)))
        }

        unsafe fn require(runtime: IM3Runtime, name: &CStr) -> Result<u32, String> {
            Self::call(runtime, name)?.ok_or_else(|| format!("the module exports no function `{}`: it is not a wfb reactor", name.to_string_lossy()))
        }
    }

    impl ScaleEngine for Wasm3 {
        type Instance = IM3Runtime;

        /// A new runtime with the module parsed, loaded and linked to WASI.
        fn instantiate(&mut self) -> Result<IM3Runtime, String> {
            unsafe {
                let runtime = m3_NewRuntime(self.environment, STACK_BYTES, ptr::null_mut());
                if runtime.is_null() {
                    return Err("m3_NewRuntime failed (out of memory?)".into());
                }
                let mut module: IM3Module = ptr::null_mut();
                let parsed = m3_ParseModule(self.environment, &mut module, self.bytes.as_ptr(), self.bytes.len() as u32);
                if !parsed.is_null() {
                    m3_FreeRuntime(runtime);
                    return Err(format!("parse: {}", text(parsed)));
                }
                let loaded = m3_LoadModule(runtime, module);
                if !loaded.is_null() {
                    m3_FreeModule(module);
                    m3_FreeRuntime(runtime);
                    return Err(format!("load: {}", text(loaded)));
                }
                let wasi = c"wasi_snapshot_preview1".as_ptr();
                let mut linked = m3_LinkWASI(module);
                if linked.is_null() {
                    linked = m3_LinkRawFunction(module, wasi, c"args_sizes_get".as_ptr(), c"i(**)".as_ptr(), Some(args_sizes_get));
                }
                if linked.is_null() {
                    linked = m3_LinkRawFunction(module, wasi, c"args_get".as_ptr(), c"i(**)".as_ptr(), Some(args_get));
                }
                if !linked.is_null() {
                    m3_FreeRuntime(runtime);
                    return Err(format!("link WASI: {}", text(linked)));
                }
                Ok(runtime)
            }
        }

        fn run_once(&mut self, runtime: &mut IM3Runtime) -> Result<Vec<u8>, String> {
            let runtime = *runtime;
            unsafe {
                Self::call(runtime, c"_initialize")?;
                let status = Self::require(runtime, c"wfb_run")?;
                if status != 0 {
                    return Err(format!("wfb_run returned {status}"));
                }
                let pointer = Self::require(runtime, c"wfb_output_ptr")?;
                let length = Self::require(runtime, c"wfb_output_len")? as usize;
                let Some(start) = guest(runtime, pointer as u64, length) else {
                    return Err(format!("output [{pointer}, +{length}) lies outside the memory"));
                };
                Ok(std::slice::from_raw_parts(start as *const u8, length).to_vec())
            }
        }

        fn drop_instance(&mut self, runtime: IM3Runtime) {
            unsafe { m3_FreeRuntime(runtime) }
        }
    }

    pub fn main() {
        let invocation = parse_command_line(RUNNER, VERSION);
        let _ = ARGV.set(invocation.argv);
        unsafe {
            let environment = m3_NewEnvironment();
            if environment.is_null() {
                fail(RUNNER, "m3_NewEnvironment failed");
            }
            // wasm3 keeps pointers into the module bytes, so they live until exit.
            let bytes: &'static [u8] = invocation.module_bytes.leak();
            let start = Instant::now();
            // Parse once up front, so that a module wasm3 rejects fails at start and not at `add`.
            let mut module: IM3Module = ptr::null_mut();
            let parsed = m3_ParseModule(environment, &mut module, bytes.as_ptr(), bytes.len() as u32);
            if !parsed.is_null() {
                println!("error cannot parse {}: {}", invocation.module_path, text(parsed));
                std::process::exit(1);
            }
            m3_FreeModule(module);
            let mut engine = Wasm3 { environment, bytes };
            serve(&mut engine, start.elapsed().as_nanos());
            m3_FreeEnvironment(environment);
        }
    }
}

#[cfg(feature = "wasm3")]
fn main() {
    host::main();
}

#[cfg(not(feature = "wasm3"))]
fn main() {
    eprintln!("wfb-wasm3-scale: built without the `wasm3` feature; build it with `--features wasm3`");
    std::process::exit(wfb_wasm_c_runners::RUNNER_EXIT_CODE);
}
