//! `wfb-wasmi-scale <reactor.wasm> [args…]`: a scale host on the wasmi interpreter (crates.io
//! `wasmi` 2.0.0, default config, with `wasmi_wasi` 2.0.0). It compiles one WASI reactor module
//! (workloads/common/wfb-reactor.c) once, then creates instances on request, each in its own
//! `Store` with its own WASI context (`WasiCtx`, the workload's argv, stderr inherited, no stdout:
//! stdout is the protocol), and keeps them alive (density) or drops each at once (instantiate-only
//! timing), speaking the scale hosts' line protocol (runners/wasm-c-runners/src/scale_protocol.rs,
//! included with `#[path]`). End of stdin drops every instance and exits 0.

#[cfg(feature = "wasmi")]
#[path = "../../wasm-c-runners/src/scale_protocol.rs"]
mod scale_protocol;

#[cfg(feature = "wasmi")]
mod host {
    use std::time::Instant;

    use super::scale_protocol::{serve, ScaleEngine};
    use wasmi::{Engine, Instance, Linker, Module, Store, Val};
    use wasmi_wasi::{WasiCtx, WasiCtxBuilder};

    const VERSION: &str = "wasmi 2.0.0 interpreter (default config), via crates wasmi 2.0.0 + wasmi_wasi 2.0.0 (scale host)";

    struct Live {
        store: Store<WasiCtx>,
        instance: Instance,
    }

    struct Wasmi {
        engine: Engine,
        module: Module,
        linker: Linker<WasiCtx>,
        args: Vec<String>,
    }

    /// Calls an exported function with no arguments: its i32 result (0 for none), or None when it is not exported.
    fn call(live: &mut Live, name: &str) -> Result<Option<i32>, String> {
        let Some(function) = live.instance.get_func(&live.store, name) else { return Ok(None) };
        let mut results = vec![Val::I32(0); function.ty(&live.store).results().len()];
        function.call(&mut live.store, &[], &mut results).map_err(|error| format!("{name}: {error}"))?;
        Ok(Some(results.first().and_then(Val::i32).unwrap_or(0)))
    }

    fn require(live: &mut Live, name: &str) -> Result<i32, String> {
        call(live, name)?.ok_or_else(|| format!("the module exports no function `{name}`: it is not a wfb reactor"))
    }

    impl ScaleEngine for Wasmi {
        type Instance = Live;

        /// A new instance in its own store with its own WASI context.
        fn instantiate(&mut self) -> Result<Live, String> {
            let wasi = WasiCtxBuilder::new().args(&self.args).map_err(|error| format!("WASI arguments: {error}"))?.inherit_stderr().build();
            let mut store = Store::new(&self.engine, wasi);
            let instance = self.linker.instantiate_and_start(&mut store, &self.module).map_err(|error| format!("instantiate: {error}"))?;
            Ok(Live { store, instance })
        }

        fn run_once(&mut self, live: &mut Live) -> Result<Vec<u8>, String> {
            call(live, "_initialize")?;
            let status = require(live, "wfb_run")?;
            if status != 0 {
                return Err(format!("wfb_run returned {status}"));
            }
            let pointer = require(live, "wfb_output_ptr")? as u32 as usize;
            let length = require(live, "wfb_output_len")? as u32 as usize;
            let memory = live.instance.get_memory(&live.store, "memory").ok_or("the module exports no `memory`")?;
            let bytes = memory.data(&live.store).get(pointer..pointer + length).ok_or_else(|| format!("output [{pointer}, +{length}) lies outside the memory"))?;
            Ok(bytes.to_vec())
        }

        fn drop_instance(&mut self, live: Live) {
            drop(live);
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
        let start = Instant::now();
        let engine = Engine::default();
        let module = Module::new(&engine, &bytes[..]).unwrap_or_else(|error| {
            println!("error cannot compile {path}: {error}");
            std::process::exit(1)
        });
        let mut linker = Linker::new(&engine);
        if let Err(error) = wasmi_wasi::add_to_linker(&mut linker, |ctx| ctx) {
            println!("error cannot link WASI: {error}");
            std::process::exit(1);
        }
        let mut host = Wasmi { engine, module, linker, args };
        serve(&mut host, start.elapsed().as_nanos());
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
