import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import type { ResultsFile } from '../../schema/results.d.ts'
import { BenchError } from '../errors.ts'
import { createExampleResults } from '../results/example-results.ts'
import { classOf } from '../machine-class.ts'
import { baselinePath, formatBaseline, mergeBaseline, readBaseline, updateBaseline } from './baseline-store.ts'
import { validateBaseline } from './validate-baseline.ts'

let dir: string
let path: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wfb-baseline-'))
  path = baselinePath(dir, classOf(createExampleResults().machine).id)
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** The example run with its row's samples multiplied by `factor`, created at `createdAt`. */
function run(factor: number, createdAt: string, runtimeVersion = '24.21.0'): ResultsFile {
  const results = createExampleResults()
  results.createdAt = createdAt
  for (const row of results.rows) {
    row.runtimeVersion = runtimeVersion
    for (const metric of Object.values(row.metrics)) if ('samples' in metric) metric.samples = metric.samples.map((sample) => sample * factor)
  }
  return results
}

async function errorOf(promise: Promise<unknown>): Promise<BenchError> {
  const error: unknown = await promise.then(() => undefined, (reason: unknown) => reason)
  if (error instanceof BenchError) return error
  throw new Error(`expected a BenchError, got ${String(error)}`)
}

describe('recording a baseline', () => {
  test('a run becomes entries keyed by runtime, version, flags, workload, params and mode; unsupported metrics are left out', () => {
    const baseline = mergeBaseline(undefined, run(1, '2026-01-01T00:00:00.000Z'))
    expect(baseline.entries).toEqual([{
      key: 'node-wasi/fib/process/n=25',
      runtime: 'node-wasi',
      runtimeVersion: '24.21.0',
      flags: [],
      workload: 'fib',
      params: { n: 25 },
      mode: 'process',
      recordedAt: '2026-01-01T00:00:00.000Z',
      options: createExampleResults().options,
      metrics: { coldStartMs: createExampleResults().rows[0]?.metrics.coldStartMs, peakRssBytes: createExampleResults().rows[0]?.metrics.peakRssBytes },
    }])
    expect(validateBaseline(JSON.parse(formatBaseline(baseline)), 'x.json')).toEqual(baseline)
  })

  test('sample lists stay on one line', () => {
    expect(formatBaseline(mergeBaseline(undefined, run(1, '2026-01-01T00:00:00.000Z')))).toContain('"samples": [148, 146, 152, 147, 149]')
  })

  test('update writes atomically, replaces the same runtime version and keeps other versions and the calibrated noise', async () => {
    const noise = new Map([['node-wasi/fib/process/n=25', { coldStartMs: { runs: 10, absoluteLogSd: 0.02, calibratedAt: '2026-01-01T00:00:00.000Z' } }]])
    await updateBaseline(dir, run(1, '2026-01-01T00:00:00.000Z'), noise)
    await updateBaseline(dir, run(2, '2026-01-02T00:00:00.000Z', '24.22.0'))
    const { baseline: updated } = await updateBaseline(dir, run(3, '2026-01-03T00:00:00.000Z'))
    expect(updated.entries.map((entry) => [entry.runtimeVersion, entry.recordedAt, entry.metrics.coldStartMs?.samples[0]])).toEqual([
      ['24.21.0', '2026-01-03T00:00:00.000Z', 444],
      ['24.22.0', '2026-01-02T00:00:00.000Z', 296],
    ])
    expect(updated.entries[0]?.noise).toEqual(noise.get('node-wasi/fib/process/n=25'))
    expect(await readBaseline(path)).toEqual(updated)
    expect(await readdir(dir)).toEqual([`${classOf(createExampleResults().machine).id}.json`])
  })

  test('readers running beside updates only ever see a complete, valid file', async () => {
    await updateBaseline(dir, run(1, '2026-01-01T00:00:00.000Z'))
    let reads = 0
    let writing = true
    const reader = (async () => {
      while (writing) {
        await readBaseline(path)
        reads++
      }
    })()
    for (let i = 2; i <= 20; i++) await updateBaseline(dir, run(i, `2026-01-${String(i).padStart(2, '0')}T00:00:00.000Z`))
    writing = false
    await reader
    expect(reads).toBeGreaterThan(0)
    expect((await readBaseline(path))?.updatedAt).toBe('2026-01-20T00:00:00.000Z')
  })

  test('a run with an injected slowdown is never recorded', async () => {
    const slowed = run(1, '2026-01-01T00:00:00.000Z')
    slowed.options.injectSlowdown = { workload: 'fib', percent: 10 }
    expect((await errorOf(updateBaseline(dir, slowed))).message).toBe('This run injected a 10% slowdown into `fib` (WFB_INJECT_SLOWDOWN), so it is not recorded as a baseline. Record without WFB_INJECT_SLOWDOWN.')
    expect(await readdir(dir)).toEqual([])
  })
})

describe('reading a baseline', () => {
  test('a missing file is no baseline', async () => {
    expect(await readBaseline(path)).toBeUndefined()
  })

  test('a hand-edited field names the file and the field, and the file is never overwritten', async () => {
    await updateBaseline(dir, run(1, '2026-01-01T00:00:00.000Z'))
    const edited = (await readFile(path, 'utf8')).replace('"mode": "process"', '"mode": "proces"')
    await writeFile(path, edited)
    const expected = [
      `Baseline \`${path}\` does not match schema/baseline.schema.json:`,
      '  /entries/0/mode: must be one of `process`, `in-process`, `remote`, `one-instance`, `instance-per-request`, `density`, `burst`, `instantiate`, not "proces"',
      'It was not used and will not be overwritten. Fix the fields listed (or restore the file from git: `git checkout -- <file>`), or delete it and record a new baseline with `vitest bench -u`.',
    ].join('\n')
    const error = await errorOf(readBaseline(path))
    expect(error.code).toBe('invalid-baseline')
    expect(error.message).toBe(expected)
    expect((await errorOf(updateBaseline(dir, run(2, '2026-01-02T00:00:00.000Z')))).message).toBe(expected)
    expect(await readFile(path, 'utf8')).toBe(edited)
  })

  test('a metric summary with n = 0', async () => {
    await updateBaseline(dir, run(1, '2026-01-01T00:00:00.000Z'))
    await writeFile(path, (await readFile(path, 'utf8')).replace('"n": 5', '"n": 0'))
    expect((await errorOf(readBaseline(path))).message).toContain('  /entries/0/metrics/coldStartMs/n: must be >= 1, not 0')
  })

  test('not JSON: the file, line and column', async () => {
    await writeFile(path, '{\n  "schemaVersion": 1,\n  oops\n}\n')
    const message = (await errorOf(readBaseline(path))).message
    expect(message).toMatch(new RegExp(`^Baseline \`${path.replaceAll('/', '\\/')}\` is not valid JSON: .*\\(line 3 column 3\\)\\. It was not used and will not be overwritten\\.`))
  })

  test('a file whose class id is not its name', async () => {
    await updateBaseline(dir, run(1, '2026-01-01T00:00:00.000Z'))
    const other = baselinePath(dir, 'abcdef012345')
    await writeFile(other, await readFile(path, 'utf8'))
    const classId = classOf(createExampleResults().machine).id
    expect((await errorOf(readBaseline(other))).message).toBe(`Baseline \`${other}\`: /machine/class/id is \`${classId}\`, but the file is named \`abcdef012345.json\`. A baseline lives in \`<class id>.json\`; rename it to \`${classId}.json\` or record it again with \`vitest bench -u\`.`)
  })

  test('two entries for the same runtime, version, flags, workload, params and mode', async () => {
    const baseline = mergeBaseline(undefined, run(1, '2026-01-01T00:00:00.000Z'))
    const entry = baseline.entries[0]
    if (entry === undefined) throw new Error('no entry')
    await writeFile(path, formatBaseline({ ...baseline, entries: [entry, entry] }))
    expect((await errorOf(readBaseline(path))).message).toBe(`Baseline \`${path}\`: /entries/1 repeats /entries/0 (\`node-wasi/fib/process/n=25\`, \`24.21.0\`). Remove one of them.`)
  })

  test('another schema version', () => {
    expect(() => validateBaseline({ schemaVersion: 3 }, 'b.json')).toThrow('Baseline `b.json` has schemaVersion 3; this version of wasm-faas-bench reads schemaVersion 1 and 2.')
  })
})
