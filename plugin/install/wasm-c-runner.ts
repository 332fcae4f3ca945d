/**
 * Installers for the runners in runners/wasm-c-runners: small Rust programs that embed a C
 * WebAssembly engine from crates.io (its C sources vendored in the crate) and run a WASI command
 * module as `<runner> module.wasm [args…]`. `cargo build --release --locked` builds one into
 * `<toolsDir>/wasm-c-runners/target`; the executable (and any shared library it loads, from
 * `<toolsDir>/lib`) is copied into the tools folder. The installed version is the runner crate's
 * version plus a hash of the sources that make the runner, so editing them calls for a reinstall.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { copyFile, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { execa } from 'execa'
import { buildAtomically } from '../build-cache/build-atomically.ts'
import { BenchError } from '../errors.ts'
import { packageRoot } from '../package-paths.ts'
import type { Detection } from '../types.ts'
import { detectRuntimeTool, type ToolLookup } from './detect-tool.ts'
import { requireToolchain, runToolchain } from './run-toolchain.ts'
import { resolveToolsDir, toolsBinDir } from './tools-dir.ts'
import type { RuntimeInstaller } from './types.ts'

/** The Rust crate of the runners (`<repo>/runners/wasm-c-runners`). */
export const runnersCrateDir = join(packageRoot, 'runners', 'wasm-c-runners')

const cargoFix = 'Rust with cargo (`apt-get install -y cargo`, or rustup)'

/** One runner binary of the crate. */
export interface WasmCRunner {
  /** Runtime and installer name (`wamr`). */
  name: string
  /** Cargo feature that pulls in the engine, and the binary's name (`wfb-wamr`). */
  feature: string
  binary: string
  /** The engine and the crate it comes from, for messages. */
  engine: string
  /** Other programs the engine's build script runs, each with how to get it. */
  buildTools: Array<{ file: string; args: string[]; fix: string }>
  /** How to get everything the build needs besides cargo (libclang for bindgen has no program to check). */
  buildFix: string
  /**
   * Shared libraries the binary loads from `<toolsDir>/lib` (run path `$ORIGIN/../lib`): the file
   * name and the build-script folder (`target/release/build/<crate>-<hash>/out/...`) it is built in.
   */
  sharedLibraries: Array<{ fileName: string; crate: string; outSubdir: string }>
  /** Source files besides lib.rs that the binary includes as modules (`src/wamr_common.rs`), relative to the crate; default none. */
  sharedSources?: readonly string[]
  /** The crate it is built from, when not runners/wasm-c-runners (an engine whose dependencies would move that crate's lock file). */
  crateDir?: string
  /** Its source files relative to that crate, when not the wasm-c-runners layout of {@link runnerSourceFiles}. */
  sourceFiles?: string[]
}

/** `<toolsDir>/lib`: shared libraries of installed runners. */
export function toolsLibDir(toolsDir: string): string {
  return join(toolsDir, 'lib')
}

/** `<toolsDir>/wasm-c-runners`: cargo's target folder and the version stamps. */
function runnersToolsDir(toolsDir: string): string {
  return join(toolsDir, 'wasm-c-runners')
}

function stampPath(toolsDir: string, runner: WasmCRunner): string {
  return join(runnersToolsDir(toolsDir), `${runner.binary}.version`)
}

/** The files a runner is built from, relative to the crate: the manifest, lock file, build script, shared code and its own main. */
export function runnerSourceFiles(runner: Pick<WasmCRunner, 'binary' | 'sharedSources' | 'sourceFiles'>): string[] {
  return runner.sourceFiles ?? ['Cargo.toml', 'Cargo.lock', 'build.rs', 'src/lib.rs', ...(runner.sharedSources ?? []), `src/bin/${runner.binary}.rs`]
}

/**
 * The version an install of `runner` from the sources in `crateDir` gets: `<crate version>+<12 hex
 * of SHA-256 over its source files>` (`0.1.0+3f2a…`). Read synchronously: a few small files.
 */
export function runnerVersion(runner: Pick<WasmCRunner, 'binary' | 'sharedSources' | 'sourceFiles' | 'crateDir'>, crateDir: string = runner.crateDir ?? runnersCrateDir): string {
  const hash = createHash('sha256')
  for (const file of runnerSourceFiles(runner)) {
    hash.update(file).update('\0').update(readFileSync(join(crateDir, file))).update('\0')
  }
  const manifest = readFileSync(join(crateDir, 'Cargo.toml'), 'utf8')
  const crateVersion = /^version\s*=\s*"([^"]+)"/m.exec(manifest)?.[1] ?? '0.0.0'
  return `${crateVersion}+${hash.digest('hex').slice(0, 12)}`
}

/** The version stamped by the last successful install of `runner` into `toolsDir`, or undefined. */
export async function stampedRunnerVersion(toolsDir: string, runner: WasmCRunner): Promise<string | undefined> {
  try {
    return (await readFile(stampPath(toolsDir, runner), 'utf8')).trim()
  } catch {
    return undefined
  }
}

/** Copies `from` to `to` through a temporary name, so a reader never sees half a file. */
async function replaceFile(from: string, to: string): Promise<void> {
  await buildAtomically(to, (temp) => copyFile(from, temp))
}

/** The newest `<targetDir>/release/build/<crate>-<hash>/out/<outSubdir>/<fileName>`. */
async function findBuiltLibrary(targetDir: string, library: WasmCRunner['sharedLibraries'][number]): Promise<string> {
  const buildDir = join(targetDir, 'release', 'build')
  const candidates: Array<{ path: string; mtimeMs: number }> = []
  for (const name of await readdir(buildDir).catch(() => [])) {
    if (!name.startsWith(`${library.crate}-`)) continue
    const path = join(buildDir, name, 'out', library.outSubdir, library.fileName)
    const info = await stat(path).catch(() => undefined)
    if (info !== undefined) candidates.push({ path, mtimeMs: info.mtimeMs })
  }
  const newest = candidates.sort((a, b) => b.mtimeMs - a.mtimeMs)[0]
  if (newest === undefined) {
    throw new BenchError('install-failed', `The build left no ${library.fileName} under ${buildDir}/${library.crate}-*/out/${library.outSubdir}. Remove ${targetDir} and install again.`)
  }
  return newest.path
}

/** A {@link RuntimeInstaller} that builds `runner` from runners/wasm-c-runners with cargo. */
export function createRunnerInstaller(runner: WasmCRunner): RuntimeInstaller {
  const version = runnerVersion(runner)
  return {
    name: runner.name,
    version,
    source: `${runner.engine}, in ${relative(packageRoot, runner.crateDir ?? runnersCrateDir)} (cargo build --release --locked --features ${runner.feature})`,
    binary: runner.binary,
    async installedVersion(toolsDir) {
      const stamped = await stampedRunnerVersion(toolsDir, runner)
      if (stamped === undefined) return undefined
      // The stamp alone is not enough: the binary (and its libraries) must still start.
      const check = await execa(join(toolsBinDir(toolsDir), runner.binary), ['--version'], { reject: false, stdin: 'ignore', timeout: 10_000 })
      return check.failed ? undefined : stamped
    },
    async install(toolsDir) {
      await requireToolchain('cargo', ['--version'], cargoFix)
      for (const tool of runner.buildTools) await requireToolchain(tool.file, tool.args, tool.fix)
      const targetDir = join(runnersToolsDir(toolsDir), 'target')
      await runToolchain({
        file: 'cargo',
        args: ['build', '--release', '--locked', '--manifest-path', join(runner.crateDir ?? runnersCrateDir, 'Cargo.toml'), '--features', runner.feature, '--bin', runner.binary],
        env: { CARGO_TARGET_DIR: targetDir },
        missingFix: `${cargoFix}; ${runner.buildFix}`,
      })
      await rm(stampPath(toolsDir, runner), { force: true })
      await mkdir(toolsBinDir(toolsDir), { recursive: true })
      for (const library of runner.sharedLibraries) {
        await mkdir(toolsLibDir(toolsDir), { recursive: true })
        await replaceFile(await findBuiltLibrary(targetDir, library), join(toolsLibDir(toolsDir), library.fileName))
      }
      await replaceFile(join(targetDir, 'release', runner.binary), join(toolsBinDir(toolsDir), runner.binary))
      await writeFile(stampPath(toolsDir, runner), `${version}\n`)
    },
  }
}

/** Where an adapter looks for a runner: `<toolsDir>/bin/<binary>` only (this repository's programs are on no PATH). */
export function runnerLookup(runner: WasmCRunner, toolsDir: string = resolveToolsDir()): ToolLookup {
  return { binary: runner.binary, install: `npx wasm-faas-bench runtimes install ${runner.name}`, searchDirs: [toolsBinDir(toolsDir)] }
}

/**
 * An adapter's `detect()` for a runner: present, starts, says its engine and version, and was built
 * from the runner sources the repository holds now (else it is unavailable until reinstalled).
 */
export async function detectRunner(runner: WasmCRunner, commandTemplate: string, toolsDir: string = resolveToolsDir()): Promise<Detection> {
  const lookup = runnerLookup(runner, toolsDir)
  const detection = await detectRuntimeTool(lookup, commandTemplate)
  if (!detection.available) return detection
  const stamped = await stampedRunnerVersion(toolsDir, runner)
  const current = runnerVersion(runner)
  if (stamped !== current) {
    return { ...detection, available: false, reason: `${runner.binary} in the tools folder was built from other sources (${stamped ?? 'no version stamp'}) than runners/wasm-c-runners holds now (${current}); rebuild it` }
  }
  return detection
}
