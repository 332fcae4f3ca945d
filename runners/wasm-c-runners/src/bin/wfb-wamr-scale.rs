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
mod host {
    use std::collections::HashMap;
    use std::ffi::CString;
    use std::io::{BufRead, Write};
    use std::os::raw::c_char;
    use std::ptr;
    use std::time::Instant;

    use wamr_sys::*;
    use wfb_wasm_c_runners::{fail, parse_command_line};

    use crate::wamr_common::{argv_pointers, exception_text, init_runtime, init_wasi, instantiate, load_module};

    const RUNNER: &str = "wfb-wamr-scale";
    const VERSION: &str = "WAMR 50f9a3e (Dec 2020) fast interpreter, via crate wamr-sys 0.1.1 (scale host)";
    /// Interpreter stack per instance and per exec env, in bytes (fib(20) recurses 20 deep).
    const STACK_BYTES: u32 = 64 * 1024;

    struct Live {
        instance: wasm_module_inst_t,
        env: wasm_exec_env_t,
    }

    struct Host {
        module: wasm_module_t,
        argv: Vec<*mut c_char>,
        live: Vec<Live>,
        outputs: HashMap<Vec<u8>, usize>,
        order: Vec<Vec<u8>>,
    }

    impl Host {
        /// A new instance with its WASI context and an exec env, not yet initialised.
        unsafe fn instantiate(&mut self) -> Result<Live, String> {
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

        unsafe fn call(live: &Live, name: &str, results: u32) -> Result<u32, String> {
            let cname = CString::new(name).expect("no NUL");
            let function = wasm_runtime_lookup_function(live.instance, cname.as_ptr(), ptr::null());
            if function.is_null() {
                return Err(format!("the module exports no function `{name}`: it is not a wfb reactor"));
            }
            let mut cells = [0u32; 2];
            if !wasm_runtime_call_wasm(live.env, function, 0, cells.as_mut_ptr()) {
                return Err(format!("{name}: {}", exception_text(live.instance)));
            }
            Ok(if results > 0 { cells[0] } else { 0 })
        }

        /// `_initialize`, then `wfb_run` once; records its output.
        unsafe fn run_once(&mut self, live: &Live) -> Result<(), String> {
            Self::call(live, "_initialize", 0)?;
            let status = Self::call(live, "wfb_run", 1)?;
            if status != 0 {
                return Err(format!("wfb_run returned {status}"));
            }
            let pointer = Self::call(live, "wfb_output_ptr", 1)?;
            let length = Self::call(live, "wfb_output_len", 1)?;
            if !wasm_runtime_validate_app_addr(live.instance, pointer, length) {
                return Err(format!("output [{pointer}, +{length}) lies outside the memory"));
            }
            let bytes = std::slice::from_raw_parts(wasm_runtime_addr_app_to_native(live.instance, pointer) as *const u8, length as usize).to_vec();
            if !self.outputs.contains_key(&bytes) {
                self.order.push(bytes.clone());
            }
            *self.outputs.entry(bytes).or_insert(0) += 1;
            Ok(())
        }

        fn flush_outputs(&mut self, out: &mut impl Write) {
            for bytes in self.order.drain(..) {
                let count = self.outputs.remove(&bytes).unwrap_or(0);
                let hex: String = bytes.iter().map(|byte| format!("{byte:02x}")).collect();
                let _ = writeln!(out, "output {count} {hex}");
            }
        }

        unsafe fn drop_instance(live: Live) {
            wasm_runtime_destroy_exec_env(live.env);
            wasm_runtime_deinstantiate(live.instance);
        }

        unsafe fn add(&mut self, count: usize, out: &mut impl Write) {
            let start = Instant::now();
            for _ in 0..count {
                let result = self.instantiate().and_then(|live| {
                    let ran = self.run_once(&live);
                    self.live.push(live);
                    ran
                });
                if let Err(message) = result {
                    self.flush_outputs(out);
                    let _ = writeln!(out, "error {message} (after {} live instances)", self.live.len());
                    return;
                }
            }
            let elapsed = start.elapsed().as_nanos();
            self.flush_outputs(out);
            let _ = writeln!(out, "added {count} {} {elapsed}", self.live.len());
        }

        unsafe fn time_instantiate(&mut self, count: usize, out: &mut impl Write) {
            let mut samples = Vec::with_capacity(count);
            for _ in 0..count {
                let start = Instant::now();
                let made = self.instantiate();
                samples.push(start.elapsed().as_nanos());
                let result = made.and_then(|live| {
                    let ran = self.run_once(&live);
                    Self::drop_instance(live);
                    ran
                });
                if let Err(message) = result {
                    self.flush_outputs(out);
                    let _ = writeln!(out, "error {message}");
                    return;
                }
            }
            self.flush_outputs(out);
            let text: Vec<String> = samples.iter().map(u128::to_string).collect();
            let _ = writeln!(out, "instantiated {}", text.join(" "));
        }
    }

    pub fn main() {
        let invocation = parse_command_line(RUNNER, VERSION);
        unsafe {
            init_runtime().unwrap_or_else(|message| fail(RUNNER, &message));
            let start = Instant::now();
            let loaded = load_module(invocation.module_bytes);
            let stdout = std::io::stdout();
            let mut out = stdout.lock();
            let module = loaded.unwrap_or_else(|message| {
                let _ = writeln!(out, "error cannot load {}: {message}", invocation.module_path);
                std::process::exit(1);
            });
            let argv: Vec<*mut c_char> = argv_pointers(&invocation.argv);
            let mut host = Host { module, argv, live: Vec::new(), outputs: HashMap::new(), order: Vec::new() };
            let _ = writeln!(out, "ready {}", start.elapsed().as_nanos());
            let _ = out.flush();
            for line in std::io::stdin().lock().lines() {
                let Ok(line) = line else { break };
                let words: Vec<&str> = line.split_whitespace().collect();
                let count = words.get(1).and_then(|text| text.parse::<usize>().ok()).filter(|count| *count > 0);
                match (words.first().copied(), count) {
                    (Some("add"), Some(count)) => host.add(count, &mut out),
                    (Some("instantiate"), Some(count)) => host.time_instantiate(count, &mut out),
                    _ => {
                        let _ = writeln!(out, "error unknown command `{line}`; use `add K` or `instantiate K`");
                    }
                }
                let _ = out.flush();
            }
            for live in host.live.drain(..) {
                Host::drop_instance(live);
            }
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
