import { defineConfig } from 'vitest/config'
import { wasmFaasBench } from 'wasm-faas-bench'

export default defineConfig({
  plugins: [
    wasmFaasBench({
      // This project's own functions (workloads/primes: Go, workloads/collatz: AssemblyScript, workloads/norm: C with libm).
      workloadsDir: 'workloads',
      workloads: ['primes', 'collatz', 'norm'],
      // Runtimes that are not installed become skipped rows, with the command that installs them.
      // Not wamr or wasm3: their builds here reject Go's wasip1 output (bulk memory; a value type wasm3 does not read).
      // wasmtime-precompiled, not wasmtime: plain `wasmtime run` compiles Go's 2 MB module again on every cold start.
      runtimes: ['node-wasi', 'native', 'wasmtime-precompiled', 'wazero', 'wasmi'],
      coldSamples: 10,
      warmBatches: 3,
      warmRepeats: 10,
    }),
  ],
  test: {
    benchmark: { include: ['benches/**/*.bench.ts'] },
  },
})
