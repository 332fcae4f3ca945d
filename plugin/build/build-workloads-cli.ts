// `npm run build:workloads`: rebuilds every committed workload module (workloads/*, test-data/*) from C.
import { relative } from 'node:path'
import { BenchError } from '../errors.ts'
import { buildAllHttpServerWasm, type BuiltServerModule } from '../workloads/build-http-servers.ts'
import { buildAllWorkloads, wasmCompiler, wasmFlags } from '../workloads/build-workloads.ts'
import { buildAllWasiHttpComponents } from '../workloads/build-wasi-http-component.ts'
import { packageRoot } from '../package-paths.ts'

/** Prints one built file: path, KiB and bytes. */
function printBuilt(path: string, sizeBytes: number, width: number): void {
  const size = `${(sizeBytes / 1024).toFixed(1)} KiB`.padStart(9)
  console.log(`  ${relative(packageRoot, path).padEnd(width)}  ${size}  (${sizeBytes} bytes)`)
}

try {
  console.log(`Building workloads: ${wasmCompiler} ${wasmFlags.join(' ')}`)
  const built = await buildAllWorkloads()
  const width = Math.max(...built.map((module) => relative(packageRoot, module.wasmPath).length))
  for (const module of built) printBuilt(module.wasmPath, module.sizeBytes, width)
  console.log('Building the preview1 socket servers (workloads/common/wfb-http-server.c)')
  const servers = await buildAllHttpServerWasm()
  for (const module of servers) printBuilt(module.path, module.sizeBytes, width)
  let components: BuiltServerModule[] = []
  try {
    console.log('Building the wasi:http components (workloads/common/wfb-http-wasi.c)')
    components = await buildAllWasiHttpComponents()
    for (const module of components) printBuilt(module.path, module.sizeBytes, width)
  } catch (error) {
    if (!(error instanceof BenchError && error.code === 'runtime-unavailable')) throw error
    console.warn(`  skipped: ${error.message}`)
  }
  console.log(`Built ${built.length + servers.length + components.length} modules. Commit the .wasm files that changed.`)
} catch (error) {
  console.error(error instanceof BenchError ? error.message : error)
  process.exitCode = 1
}
