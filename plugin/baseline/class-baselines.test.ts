// Baselines keyed by machine class (issue 12): a schema 1 baseline of another VM of this kind is used,
// with the differences as a note; another CPU model or core count never is; recording migrates it.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import type { BaselineFile } from '../../schema/baseline.d.ts'
import type { MachineFingerprint, ResultsFile } from '../../schema/results.d.ts'
import { classOf, machineClassOf } from '../machine-class.ts'
import { createExampleResults } from '../results/example-results.ts'
import { resolveBaselineOptions } from './baseline-options.ts'
import { formatBaseline, mergeBaseline } from './baseline-store.ts'
import { runGate } from './run-gate.ts'

let root: string
let dir: string
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'wfb-class-'))
  dir = join(root, 'baselines')
  await mkdir(dir)
})
afterEach(async () => {
  await rm(root, { recursive: true, force: true })
})

const judging = () => ({ root, baseline: resolveBaselineOptions({ missing: 'pass' }, {}), update: false })

/** This run: the example results on machine `a1b61f530cef`. */
function current(): ResultsFile {
  const results = createExampleResults()
  results.machine = { ...results.machine, id: 'a1b61f530cef' }
  return results
}

/** A schema 1 baseline (as committed before machine classes) of the example run, recorded on `machine`, in `<machine id>.json`. */
async function writeLegacy(machine: MachineFingerprint): Promise<string> {
  const recorded = mergeBaseline(undefined, { ...createExampleResults(), machine })
  const legacy: BaselineFile = { ...recorded, schemaVersion: 1, machine }
  const path = join(dir, `${machine.id}.json`)
  await writeFile(path, formatBaseline(legacy))
  return path
}

const other = (changes: Partial<MachineFingerprint>): MachineFingerprint => ({ ...current().machine, id: '83a7e90caf17', ...changes })

describe('a baseline of the same machine class', () => {
  test('differing only in kernel build and exact memory: used (verdicts, not no-baseline), the differences shown as a note', async () => {
    const base = current().machine
    await writeLegacy(other({ memoryBytes: base.memoryBytes + 48_443_392, os: { ...base.os, kernel: '6.1.0-17-amd64' } }))
    const comparison = await runGate(current(), judging())
    expect(comparison).toMatchObject({ status: 'compared', failed: false, baselinePath: 'baselines/83a7e90caf17.json', machineClass: classOf(base).id })
    expect(comparison.verdicts.length).toBeGreaterThan(0)
    expect(comparison.verdicts.map((verdict) => verdict.verdict)).not.toContain('no-baseline')
    expect(comparison.verdicts.map((verdict) => verdict.verdict)).not.toContain('incomparable')
    expect(comparison.machineNote).toBe(`same machine class \`${classOf(base).id}\`, recorded on machine \`83a7e90caf17\` (this is \`a1b61f530cef\`); differences: kernel 6.1.0-17-amd64 -> 6.1.0-18-amd64; memory 8,387,985,408 -> 8,339,542,016 bytes.`)
  })

  test('another CPU model or another core count: never used', async () => {
    const base = current().machine
    for (const cpu of [{ ...base.cpu, model: 'Intel Xeon Platinum 8375C' }, { ...base.cpu, cores: 4 }]) {
      await rm(dir, { recursive: true, force: true })
      await mkdir(dir)
      await writeLegacy(other({ cpu }))
      const comparison = await runGate(current(), judging())
      expect(comparison.status).toBe('no-baseline')
      expect(comparison.message).toContain('has baselines of other machine classes only: 83a7e90caf17')
      expect(comparison.verdicts.every((verdict) => verdict.verdict === 'no-baseline')).toBe(true)
    }
  })

  test('under one testbed name, another core count is incomparable, never judged', async () => {
    const named = (results: ResultsFile): ResultsFile => ({ ...results, machine: { ...results.machine, class: machineClassOf(results.machine, 'ci-runner') } })
    const recording = named({ ...createExampleResults(), machine: other({ cpu: { ...current().machine.cpu, cores: 4 } }) })
    await runGate(recording, { ...judging(), update: true })
    expect(await readdir(dir)).toEqual(['ci-runner.json'])
    const comparison = await runGate(named(current()), judging())
    expect(comparison.status).toBe('compared')
    expect(comparison.machineNote).toBe('the baseline\'s machine has other hardware (4 -> 2 cores): never compared.')
    expect(comparison.verdicts.every((verdict) => verdict.verdict === 'incomparable')).toBe(true)
  })

  test('recording again migrates the schema 1 file: entries kept, schema 2 in <class id>.json, the old file removed', async () => {
    const base = current().machine
    const legacyPath = await writeLegacy(other({ os: { ...base.os, kernel: '6.1.0-17-amd64' } }))
    const changed = current()
    for (const row of changed.rows) row.runtimeVersion = '24.22.0'
    const recorded = await runGate(changed, { ...judging(), update: true })
    const classId = classOf(base).id
    expect(recorded.message).toBe(`recorded 1 rows as the baseline of machine class \`${classId}\` in baselines/${classId}.json (migrated from baselines/83a7e90caf17.json, schema 1, which was removed) (2 entries in all). Commit it.`)
    expect(await readdir(dir)).toEqual([`${classId}.json`])
    const written = JSON.parse(await readFile(join(dir, `${classId}.json`), 'utf8')) as BaselineFile
    expect(written.schemaVersion).toBe(2)
    expect(written.machine).toMatchObject({ id: 'a1b61f530cef', class: { id: classId } })
    expect(written.entries.map((entry) => entry.runtimeVersion)).toEqual(['24.21.0', '24.22.0'])
    expect(legacyPath).not.toBe(join(dir, `${classId}.json`))
  })
})
