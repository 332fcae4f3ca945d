import { access, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { buildWasmFrom, harnessSourcePath, type BuiltModule } from './build-workloads.ts'
import { listWorkloadFolders } from './load-workloads.ts'

/**
 * Builds every C workload of a project's workloads folder: `<dir>/<name>/<name>.c` with the harness
 * to `<dir>/<name>/<name>.wasm` (the flags of the built-in workloads, paths made relative to `dir`
 * so that a rebuild anywhere is byte-identical). Folders without `<name>.c` hold prebuilt modules,
 * built with their own toolchain, and are left alone. Returns what it built, in folder order.
 * @throws BenchError `build-failed` with the compiler's message, `invalid-workload` when `dir` cannot be read.
 */
export async function buildProjectWorkloads(dir: string): Promise<BuiltModule[]> {
  const built: BuiltModule[] = []
  for (const name of await listWorkloadFolders(dir)) {
    const sourcePath = join(dir, name, `${name}.c`)
    try {
      await access(sourcePath)
    } catch {
      continue
    }
    const wasmPath = join(dir, name, `${name}.wasm`)
    await buildWasmFrom([sourcePath, harnessSourcePath], wasmPath, [`-ffile-prefix-map=${dir}/=`])
    built.push({ name, sourcePath, wasmPath, sizeBytes: (await stat(wasmPath)).size })
  }
  return built
}
