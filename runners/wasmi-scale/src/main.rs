//! `wfb-wasmi-scale <reactor.wasm> [args…]`: a scale host on the wasmi interpreter (crates.io
//! `wasmi` 2.0.0, default config, with `wasmi_wasi` 2.0.0). It compiles one WASI reactor module
//! (workloads/common/wfb-reactor.c) once, then creates instances on request, each in its own
//! `Store` with its own WASI context (`WasiCtx`, the workload's argv, stderr inherited, no stdout:
//! stdout is the protocol), and keeps them alive (density) or drops each at once (instantiate-only
//! timing). It speaks the line protocol of fixtures/scale/wasmtime-scale-host.c (see
//! plugin/scale/line-host.ts): `ready <compileNs>`; `add K` -> `output <count> <hex>`… then
//! `added <K> <live> <elapsedNs>`; `instantiate K` -> `output …`… then `instantiated <ns>…`;
//! `error <message>` on failure. End of stdin drops every instance and exits 0.

#[cfg(feature = "wasmi")]
mod host {
    use std::collections::HashMap;
    use std::io::{BufRead, Write};
    use std::time::Instant;

    use wasmi::{Engine, Instance, Linker, Module, Store};
    use wasmi_wasi::{WasiCtx, WasiCtxBuilder};

    const VERSION: &str = "wasmi 2.0.0 interpreter (default config), via crates wasmi 2.0.0 + wasmi_wasi 2.0.0 (scale host)";

    struct Live {
        store: Store<WasiCtx>,
        instance: Instance,
    }

    struct Host {
        engine: Engine,
        module: Module,
        linker: Linker<WasiCtx>,
        args: Vec<String>,
        live: Vec<Live>,
        outputs: HashMap<Vec<u8>, usize>,
        order: Vec<Vec<u8>>,
    }

    impl Host {
        /// A new instance in its own store with its own WASI context, not yet initialised.
        fn instantiate(&self) -> Result<Live, String> {
            let wasi = WasiCtxBuilder::new().args(&self.args).map_err(|error| format!("WASI arguments: {error}"))?.inherit_stderr().build();
            let mut store = Store::new(&self.engine, wasi);
            let instance = self.linker.instantiate_and_start(&mut store, &self.module).map_err(|error| format!("instantiate: {error}"))?;
            Ok(Live { store, instance })
        }

        fn call(live: &mut Live, name: &str) -> Result<Option<i32>, String> {
            let function = live.instance.get_func(&live.store, name).ok_or_else(|| format!("the module exports no function `{name}`: it is not a wfb reactor"))?;
            let returns = function.ty(&live.store).results().len();
            let mut results = vec![wasmi::Val::I32(0); returns];
            function.call(&mut live.store, &[], &mut results).map_err(|error| format!("{name}: {error}"))?;
            Ok(results.first().and_then(wasmi::Val::i32))
        }

        /// `_initialize`, then `wfb_run` once; records its output.
        fn run_once(&mut self, live: &mut Live) -> Result<(), String> {
            Self::call(live, "_initialize")?;
            let status = Self::call(live, "wfb_run")?.unwrap_or(-1);
            if status != 0 {
                return Err(format!("wfb_run returned {status}"));
            }
            let pointer = Self::call(live, "wfb_output_ptr")?.unwrap_or(0) as u32 as usize;
            let length = Self::call(live, "wfb_output_len")?.unwrap_or(0) as u32 as usize;
            let memory = live.instance.get_memory(&live.store, "memory").ok_or("the module exports no `memory`")?;
            let data = memory.data(&live.store);
            let bytes = data.get(pointer..pointer + length).ok_or_else(|| format!("output [{pointer}, +{length}) lies outside the memory"))?.to_vec();
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

        fn add(&mut self, count: usize, out: &mut impl Write) {
            let start = Instant::now();
            for _ in 0..count {
                let result = self.instantiate().and_then(|mut live| {
                    let ran = self.run_once(&mut live);
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

        fn time_instantiate(&mut self, count: usize, out: &mut impl Write) {
            let mut samples = Vec::with_capacity(count);
            for _ in 0..count {
                let start = Instant::now();
                let made = self.instantiate();
                samples.push(start.elapsed().as_nanos());
                // The instance is dropped at the end of the closure.
                if let Err(message) = made.and_then(|mut live| self.run_once(&mut live)) {
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

    fn fail(message: &str) -> ! {
        eprintln!("wfb-wasmi-scale: {message}");
        std::process::exit(125)
    }

    pub fn main() {
        let args: Vec<String> = std::env::args().skip(1).collect();
        match args.first().map(String::as_str) {
            None | Some("-h") | Some("--help") => fail("usage: wfb-wasmi-scale <reactor.wasm> [args…]"),
            Some("--version") => {
                println!("{VERSION}");
                return;
            }
            Some(_) => {}
        }
        let path = &args[0];
        let bytes = std::fs::read(path).unwrap_or_else(|error| fail(&format!("cannot read module {path}: {error}")));
        let stdout = std::io::stdout();
        let mut out = stdout.lock();
        let start = Instant::now();
        let engine = Engine::default();
        let module = match Module::new(&engine, &bytes[..]) {
            Ok(module) => module,
            Err(error) => {
                let _ = writeln!(out, "error cannot compile {path}: {error}");
                std::process::exit(1);
            }
        };
        let mut linker = Linker::new(&engine);
        if let Err(error) = wasmi_wasi::add_to_linker(&mut linker, |ctx| ctx) {
            let _ = writeln!(out, "error cannot link WASI: {error}");
            std::process::exit(1);
        }
        let mut host = Host { engine, module, linker, args, live: Vec::new(), outputs: HashMap::new(), order: Vec::new() };
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
        host.live.clear();
    }
}

#[cfg(feature = "wasmi")]
fn main() {
    host::main();
}

#[cfg(not(feature = "wasmi"))]
fn main() {
    eprintln!("wfb-wasmi-scale: built without the `wasmi` feature; build it with `--features wasmi`");
    std::process::exit(125);
}
