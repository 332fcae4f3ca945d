import { defineConfig } from 'vitest/config'
import { wasmFaasBench } from 'wasm-faas-bench'

export default defineConfig({
  plugins: [
    wasmFaasBench({
      // This project's own functions (workloads/primes: Go, workloads/norm: C with libm).
      workloadsDir: 'workloads',
      workloads: ['primes', 'norm'],
      // Runtimes that are not installed become skipped rows, with the command that installs them.
      runtimes: ['node-wasi', 'native', 'wasmtime', 'wazero', 'wasm3'],
      coldSamples: 10,
      warmBatches: 3,
      warmRepeats: 10,
    }),
  ],
  test: {
    benchmark: { include: ['benches/**/*.bench.ts'] },
  },
})
