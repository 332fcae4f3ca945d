/**
 * Building a workload as a wasi:http component for `wasmtime serve`, from C:
 * 1. `wit-bindgen c <wit> --world proxy --no-object-file`: C bindings (proxy.h, proxy.c) for a world
 *    `wfb:http/proxy` that includes wasi:http/proxy@0.2.12, whose WIT comes from the crate
 *    wasmtime-wasi-http 49.0.3 (the version Wasmtime 49 serves; see plugin/install/wasi-http-c.ts);
 * 2. clang: the workload, workloads/common/wfb-http-wasi.c (the incoming-handler), wfb-http-request.c
 *    and the bindings to a wasm32-wasi reactor, with the flags of the command modules;
 * 3. `wasm-tools component embed <wit> --world proxy`: the world's type information into the module;
 * 4. `wasm-tools component new --adapt wasi_snapshot_preview1=<proxy adapter>`: the component, the
 *    preview1 imports of wasi-libc served by the adapter of wasi-preview1-component-adapter-provider 49.0.3.
 * Every input is pinned, so a rebuild is byte-identical to the committed component.
 */
import { randomBytes } from 'node:crypto'
import { chmod, mkdir, mkdtemp, rm, stat, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { execa } from 'execa'
import { buildAtomically } from '../build-cache/build-atomically.ts'
import { BenchError } from '../errors.ts'
import { requireTool } from '../install/detect-tool.ts'
import { resolveToolsDir } from '../install/tools-dir.ts'
import { wasiHttpFiles } from '../install/wasi-http-c.ts'
import { httpServerDefine, type BuiltServerModule } from './build-http-servers.ts'
import { buildWasmFrom, findWorkloadSources, harnessDir } from './build-workloads.ts'
import { workloadsDir } from './load-workloads.ts'

/** The command that installs the whole toolchain. */
export const wasiHttpInstallCommand = 'npx wasm-faas-bench runtimes install wasi-http-c'

/** The world the bindings and the component are made for. */
const worldWit = 'package wfb:http;\n\nworld proxy {\n  include wasi:http/proxy@0.2.12;\n}\n'

/** `workloads/<name>/<name>.wasi-http.wasm`: the committed wasi:http component of a workload. */
export function wasiHttpComponentPath(workload: { name: string; wasmPath: string }): string {
  return join(dirname(workload.wasmPath), `${workload.name}.wasi-http.wasm`)
}

/** The tools one component build uses. */
interface Toolchain {
  witBindgen: string
  wasmTools: string
  adapterPath: string
  witDir: string
  bindingsDir: string
}

/**
 * Prepares a scratch folder with the world's WIT and its C bindings; `close` removes it.
 * @throws BenchError `runtime-unavailable` naming {@link wasiHttpInstallCommand} when a tool or file is missing.
 */
export async function prepareWasiHttpToolchain(): Promise<Toolchain & { close: () => Promise<void> }> {
  const install = wasiHttpInstallCommand
  const [witBindgen, wasmTools] = await Promise.all([requireTool({ binary: 'wit-bindgen', install }), requireTool({ binary: 'wasm-tools', install })])
  const files = wasiHttpFiles(resolveToolsDir())
  const scratch = await mkdtemp(join(tmpdir(), `wfb-wasi-http-${process.pid}-`))
  try {
    const witDir = join(scratch, 'wit')
    const bindingsDir = join(scratch, 'bindings')
    await mkdir(witDir)
    await writeFile(join(witDir, 'world.wit'), worldWit)
    await symlink(files.witDepsDir, join(witDir, 'deps'))
    await run(witBindgen.realPath, ['c', witDir, '--world', 'proxy', '--no-object-file', '--out-dir', bindingsDir], 'generating the C bindings')
    return { witBindgen: witBindgen.realPath, wasmTools: wasmTools.realPath, adapterPath: files.adapterPath, witDir, bindingsDir, close: () => rm(scratch, { recursive: true, force: true }) }
  } catch (error) {
    await rm(scratch, { recursive: true, force: true })
    throw error
  }
}

/**
 * Builds one workload's wasi:http component at `outPath` (atomically) with a prepared toolchain.
 * @throws BenchError `build-failed` with the failing step's output.
 */
export async function buildWasiHttpComponent(workload: { name: string; sourcePath: string }, outPath: string, toolchain: Toolchain): Promise<void> {
  const stem = join(dirname(toolchain.bindingsDir), `${workload.name}-${randomBytes(4).toString('hex')}`)
  const sources = [workload.sourcePath, join(harnessDir, 'wfb-http-wasi.c'), join(harnessDir, 'wfb-http-request.c'), join(toolchain.bindingsDir, 'proxy.c')]
  await buildWasmFrom(sources, `${stem}.core.wasm`, ['-mexec-model=reactor', `-I${toolchain.bindingsDir}`, `-ffile-prefix-map=${dirname(toolchain.bindingsDir)}/=`, httpServerDefine(workload.name)])
  await run(toolchain.wasmTools, ['component', 'embed', toolchain.witDir, '--world', 'proxy', `${stem}.core.wasm`, '-o', `${stem}.embedded.wasm`], 'embedding the world')
  await buildAtomically(outPath, async (tempPath) => {
    await run(toolchain.wasmTools, ['component', 'new', `${stem}.embedded.wasm`, '--adapt', `wasi_snapshot_preview1=${toolchain.adapterPath}`, '-o', tempPath], 'making the component')
    await chmod(tempPath, 0o644)
  })
}

async function run(file: string, args: string[], step: string): Promise<void> {
  const result = await execa(file, args, { reject: false, stdin: 'ignore' })
  if (result.failed) {
    throw new BenchError('build-failed', `The wasi:http component build failed ${step} (\`${basename(file)} ${args.join(' ')}\`: ${result.shortMessage}). Reinstall the toolchain with \`${wasiHttpInstallCommand}\` if it is about a missing file.\n${result.stderr.trim()}`, { cause: result.cause })
  }
}

/**
 * Rebuilds every workload's committed wasi:http component (`workloads/<name>/<name>.wasi-http.wasm`).
 * @throws BenchError `runtime-unavailable` when the toolchain is not installed.
 */
export async function buildAllWasiHttpComponents(): Promise<BuiltServerModule[]> {
  const toolchain = await prepareWasiHttpToolchain()
  try {
    const built: BuiltServerModule[] = []
    for (const source of await findWorkloadSources([workloadsDir])) {
      const path = wasiHttpComponentPath(source)
      await buildWasiHttpComponent(source, path, toolchain)
      built.push({ path, sizeBytes: (await stat(path)).size })
    }
    return built
  } finally {
    await toolchain.close()
  }
}
