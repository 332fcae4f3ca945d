//! `wfb-wamr-scale <reactor.wasm> [args…]`: a scale host on WAMR's interpreter (the fast
//! interpreter, as wamr-sys 0.1.1 builds it). It loads one WASI reactor module
//! (workloads/common/wfb-reactor.c) once, then creates instances on request, each with its own WASI
//! context, and keeps them alive (density) or drops each at once (instantiate-only timing). It
//! speaks the line protocol of fixtures/scale/wasmtime-scale-host.c (see
//! plugin/scale/line-host.ts): `ready <loadNs>`; `add K` -> `output <count> <hex>`… then
//! `added <K> <live> <elapsedNs>`; `instantiate K` -> `output …`… then `instantiated <ns>…`;
//! `error <message>` on failure. End of stdin frees every instance and exits 0.
//!
//! As in wfb-wamr, instances get no app heap and WASI is set up with `wasm_runtime_init_wasi`
//! (wamr_common.rs, shared with wfb-wamr); the reactor's output is read from linear memory, so WAMR's
//! `fd_write` is never used. Built only with the `wamr` feature (without it, main says so).

#[cfg(feature = "wamr")]
#[path = "../wamr_common.rs"]
mod wamr_common;

#[cfg(feature = "wamr")]
#[path = "../scale_protocol.rs"]
mod scale_protocol;

#[cfg(feature = "wamr")]
mod host {
    use std::ffi::CString;
    use std::os::raw::c_char;
    use std::ptr;
    use std::time::Instant;

    use wamr_sys::*;
    use wfb_wasm_c_runners::{fail, parse_command_line};

    use crate::scale_protocol::{serve, ScaleEngine};
    use crate::wamr_common::{argv_pointers, exception_text, init_runtime, init_wasi, instantiate, load_module};

    const RUNNER: &str = "wfb-wamr-scale";
    const VERSION: &str = "WAMR 50f9a3e (Dec 2020) fast interpreter, via crate wamr-sys 0.1.1 (scale host)";
    /// Interpreter stack per instance and per exec env, in bytes (fib(20) recurses 20 deep).
    const STACK_BYTES: u32 = 64 * 1024;

    struct Live {
        instance: wasm_module_inst_t,
        env: wasm_exec_env_t,
    }

    /// One loaded module and the argv every instance's WASI context gets.
    struct Wamr {
        module: wasm_module_t,
        argv: Vec<*mut c_char>,
    }

    /// Calls an exported function without arguments; `None` when the module does not export it.
    unsafe fn call(live: &Live, name: &str) -> Option<Result<u32, String>> {
        let cname = CString::new(name).expect("no NUL");
        let function = wasm_runtime_lookup_function(live.instance, cname.as_ptr(), ptr::null());
        if function.is_null() {
            return None;
        }
        let mut cells = [0u32; 2];
        if !wasm_runtime_call_wasm(live.env, function, 0, cells.as_mut_ptr()) {
            return Some(Err(format!("{name}: {}", exception_text(live.instance))));
        }
        Some(Ok(cells[0]))
    }

    unsafe fn call_export(live: &Live, name: &str) -> Result<u32, String> {
        call(live, name).unwrap_or_else(|| Err(format!("the module exports no function `{name}`: it is not a wfb reactor")))
    }

    impl ScaleEngine for Wamr {
        type Instance = Live;

        /// A new instance with its WASI context and an exec env, not yet initialised.
        fn instantiate(&mut self) -> Result<Live, String> {
            unsafe {
                let instance = instantiate(self.module, STACK_BYTES).map_err(|message| format!("instantiate: {message}"))?;
                if let Err(message) = init_wasi(instance, &mut self.argv) {
                    wasm_runtime_deinstantiate(instance);
                    return Err(format!("WASI: {message}"));
                }
                let env = wasm_runtime_create_exec_env(instance, STACK_BYTES);
                if env.is_null() {
                    wasm_runtime_deinstantiate(instance);
                    return Err("cannot create an exec env".into());
                }
                Ok(Live { instance, env })
            }
        }

        /// `_initialize` (when exported), then `wfb_run` once: the bytes it wrote.
        fn run_once(&mut self, live: &mut Live) -> Result<Vec<u8>, String> {
            unsafe {
                call(live, "_initialize").transpose()?;
                let status = call_export(live, "wfb_run")?;
                if status != 0 {
                    return Err(format!("wfb_run returned {status}"));
                }
                let pointer = call_export(live, "wfb_output_ptr")?;
                let length = call_export(live, "wfb_output_len")?;
                if !wasm_runtime_validate_app_addr(live.instance, pointer, length) {
                    return Err(format!("output [{pointer}, +{length}) lies outside the memory"));
                }
                Ok(std::slice::from_raw_parts(wasm_runtime_addr_app_to_native(live.instance, pointer) as *const u8, length as usize).to_vec())
            }
        }

        fn drop_instance(&mut self, live: Live) {
            unsafe {
                wasm_runtime_destroy_exec_env(live.env);
                wasm_runtime_deinstantiate(live.instance);
            }
        }
    }

    pub fn main() {
        let invocation = parse_command_line(RUNNER, VERSION);
        unsafe {
            init_runtime().unwrap_or_else(|message| fail(RUNNER, &message));
            let start = Instant::now();
            let module = load_module(invocation.module_bytes).unwrap_or_else(|message| {
                println!("error cannot load {}: {message}", invocation.module_path);
                std::process::exit(1);
            });
            let argv: Vec<*mut c_char> = argv_pointers(&invocation.argv);
            let mut engine = Wamr { module, argv };
            serve(&mut engine, start.elapsed().as_nanos());
        }
    }
}

#[cfg(feature = "wamr")]
fn main() {
    host::main();
}

#[cfg(not(feature = "wamr"))]
fn main() {
    eprintln!("wfb-wamr-scale: built without the `wamr` feature; build it with `--features wamr`");
    std::process::exit(wfb_wasm_c_runners::RUNNER_EXIT_CODE);
}
