import { createRunnerInstaller, type WasmCRunner } from './wasm-c-runner.ts'

/**
 * wasm3's runner `wfb-wasm3`: the crate wasm3-sys 0.3.0 (wasm3 0.4.7 with its own WASI, C sources
 * vendored) compiled with cc, its bindings generated with libclang. Linked statically.
 */
export const wasm3Runner: WasmCRunner = {
  name: 'wasm3',
  feature: 'wasm3',
  binary: 'wfb-wasm3',
  engine: 'wasm3 0.4.7 from crates.io wasm3-sys 0.3.0',
  buildTools: [{ file: 'cc', args: ['--version'], fix: '`apt-get install -y gcc`' }],
  buildFix: '`apt-get install -y libclang-dev gcc`',
  sharedLibraries: [],
}

/** `runtimes install wasm3`: builds `wfb-wasm3` (bindgen needs libclang: `apt-get install -y libclang-dev`). */
export const wasm3Installer = createRunnerInstaller(wasm3Runner)
