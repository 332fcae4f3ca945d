import { wasm3Runner } from './wasm3.ts'
import { createRunnerInstaller, runnerSourceFiles, type WasmCRunner } from './wasm-c-runner.ts'

/**
 * wasm3's scale host `wfb-wasm3-scale` (runners/wasm-c-runners/src/bin/wfb-wasm3-scale.rs): the same
 * engine and build as `wfb-wasm3`, holding many instances of one module in one process for the
 * `scale` command (fixtures/scale/wasm3.ts).
 */
export const wasm3ScaleRunner: WasmCRunner = { ...wasm3Runner, name: 'wasm3-scale', binary: 'wfb-wasm3-scale', sourceFiles: [...runnerSourceFiles({ binary: 'wfb-wasm3-scale' }), 'src/scale_protocol.rs'] }

/** `runtimes install wasm3-scale`: builds `wfb-wasm3-scale` (bindgen needs libclang: `apt-get install -y libclang-dev`). */
export const wasm3ScaleInstaller = createRunnerInstaller(wasm3ScaleRunner)
