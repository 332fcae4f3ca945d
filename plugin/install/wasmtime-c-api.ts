/**
 * Wasmtime's embedding (C) API without a Rust build: the C API library in PyPI's `wasmtime` wheel
 * (`wasmtime/linux-x86_64/_libwasmtime.so`, installed with pip) and the C headers of crates.io
 * `wasmtime-c-api-impl` of the same version (fetched with cargo), against which cc builds the scale
 * host fixtures/scale/wasmtime-scale-host.c into `<toolsDir>/bin/wfb-wasmtime-scale` (run path to
 * the library). The installed version is the Wasmtime version plus a hash of the host's source.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { execa } from 'execa'
import { buildAtomically } from '../build-cache/build-atomically.ts'
import { BenchError } from '../errors.ts'
import { packageRoot } from '../package-paths.ts'
import { pathExists } from '../system/path-exists.ts'
import { requireToolchain, runToolchain } from './run-toolchain.ts'
import { toolsBinDir } from './tools-dir.ts'
import type { RuntimeInstaller } from './types.ts'

const wasmtimeVersion = '50.0.1'
const pipFix = 'a Python 3 with pip (`apt-get install -y python3-pip`)'
const cargoFix = 'Rust with cargo (`apt-get install -y cargo`, or rustup)'
const ccFix = 'a C compiler (`apt-get install -y gcc`)'

/** The scale host's C source. */
export const wasmtimeScaleHostSource = join(packageRoot, 'fixtures', 'scale', 'wasmtime-scale-host.c')

/** The features of the wheel's library that the host uses (the crate's `conf.h.in` is filled by cmake otherwise). */
const confHeader = `#ifndef WASMTIME_CONF_H
#define WASMTIME_CONF_H
#define WASMTIME_FEATURE_WASI
#define WASMTIME_FEATURE_POOLING_ALLOCATOR
#define WASMTIME_FEATURE_CRANELIFT
#define WASMTIME_FEATURE_COMPILER
#endif
`

/** `<toolsDir>/wasmtime-c-api`: the wheel, the headers and the version stamp. */
export function wasmtimeCApiDir(toolsDir: string): string {
  return join(toolsDir, 'wasmtime-c-api')
}

/** `<wasmtime version>+<12 hex of SHA-256 of the host source>`: editing the host calls for a reinstall. */
export function wasmtimeCApiVersion(): string {
  const hash = createHash('sha256').update(readFileSync(wasmtimeScaleHostSource)).update(confHeader)
  return `${wasmtimeVersion}+${hash.digest('hex').slice(0, 12)}`
}

function stampPath(toolsDir: string): string {
  return join(wasmtimeCApiDir(toolsDir), 'version')
}

/** The `.crate` file of `name-version` in cargo's download cache, or undefined. */
async function findCachedCrate(name: string, version: string): Promise<string | undefined> {
  const cacheRoot = join(process.env.CARGO_HOME ?? join(homedir(), '.cargo'), 'registry', 'cache')
  for (const registry of await readdir(cacheRoot).catch(() => [])) {
    const path = join(cacheRoot, registry, `${name}-${version}.crate`)
    if (await pathExists(path)) return path
  }
  return undefined
}

/** The Wasmtime C API scale host (`wfb-wasmtime-scale`). */
export const wasmtimeCApiInstaller: RuntimeInstaller = {
  name: 'wasmtime-c-api',
  version: wasmtimeCApiVersion(),
  source: `PyPI wasmtime==${wasmtimeVersion} (pip; its libwasmtime) + crates.io wasmtime-c-api-impl@${wasmtimeVersion} (cargo; its headers), host built with cc`,
  binary: 'wfb-wasmtime-scale',
  async installedVersion(toolsDir) {
    const stamped = await readFile(stampPath(toolsDir), 'utf8').then((text) => text.trim(), () => undefined)
    if (stamped === undefined) return undefined
    const check = await execa(join(toolsBinDir(toolsDir), 'wfb-wasmtime-scale'), ['--version'], { reject: false, stdin: 'ignore', timeout: 10_000 })
    return check.failed ? undefined : stamped
  },
  async install(toolsDir) {
    await requireToolchain('python3', ['-m', 'pip', '--version'], pipFix)
    await requireToolchain('cargo', ['--version'], cargoFix)
    await requireToolchain('cc', ['--version'], ccFix)
    const dir = wasmtimeCApiDir(toolsDir)
    const staging = `${dir}.tmp-${process.pid}`
    await rm(staging, { recursive: true, force: true })
    await mkdir(join(staging, 'fetch', 'src'), { recursive: true })
    try {
      await runToolchain({
        file: 'python3',
        args: ['-m', 'pip', 'install', '--disable-pip-version-check', '--no-input', '--root-user-action=ignore', '--no-deps', '--only-binary', ':all:', '--target', join(staging, 'wheel'), `wasmtime==${wasmtimeVersion}`],
        missingFix: pipFix,
      })
      // cargo downloads crates only as part of a package: a throwaway one that depends on the crate.
      await writeFile(join(staging, 'fetch', 'Cargo.toml'), `[package]\nname = "wfb-fetch-wasmtime-c-api"\nversion = "0.0.0"\nedition = "2021"\n\n[dependencies]\nwasmtime-c-api-impl = { version = "=${wasmtimeVersion}", default-features = false }\n`)
      await writeFile(join(staging, 'fetch', 'src', 'lib.rs'), '')
      await runToolchain({ file: 'cargo', args: ['fetch', '--manifest-path', join(staging, 'fetch', 'Cargo.toml')], missingFix: cargoFix })
      const crate = await findCachedCrate('wasmtime-c-api-impl', wasmtimeVersion)
      if (crate === undefined) throw new BenchError('install-failed', `cargo fetched wasmtime-c-api-impl@${wasmtimeVersion} but its .crate is not in cargo's cache (~/.cargo/registry/cache). Set CARGO_HOME to cargo's folder and install again.`)
      await runToolchain({ file: 'tar', args: ['-xzf', crate, '-C', staging], missingFix: 'tar (`apt-get install -y tar`)' })
      const include = join(staging, `wasmtime-c-api-impl-${wasmtimeVersion}`, 'include')
      await writeFile(join(include, 'wasmtime', 'conf.h'), confHeader)
      await rm(dir, { recursive: true, force: true })
      await rename(staging, dir)
    } finally {
      await rm(staging, { recursive: true, force: true })
    }
    const libDir = join(dir, 'wheel', 'wasmtime', 'linux-x86_64')
    const include = join(dir, `wasmtime-c-api-impl-${wasmtimeVersion}`, 'include')
    await mkdir(toolsBinDir(toolsDir), { recursive: true })
    const binary = join(toolsBinDir(toolsDir), 'wfb-wasmtime-scale')
    await buildAtomically(binary, (tempPath) => runToolchain({
      file: 'cc',
      args: ['-O2', '-I', include, wasmtimeScaleHostSource, '-L', libDir, '-l:_libwasmtime.so', '-Wl,-rpath,$ORIGIN/../wasmtime-c-api/wheel/wasmtime/linux-x86_64', '-o', tempPath],
      missingFix: ccFix,
    }))
    await writeFile(stampPath(toolsDir), `${wasmtimeCApiVersion()}\n`)
  },
}
