// `npm run build:workloads`: rebuilds every committed workload module (workloads/*, fixtures/testdata/*) from C.
import { relative } from 'node:path'
import { BenchError } from '../errors.ts'
import { buildAllWorkloads, wasmCompiler, wasmFlags } from '../workloads/build-workloads.ts'
import { repoRoot } from '../workloads/load-workloads.ts'

try {
  console.log(`Building workloads: ${wasmCompiler} ${wasmFlags.join(' ')}`)
  const built = await buildAllWorkloads()
  const width = Math.max(...built.map((module) => relative(repoRoot, module.wasmPath).length))
  for (const module of built) {
    const size = `${(module.sizeBytes / 1024).toFixed(1)} KiB`.padStart(9)
    console.log(`  ${relative(repoRoot, module.wasmPath).padEnd(width)}  ${size}  (${module.sizeBytes} bytes)`)
  }
  console.log(`Built ${built.length} modules. Commit the .wasm files that changed.`)
} catch (error) {
  console.error(error instanceof BenchError ? error.message : error)
  process.exitCode = 1
}
