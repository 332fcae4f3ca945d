import { heyInstaller, wrkInstaller } from './load-generators.ts'
import { runcInstaller } from './runc.ts'
import type { RuntimeInstaller } from './types.ts'
import { wamrInstaller } from './wamr.ts'
import { wamrScaleInstaller } from './wamr-scale.ts'
import { wasm3Installer } from './wasm3.ts'
import { wasm3ScaleInstaller } from './wasm3-scale.ts'
import { wasiHttpCInstaller } from './wasi-http-c.ts'
import { wasmiInstaller } from './wasmi.ts'
import { wasmiScaleInstaller } from './wasmi-scale.ts'
import { wasmtimeInstaller } from './wasmtime.ts'
import { wasmtimeCApiInstaller } from './wasmtime-c-api.ts'
import { wazeroInstaller } from './wazero.ts'

/** Every runtime `wasm-faas-bench runtimes install` knows, by name. A new one is one file here and one line in this map. */
export const installers = {
  wasmtime: wasmtimeInstaller,
  'wasmtime-c-api': wasmtimeCApiInstaller,
  wazero: wazeroInstaller,
  wasmi: wasmiInstaller,
  'wasmi-scale': wasmiScaleInstaller,
  wamr: wamrInstaller,
  'wamr-scale': wamrScaleInstaller,
  wasm3: wasm3Installer,
  'wasm3-scale': wasm3ScaleInstaller,
  runc: runcInstaller,
  'wasi-http-c': wasiHttpCInstaller,
  hey: heyInstaller,
  wrk: wrkInstaller,
} satisfies Record<string, RuntimeInstaller>

/** A name `runtimes install` accepts. */
export type InstallerName = keyof typeof installers

/** The installer names, in map order. */
export const installerNames = Object.keys(installers) as InstallerName[]
