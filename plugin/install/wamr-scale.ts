import { wamrRunner } from './wamr.ts'
import { createRunnerInstaller, type WasmCRunner } from './wasm-c-runner.ts'

/**
 * WAMR's scale host `wfb-wamr-scale` (runners/wasm-c-runners/src/bin/wfb-wamr-scale.rs): the same
 * engine and build as `wfb-wamr`, holding many instances of one module in one process for the
 * `scale` command (fixtures/scale/wamr.ts).
 */
export const wamrScaleRunner: WasmCRunner = { ...wamrRunner, name: 'wamr-scale', binary: 'wfb-wamr-scale', sharedSources: [...(wamrRunner.sharedSources ?? []), 'src/scale_protocol.rs'] }

/** `runtimes install wamr-scale`: builds `wfb-wamr-scale` (bindgen needs libclang: `apt-get install -y libclang-dev`). */
export const wamrScaleInstaller = createRunnerInstaller(wamrScaleRunner)
