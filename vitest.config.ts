import { defineConfig } from 'vitest/config'
import { wasmFaasBench } from './plugin/index.ts'

export default defineConfig({
  plugins: [
    wasmFaasBench({
      // Every registered runtime is tried; the absent ones become skipped rows with their install command.
      // Narrow a run with WFB_RUNTIMES=native,node-wasi, WFB_WORKLOADS=fib and WFB_PARAMS=fib.n=30.
    }),
  ],
  test: {
    include: ['{plugin,fixtures,workloads}/**/*.test.ts'],
    // Integration tests start real runtimes: give them room, and keep them off each other's cores.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    benchmark: {
      include: ['benches/**/*.bench.ts'],
    },
  },
})
