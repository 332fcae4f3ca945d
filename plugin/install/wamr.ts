import { createRunnerInstaller, type WasmCRunner } from './wasm-c-runner.ts'

/**
 * WAMR's runner `wfb-wamr`: the crate wamr-sys 0.1.1 (WAMR commit 50f9a3e, Dec 2020, C sources
 * vendored) built with cmake, its bindings generated with libclang. wamr-sys links WAMR as
 * libiwasm.so, which goes to `<toolsDir>/lib`.
 */
export const wamrRunner: WasmCRunner = {
  name: 'wamr',
  feature: 'wamr',
  binary: 'wfb-wamr',
  engine: 'WAMR 50f9a3e from crates.io wamr-sys 0.1.1',
  buildTools: [
    { file: 'cmake', args: ['--version'], fix: '`apt-get install -y cmake`' },
    { file: 'cc', args: ['--version'], fix: '`apt-get install -y gcc`' },
  ],
  buildFix: '`apt-get install -y cmake libclang-dev gcc`',
  sharedLibraries: [{ fileName: 'libiwasm.so', crate: 'wamr-sys', outSubdir: 'build' }],
  // Start-up, loading and WASI set-up shared with wfb-wamr-scale.
  sharedSources: ['src/wamr_common.rs'],
}

/** `runtimes install wamr`: builds `wfb-wamr` (bindgen needs libclang: `apt-get install -y libclang-dev`). */
export const wamrInstaller = createRunnerInstaller(wamrRunner)
