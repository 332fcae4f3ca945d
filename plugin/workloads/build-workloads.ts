import { access, chmod, stat } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { execa } from 'execa'
import { buildAtomically } from '../build-cache/build-atomically.ts'
import { ensureCachedBuild } from '../build-cache/ensure-cached-build.ts'
import { hashBuildInputs } from '../build-cache/hash-build-inputs.ts'
import { BenchError } from '../errors.ts'
import type { Workload } from '../types.ts'
import { requireCWorkload } from './require-c-workload.ts'
import { buildCacheDir, packageRoot } from '../package-paths.ts'
import { harnessFolderName, listWorkloadFolders, testdataDir, workloadsDir } from './load-workloads.ts'

/** Folder of the shared C harness (`workloads/common`): wfb.h and wfb-main.c. */
export const harnessDir = join(workloadsDir, harnessFolderName)
/** The harness's `main` (see wfb-main.c), compiled into every workload. */
export const harnessSourcePath = join(harnessDir, 'wfb-main.c')
/** The interface every workload includes (`#include "wfb.h"`). */
export const harnessHeaderPath = join(harnessDir, 'wfb.h')
/** The reactor harness (see its header): a workload as a WASI reactor exporting `wfb_run`, for hosts that call it many times. */
export const reactorSourcePath = join(harnessDir, 'wfb-reactor.c')
/** Where native builds are cached, one file per workload and source hash (`<repo>/.wfb-cache/native`). */
export const nativeCacheDir = buildCacheDir('native')

/** The C compiler that targets wasm32-wasi. */
export const wasmCompiler = 'clang'
/** The host C compiler for native builds. */
export const nativeCompiler = 'cc'
/**
 * Flags of every wasm32-wasi build (plus the include folder and the sources). Debian's wasi-libc
 * lives under /usr. `--strip-all` drops the name and producers sections; the prefix map keeps
 * source paths (`__FILE__`, e.g. in assert) independent of where the repository is checked out,
 * so a rebuild anywhere is byte-identical to the committed module.
 */
export const wasmFlags: readonly string[] = ['--target=wasm32-wasi', '--sysroot=/usr', '-O2', '-Wl,--strip-all', `-ffile-prefix-map=${packageRoot}/=`]
/** Flags of every native build (plus the include folder and the sources). */
export const nativeFlags: readonly string[] = ['-O2']
/**
 * Libraries every native build links, after the sources (link order matters): those a normal C
 * program expects, libm at least (`sqrt`). wasi-libc has libm inside libc, so wasm builds need none.
 */
export const nativeLibraries: readonly string[] = ['-lm']

export const wasmInstallCommand = 'apt-get install -y clang lld wasi-libc libclang-rt-14-dev-wasm32'
export const nativeInstallCommand = 'apt-get install -y gcc'

/** One workload source found on disk and the module built from it. */
export interface WorkloadSource {
  name: string
  /** Absolute path of `<name>.c`. */
  sourcePath: string
  /** Absolute path of the committed `<name>.wasm` (it may not exist yet). */
  wasmPath: string
}

/** A module written by {@link buildAllWorkloads}. */
export interface BuiltModule extends WorkloadSource {
  sizeBytes: number
}

/**
 * Compiles a workload's C source together with the harness to a wasm32-wasi module at `outPath`
 * (written atomically: a temporary file, then a rename).
 * @throws BenchError `build-failed` with the compiler's stderr, or the install command when clang is missing.
 */
export async function buildWasm(sourcePath: string, outPath: string): Promise<void> {
  await buildWasmFrom([sourcePath, harnessSourcePath], outPath)
}

/**
 * Compiles C sources (the first one names the build in messages) to a wasm32-wasi module at `outPath`
 * with the common flags plus `extraFlags` (written atomically), as {@link buildWasm} does.
 */
export async function buildWasmFrom(sources: readonly string[], outPath: string, extraFlags: readonly string[] = []): Promise<void> {
  await buildAtomically(outPath, (tempPath) => compile({ compiler: wasmCompiler, flags: [...wasmFlags, ...extraFlags], target: 'wasm32-wasi', installCommand: wasmInstallCommand, sources, outPath: tempPath }))
}

/**
 * Compiles a workload's C source together with the harness to a native executable at `outPath`
 * (written atomically).
 * @throws BenchError `build-failed` with the compiler's stderr, or the install command when cc is missing.
 */
export async function buildNative(sourcePath: string, outPath: string): Promise<void> {
  await buildNativeFrom([sourcePath, harnessSourcePath], outPath)
}

/**
 * Compiles C sources (the first one names the build in messages) to a native executable at `outPath`
 * with the common flags plus `extraFlags` (written atomically), as {@link buildNative} does.
 */
export async function buildNativeFrom(sources: readonly string[], outPath: string, extraFlags: readonly string[] = []): Promise<void> {
  await buildAtomically(outPath, (tempPath) => compileNative(sources, tempPath, extraFlags))
}

function compileNative(sources: readonly string[], outPath: string, extraFlags: readonly string[]): Promise<void> {
  return compile({ compiler: nativeCompiler, flags: [...nativeFlags, ...extraFlags], target: 'native', installCommand: nativeInstallCommand, sources, outPath, libraries: nativeLibraries })
}

/** `workloads/<name>/<name>.reactor.wasm`: the committed reactor form of a workload (built for `workloads/` only). */
export function reactorWasmPath(workload: { name: string; wasmPath: string }): string {
  return join(dirname(workload.wasmPath), `${workload.name}.reactor.wasm`)
}

/**
 * Compiles a workload's C source with wfb-reactor.c (which includes wfb-main.c) into a WASI reactor
 * (`-mexec-model=reactor`) at `outPath`, with the flags of the command modules.
 */
export async function buildReactorWasm(sourcePath: string, outPath: string): Promise<void> {
  await buildWasmFrom([sourcePath, reactorSourcePath], outPath, ['-mexec-model=reactor'])
}

/**
 * The path of the workload's native executable, built into {@link nativeCacheDir} as
 * `<name>-<12 hex of SHA-256 of the C sources and flags>` only when absent.
 */
export async function ensureNativeBinary(workload: Workload): Promise<string> {
  const { name, sourcePath } = requireCWorkload(workload, 'The native floor is built')
  return ensureNativeBuild({ name, sources: [sourcePath, harnessSourcePath], hashedFiles: [harnessHeaderPath] })
}

/** One cached native build: what {@link ensureNativeBuild} compiles. */
export interface NativeBuild {
  /** File name prefix in the cache (`html`, `html-http-server`). */
  name: string
  /** The C files compiled together, the workload's first. */
  sources: readonly string[]
  /** Other files the build reads (headers, included sources), hashed into the cache key. */
  hashedFiles: readonly string[]
  /** Flags after the common native flags; default none. */
  extraFlags?: readonly string[]
}

/**
 * The path of a native executable, built into {@link nativeCacheDir} as `<name>-<12 hex of SHA-256
 * of the sources, hashed files and flags>` only when absent; one build per path per process.
 */
export async function ensureNativeBuild(request: NativeBuild): Promise<string> {
  const { name, sources, hashedFiles, extraFlags = [] } = request
  const key = await hashBuildInputs({
    files: [sources[0] ?? '', ...hashedFiles, ...sources.slice(1)],
    values: [nativeCompiler, ...nativeFlags, ...extraFlags, ...nativeLibraries],
  })
  return ensureCachedBuild({ dir: nativeCacheDir, name: `${name}-${key}`, build: (tempPath) => compileNative(request.sources, tempPath, extraFlags) })
}

/** Every `<dir>/<folder>/<folder>.c` in the given folders (default: workloads and test data), sorted by folder. */
export async function findWorkloadSources(dirs: readonly string[] = [workloadsDir, testdataDir]): Promise<WorkloadSource[]> {
  const sources: WorkloadSource[] = []
  for (const dir of dirs) {
    for (const name of await listWorkloadFolders(dir)) {
      const sourcePath = join(dir, name, `${name}.c`)
      try {
        await access(sourcePath)
      } catch {
        throw new BenchError('invalid-workload', `Workload folder \`${relative(packageRoot, join(dir, name))}\` has no \`${name}.c\`. Add the C source (it implements \`wfb_main\` from workloads/common/wfb.h) or remove the folder.`)
      }
      sources.push({ name, sourcePath, wasmPath: join(dir, name, `${name}.wasm`) })
    }
  }
  return sources
}

/** Rebuilds every committed `.wasm` (workloads and test data) from its C source, a few compilers at a time. */
export async function buildAllWorkloads(dirs: readonly string[] = [workloadsDir, testdataDir]): Promise<BuiltModule[]> {
  const sources = await findWorkloadSources(dirs)
  const built: BuiltModule[] = []
  let next = 0
  const worker = async (): Promise<void> => {
    for (let index = next++; index < sources.length; index = next++) {
      const source = sources[index] as WorkloadSource
      await buildWasm(source.sourcePath, source.wasmPath)
      if (dirname(dirname(source.sourcePath)) === workloadsDir) await buildReactorWasm(source.sourcePath, reactorWasmPath(source))
      built[index] = { ...source, sizeBytes: (await stat(source.wasmPath)).size }
    }
  }
  await Promise.all(Array.from({ length: Math.min(availableParallelism(), sources.length) }, worker))
  return built
}

interface CompileRequest {
  compiler: string
  flags: readonly string[]
  target: 'wasm32-wasi' | 'native'
  installCommand: string
  /** The C files compiled together; the first is the workload's, named in messages. */
  sources: readonly string[]
  outPath: string
  /** Libraries linked after the sources; default none. */
  libraries?: readonly string[]
}

/** Runs the compiler once, writing `outPath` directly (callers pass a temporary path, see {@link buildAtomically}). */
async function compile(request: CompileRequest): Promise<void> {
  const { compiler, flags, target, installCommand, sources, outPath, libraries = [] } = request
  const sourcePath = sources[0] ?? ''
  const shownSource = relative(packageRoot, sourcePath).startsWith('..') ? sourcePath : relative(packageRoot, sourcePath)
  const args = [...flags, `-I${harnessDir}`, ...sources, '-o', outPath, ...libraries]
  const result = await execa(compiler, args, { reject: false, stdin: 'ignore' })
  if (result.failed) {
    // execa reports a missing executable as the spawn error's code, not as an exit code.
    if ('code' in result && result.code === 'ENOENT') {
      throw new BenchError('build-failed', `\`${compiler}\` was not found, so \`${shownSource}\` cannot be built for ${target}. Install it: \`${installCommand}\`.`, { cause: result })
    }
    const hint = target === 'wasm32-wasi' ? ` If it is about missing headers, crt1-command.o or libclang_rt.builtins-wasm32.a, install the WASI toolchain: \`${installCommand}\`.` : ''
    throw new BenchError(
      'build-failed',
      `Building \`${shownSource}\` for ${target} failed (\`${compiler}\` exit code ${String(result.exitCode)}). Fix the error below.${hint}\n${String(result.stderr).trim()}`,
      { cause: result },
    )
  }
  // A module is data, not a program: keep it out of git's executable mode whoever builds it.
  if (target === 'wasm32-wasi') await chmod(outPath, 0o644)
}
