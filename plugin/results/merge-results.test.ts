import { describe, expect, test } from 'vitest'
import type { ResultsFile } from '../../schema/results.d.ts'
import { createExampleResults } from './example-results.ts'
import { mergeResults } from './merge-results.ts'
import { validateResults } from './validate-results.ts'

/** The example run with its row renamed to `runtime`, started at `createdAt`. */
function shard(runtime: string, createdAt: string): ResultsFile {
  const results = createExampleResults()
  results.createdAt = createdAt
  results.rows = results.rows.map((row) => ({ ...row, runtime, key: row.key.replace(/^[^/]+/, runtime) }))
  return results
}

describe('mergeResults', () => {
  test('rows of both shards, in order; one machine, every shard listed; skipped rows once; a shard\'s comparison dropped', () => {
    const a = shard('node-wasi', '2026-01-01T00:00:02.000Z')
    const b = shard('wasmtime', '2026-01-01T00:00:01.000Z')
    b.machine = { ...b.machine, id: 'bbbbbbbbbbbb', memoryBytes: b.machine.memoryBytes + 4096, os: { ...b.machine.os, kernel: '6.1.0-19-amd64' } }
    a.comparison = { status: 'no-baseline', baselinePath: 'x.json', failed: false, message: 'x', verdicts: [] }
    const merged = mergeResults([{ source: 'a.json', results: a }, { source: 'b.json', results: b }])
    expect(merged.rows.map((row) => row.key)).toEqual(['node-wasi/fib/process/n=25', 'wasmtime/fib/process/n=25'])
    expect(merged.mergedFrom).toEqual([
      { source: 'a.json', createdAt: '2026-01-01T00:00:02.000Z', machineId: '3f2a9c81d0b4', rows: 1 },
      { source: 'b.json', createdAt: '2026-01-01T00:00:01.000Z', machineId: 'bbbbbbbbbbbb', rows: 1 },
    ])
    expect(merged.createdAt).toBe('2026-01-01T00:00:01.000Z')
    expect(merged.machine.id).toBe('3f2a9c81d0b4')
    expect(merged.skipped).toEqual(a.skipped)
    expect(merged.runtimes.map((runtime) => runtime.name)).toEqual(['node-wasi', 'wasmtime'])
    expect(merged.comparison).toBeUndefined()
    expect(merged.command).toEqual(['wasm-faas-bench', 'merge', 'a.json', 'b.json'])
    expect(validateResults(JSON.parse(JSON.stringify(merged)), 'merged.json')).toEqual(merged)
  })

  test('refuses another machine class, other options, overlapping shards and a single file', () => {
    const a = { source: 'a.json', results: shard('node-wasi', '2026-01-01T00:00:00.000Z') }
    const moreCores = shard('wasmtime', '2026-01-01T00:00:00.000Z')
    moreCores.machine = { ...moreCores.machine, cpu: { ...moreCores.machine.cpu, cores: 4 } }
    expect(() => mergeResults([a, { source: 'b.json', results: moreCores }])).toThrow(/^Cannot merge `b.json` with `a.json`: they ran on different machine classes \(`class-[0-9a-f]{12}`: AMD EPYC 7B13 \(4 cores,/)
    const otherOptions = shard('wasmtime', '2026-01-01T00:00:00.000Z')
    otherOptions.options = { ...otherOptions.options, coldSamples: 50 }
    expect(() => mergeResults([a, { source: 'b.json', results: otherOptions }])).toThrow('Cannot merge `b.json` with `a.json`: they were measured with different options')
    expect(() => mergeResults([a, { source: 'c.json', results: shard('node-wasi', '2026-01-01T00:00:00.000Z') }])).toThrow('Cannot merge: row `node-wasi/fib/process/n=25` (`24.21.0`) is in both `a.json` and `c.json`. Shards must not overlap')
    expect(() => mergeResults([a])).toThrow('merge needs two or more results files, got 1.')
  })
})
