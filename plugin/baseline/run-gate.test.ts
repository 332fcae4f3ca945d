import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { classOf, describeMachineClass } from '../machine-class.ts'
import { createExampleResults } from '../results/example-results.ts'
import { resolveBaselineOptions } from './baseline-options.ts'
import { applyGate, assertUpdateValue, resolveUpdate, runGate } from './run-gate.ts'

let root: string
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'wfb-gate-'))
})
afterEach(async () => {
  await rm(root, { recursive: true, force: true })
})

const exampleClass = classOf(createExampleResults().machine)
const classId = exampleClass.id
const settings = (missing: 'pass' | 'fail', update = false) => ({ root, baseline: resolveBaselineOptions({ missing }, {}), update })

describe('runGate', () => {
  test('no baseline for this machine passes by default and says so, naming other machines\' files', async () => {
    await mkdir(join(root, 'baselines'))
    await writeFile(join(root, 'baselines', 'abcdef012345.json'), '{}')
    const comparison = await runGate(createExampleResults(), settings('pass'))
    expect(comparison).toMatchObject({ status: 'no-baseline', failed: false, baselinePath: `baselines/${classId}.json`, machineClass: classId })
    expect(comparison.message).toBe(`no baseline for this machine class (\`${classId}\`: ${describeMachineClass(exampleClass)}) at baselines/${classId}.json (baselines/ has baselines of other machine classes only: abcdef012345; another CPU model, core count, memory size, OS, counters or Node/V8 is never compared). The run passes (\`baseline.missing: 'pass'\`). Record one with \`vitest bench -u\`.`)
    expect(comparison.verdicts.every((verdict) => verdict.verdict === 'no-baseline')).toBe(true)
  })

  test('`missing: fail` fails the run when there is nothing to compare with', async () => {
    expect(await runGate(createExampleResults(), settings('fail'))).toMatchObject({ status: 'no-baseline', failed: true })
  })

  test('recording, then judging the same numbers: compared, passed', async () => {
    const recorded = await runGate(createExampleResults(), settings('fail', true))
    expect(recorded).toMatchObject({ status: 'recorded', failed: false, verdicts: [], message: `recorded 1 rows as the baseline of machine class \`${classId}\` in baselines/${classId}.json (1 entries in all). Commit it.` })
    const judged = await runGate(createExampleResults(), settings('fail'))
    expect(judged).toMatchObject({ status: 'compared', failed: false })
    expect(judged.message).toMatch(/^passed: /)
  })

  test('a gate that cannot run fails the run and says why', async () => {
    await mkdir(join(root, 'baselines'))
    await writeFile(join(root, 'baselines', '3f2a9c81d0b4.json'), 'not json')
    const outcome = await applyGate(createExampleResults(), settings('pass'))
    expect(outcome.failed).toBe(true)
    expect(outcome.comparison).toBeUndefined()
    expect(outcome.text).toMatch(/^regression gate: FAILED, it could not run\.\nBaseline `.*3f2a9c81d0b4\.json` is not valid JSON/)
  })
})

describe('resolveUpdate', () => {
  test('the option or WFB_UPDATE_BASELINE wins; otherwise Vitest\'s -u', () => {
    expect(resolveUpdate(undefined, { update: true })).toBe(true)
    expect(resolveUpdate(undefined, { update: 'all' })).toBe(true)
    expect(resolveUpdate(undefined, { update: false, snapshotOptions: { updateSnapshot: 'new' } })).toBe(false)
    expect(resolveUpdate(false, { update: true })).toBe(false)
    expect(resolveUpdate(true, undefined)).toBe(true)
  })
})

test('assertUpdateValue refuses a file name that Vitest\'s -u took as its value, and accepts -u\'s own values', () => {
  expect(() => assertUpdateValue({ update: 'benches/fib.bench.ts' })).toThrow("Vitest's `-u` took `benches/fib.bench.ts` as its value (it accepts true, new, all or none), so the run would measure every bench file instead of that one. Put `-u` last (`npm run bench -- benches/fib.bench.ts -u`), or record with WFB_UPDATE_BASELINE=1.")
  for (const update of [true, false, 'all', 'new', 'none', undefined]) expect(() => assertUpdateValue(update === undefined ? {} : { update })).not.toThrow()
})

test('an incomplete run is never recorded as the baseline', async () => {
  const results = { ...createExampleResults(), incomplete: { reason: 'interrupted by SIGINT' } }
  const outcome = await applyGate(results, { root, baseline: resolveBaselineOptions({ dir: 'baselines' }), update: true })
  expect(outcome.failed).toBe(true)
  expect(outcome.text).toContain('Refusing to record this run as the baseline: it did not finish (interrupted by SIGINT)')
  await expect(readdir(join(root, 'baselines'))).rejects.toMatchObject({ code: 'ENOENT' })
})
