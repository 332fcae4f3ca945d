//! The line protocol every scale host speaks (plugin/scale/line-host.ts; the C host
//! fixtures/scale/wasmtime-scale-host.c speaks it too), for hosts written in Rust. Included with
//! `#[path]` by wfb-wasm3-scale.rs and runners/wasmi-scale (a crate of its own), so that the
//! runner library (and so every runner's version) stays as it is.
//!
//! Replies on stdout: `ready <loadNs>` once; `add K` -> `output <count> <hex>`… then
//! `added <K> <live> <elapsedNs>` (K new instances, each run once and kept alive); `instantiate K`
//! -> `output …`… then `instantiated <ns>…` (K times: instantiate, timed alone; run; drop);
//! `error <message>` instead of a reply on failure. End of stdin drops every live instance.

use std::collections::HashMap;
use std::io::{BufRead, Write};
use std::time::Instant;

/// An engine that makes and runs instances of one module (a wfb WASI reactor).
pub trait ScaleEngine {
    type Instance;
    /// A new instance with its own WASI context, not yet initialised.
    fn instantiate(&mut self) -> Result<Self::Instance, String>;
    /// `_initialize` (when exported), then `wfb_run` once: the bytes it wrote.
    fn run_once(&mut self, instance: &mut Self::Instance) -> Result<Vec<u8>, String>;
    /// Frees an instance.
    fn drop_instance(&mut self, instance: Self::Instance);
}

/// Each distinct output with how many instances printed it, in order of first appearance.
#[derive(Default)]
struct Outputs {
    counts: HashMap<Vec<u8>, usize>,
    order: Vec<Vec<u8>>,
}

impl Outputs {
    fn record(&mut self, bytes: Vec<u8>) {
        if !self.counts.contains_key(&bytes) {
            self.order.push(bytes.clone());
        }
        *self.counts.entry(bytes).or_insert(0) += 1;
    }

    fn flush(&mut self, out: &mut impl Write) {
        for bytes in self.order.drain(..) {
            let count = self.counts.remove(&bytes).unwrap_or(0);
            let hex: String = bytes.iter().map(|byte| format!("{byte:02x}")).collect();
            let _ = writeln!(out, "output {count} {hex}");
        }
    }
}

fn add<E: ScaleEngine>(engine: &mut E, live: &mut Vec<E::Instance>, outputs: &mut Outputs, count: usize, out: &mut impl Write) {
    let start = Instant::now();
    for _ in 0..count {
        let result = engine.instantiate().and_then(|mut instance| {
            let ran = engine.run_once(&mut instance);
            live.push(instance);
            ran
        });
        match result {
            Ok(bytes) => outputs.record(bytes),
            Err(message) => {
                outputs.flush(out);
                let _ = writeln!(out, "error {message} (after {} live instances)", live.len());
                return;
            }
        }
    }
    let elapsed = start.elapsed().as_nanos();
    outputs.flush(out);
    let _ = writeln!(out, "added {count} {} {elapsed}", live.len());
}

fn time_instantiate<E: ScaleEngine>(engine: &mut E, outputs: &mut Outputs, count: usize, out: &mut impl Write) {
    let mut samples = Vec::with_capacity(count);
    for _ in 0..count {
        let start = Instant::now();
        let made = engine.instantiate();
        samples.push(start.elapsed().as_nanos());
        let result = made.and_then(|mut instance| {
            let ran = engine.run_once(&mut instance);
            engine.drop_instance(instance);
            ran
        });
        match result {
            Ok(bytes) => outputs.record(bytes),
            Err(message) => {
                outputs.flush(out);
                let _ = writeln!(out, "error {message}");
                return;
            }
        }
    }
    outputs.flush(out);
    let text: Vec<String> = samples.iter().map(u128::to_string).collect();
    let _ = writeln!(out, "instantiated {}", text.join(" "));
}

/// Says `ready <load_ns>`, answers commands until stdin ends, then drops every live instance.
pub fn serve<E: ScaleEngine>(engine: &mut E, load_ns: u128) {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut live: Vec<E::Instance> = Vec::new();
    let mut outputs = Outputs::default();
    let _ = writeln!(out, "ready {load_ns}");
    let _ = out.flush();
    for line in std::io::stdin().lock().lines() {
        let Ok(line) = line else { break };
        let words: Vec<&str> = line.split_whitespace().collect();
        let count = words.get(1).and_then(|text| text.parse::<usize>().ok()).filter(|count| *count > 0);
        match (words.first().copied(), count) {
            (Some("add"), Some(count)) => add(engine, &mut live, &mut outputs, count, &mut out),
            (Some("instantiate"), Some(count)) => time_instantiate(engine, &mut outputs, count, &mut out),
            _ => {
                let _ = writeln!(out, "error unknown command `{line}`; use `add K` or `instantiate K`");
            }
        }
        let _ = out.flush();
    }
    for instance in live.drain(..) {
        engine.drop_instance(instance);
    }
}
