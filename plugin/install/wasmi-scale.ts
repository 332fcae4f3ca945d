import { join } from 'node:path'
import { packageRoot } from '../package-paths.ts'
import { createRunnerInstaller, type WasmCRunner } from './wasm-c-runner.ts'

/**
 * wasmi's scale host `wfb-wasmi-scale` (runners/wasmi-scale): crates.io `wasmi` 2.0.0 and
 * `wasmi_wasi` 2.0.0 (pinned exactly in its Cargo.toml and lock file), holding many instances of
 * one module in one process for the `scale` command (fixtures/scale/wasmi.ts). A crate of its own,
 * so that the wasm-c-runners keep their lock file. Pure Rust: cargo is all it needs.
 */
export const wasmiScaleRunner: WasmCRunner = {
  name: 'wasmi-scale',
  feature: 'wasmi',
  binary: 'wfb-wasmi-scale',
  engine: 'wasmi 2.0.0 from crates.io wasmi and wasmi_wasi 2.0.0',
  buildTools: [],
  buildFix: 'Rust 1.86 or newer (wasmi 2.0 needs it; Debian 12\'s cargo is too old: use rustup)',
  sharedLibraries: [],
  crateDir: join(packageRoot, 'runners', 'wasmi-scale'),
  sourceFiles: ['Cargo.toml', 'Cargo.lock', 'src/main.rs', '../wasm-c-runners/src/scale_protocol.rs'],
}

/** `runtimes install wasmi-scale`: builds `wfb-wasmi-scale` with cargo (a few minutes on 2 cores). */
export const wasmiScaleInstaller = createRunnerInstaller(wasmiScaleRunner)
