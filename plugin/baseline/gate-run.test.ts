// End to end: `vitest bench -u` records a baseline into a scratch folder; a baseline edited to be 30%
// faster than reality makes the next `vitest bench` exit non-zero naming the regression; a corrupt
// baseline stops the run naming file and field, and is not overwritten. Asserts what the gate
// decided, never how fast anything was.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { execa } from 'execa'
import { afterAll, describe, expect, test } from 'vitest'
import type { BaselineFile } from '../../schema/baseline.d.ts'
import { validateResults } from '../results/validate-results.ts'
import { summarise } from '../stats/summarise.ts'
import { packageRoot } from '../package-paths.ts'
import { classOf } from '../machine-class.ts'
import { readMachineFingerprint } from '../machine-fingerprint.ts'
import { findBaseline, formatBaseline } from './baseline-store.ts'

const vitestCli = join(packageRoot, 'node_modules', 'vitest', 'vitest.mjs')
const scratch = await mkdtemp(join(tmpdir(), 'wfb-gate-run-'))
const baselines = join(scratch, 'baselines')
const output = join(scratch, 'results')

function runBench(extraArgs: string[], env: Record<string, string> = {}) {
  // fib's invocation bench only (a file-name filter): HTTP benches of fib would add rows of their own.
  return execa(process.execPath, [vitestCli, 'bench', '--run', 'fib.bench', ...extraArgs], {
    cwd: packageRoot,
    env: {
      WFB_RUNTIMES: 'native', WFB_WORKLOADS: 'fib', WFB_COLD_SAMPLES: '15', WFB_WARM_BATCHES: '3', WFB_WARM_REPEATS: '10',
      WFB_BASELINE_DIR: baselines, WFB_OUTPUT_DIR: output, WFB_UPDATE_BASELINE: '', WFB_INJECT_SLOWDOWN: '', NO_COLOR: '1',
      // Judge even if other work keeps this machine busy: the edited baseline is what must fail the run.
      WFB_BASELINE_POLICY: '{"maxOtherLoadCores":1000}',
      ...env,
    },
    reject: false,
    all: true,
    timeout: 240_000,
  })
}

/** Every timing of a baseline scaled to `factor` of what was recorded (0.7: the baseline claims 30% faster). */
function scaleTimes(baseline: BaselineFile, factor: number): BaselineFile {
  for (const entry of baseline.entries) {
    for (const [name, metric] of Object.entries(entry.metrics)) {
      if (name.endsWith('Ms')) entry.metrics[name] = summarise(metric.samples.map((sample) => sample * factor))
    }
  }
  return baseline
}

/**
 * Every timing of a baseline rescaled so that its median is `factor` of the median `now` measured
 * (0.7: the baseline claims 30% faster than this machine); the spread of its samples is kept.
 */
function scaleTimesTo(baseline: BaselineFile, now: Record<string, unknown>, factor: number): BaselineFile {
  for (const entry of baseline.entries) {
    for (const [name, metric] of Object.entries(entry.metrics)) {
      const current = now[name] as { median?: number } | undefined
      if (!name.endsWith('Ms') || current?.median === undefined || metric.median === 0) continue
      const scale = (factor * current.median) / metric.median
      entry.metrics[name] = summarise(metric.samples.map((sample) => sample * scale))
    }
  }
  return baseline
}

// The committed baseline of this machine's class (recorded on one VM of it) serves every machine of the class.
const here = await readMachineFingerprint()
const found = await findBaseline(join(packageRoot, 'baselines'), here)
const committedName = found === undefined ? 'none' : basename(found.path)
const committed = found?.baseline
const sameClass = committed !== undefined

async function baselineFile(): Promise<string> {
  const [name] = await readdir(baselines)
  if (name === undefined) throw new Error(`no baseline written to ${baselines}`)
  return join(baselines, name)
}

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true })
})

describe('the regression gate in `vitest bench`', () => {
  test('-u records; a baseline edited 30% faster fails the next run, naming the regression', { timeout: 300_000 }, async () => {
    const record = await runBench(['-u'])
    expect(record.exitCode, record.all).toBe(0)
    expect(record.all).toContain('regression gate: recorded 1 rows as the baseline')
    const path = await baselineFile()
    const recorded = JSON.parse(await readFile(path, 'utf8')) as BaselineFile
    expect(recorded.entries.map((entry) => entry.key)).toEqual(['native/fib/process/n=25'])

    // Hand-edit every time to 70% of what was measured: reality now looks 43% slower.
    await writeFile(path, formatBaseline(scaleTimes(recorded, 0.7)))

    const judged = await runBench([])
    expect(judged.exitCode, judged.all).toBe(1)
    expect(judged.all).toMatch(/REGRESSED \(\d+\), fails the run:/)
    // Which timed metrics clear the noise depends on how busy the machine is; at least one must, named with its row.
    expect(judged.all).toMatch(/native\/fib\/process\/n=25\s+(coldStartMs|warmLatencyMs|cpuTimeMs)\s+\S+ \S+\s+\S+ \S+\s+\+\d+(\.\d+)?%/)
    const results = validateResults(JSON.parse(await readFile(join(output, 'latest.json'), 'utf8')), 'latest.json')
    expect(results.comparison).toMatchObject({ status: 'compared', failed: true })
    const regressed = results.comparison?.verdicts.filter((verdict) => verdict.verdict === 'regressed') ?? []
    expect(regressed.length).toBeGreaterThan(0)
    for (const verdict of regressed) expect(verdict.change).toBeGreaterThan(0.05)
    // The regression showed in the first measurement, so the row was measured again to confirm it.
    expect(results.rows[0]?.warnings.map((warning) => warning.code)).toContain('remeasured')
  })

  test.skipIf(!sameClass)(`the committed baselines/${committedName} is used on this machine class; runtime rows edited 30% faster fail the run`, { timeout: 300_000 }, async () => {
    // Skipped on other machine classes: the committed baseline is of a 2-core Intel Xeon VM (Debian 12, Node 24.21.0).
    const dir = join(scratch, 'committed')
    await mkdir(dir, { recursive: true })
    if (committed === undefined) throw new Error('no committed baseline')
    const env = { WFB_BASELINE_DIR: dir, WFB_RUNTIMES: 'native,node-wasi' }
    // Judged against the committed file as it is: compared (verdicts, not no-baseline), whichever VM of the class this is.
    await writeFile(join(dir, committedName), formatBaseline(committed))
    const first = await runBench([], env)
    const firstResults = validateResults(JSON.parse(await readFile(join(output, 'latest.json'), 'utf8')), 'latest.json')
    expect(firstResults.comparison?.status, first.all).toBe('compared')
    expect(firstResults.comparison?.verdicts.filter((verdict) => verdict.verdict === 'no-baseline' || verdict.verdict === 'incomparable'), first.all).toEqual([])
    if (committed.machine.id !== here.id) expect(first.all).toContain(`machine note: same machine class \`${classOf(here).id}\``)
    // VMs of one class run everything tens of percent apart, so across machines a runtime's timings are
    // compared relative to the native row of the same run. Edit the baseline to this VM's medians, the
    // runtime (node-wasi) rows 30% faster than measured and native as measured: node-wasi regressed against native.
    const measured = new Map(firstResults.rows.map((row) => [row.key, row.metrics]))
    const edited = structuredClone(committed)
    edited.entries = edited.entries.filter((entry) => measured.has(entry.key))
    for (const entry of edited.entries) scaleTimesTo({ ...edited, entries: [entry] }, measured.get(entry.key) ?? {}, entry.runtime === 'native' ? 1 : 0.7)
    await writeFile(join(dir, committedName), formatBaseline(edited))
    const judged = await runBench([], env)
    expect(judged.exitCode, judged.all).toBe(1)
    expect(judged.all).toMatch(new RegExp(`regression gate: FAILED: .* against .*${committedName}`))
    expect(judged.all).toMatch(/REGRESSED \(\d+\), fails the run:/)
    expect(judged.all).toMatch(/node-wasi\/fib\/(in-)?process\/n=25\s+(coldStartMs|warmLatencyMs|cpuTimeMs)\s.*\+\d+(\.\d+)?%/)
  })

  test('a corrupt baseline stops the run naming file and field, and -u does not overwrite it', { timeout: 300_000 }, async () => {
    const path = await baselineFile()
    const text = (await readFile(path, 'utf8')).replace('"mode": "process"', '"mode": "proces"')
    await writeFile(path, text)
    for (const args of [[], ['-u']]) {
      const run = await runBench(args)
      expect(run.exitCode).not.toBe(0)
      expect(run.all).toContain(`Baseline \`${path}\` does not match schema/baseline.schema.json:`)
      expect(run.all).toContain('/entries/0/mode: must be one of `process`, `in-process`, `remote`, `one-instance`, `instance-per-request`, `density`, `burst`, `instantiate`, not "proces"')
      expect(await readFile(path, 'utf8')).toBe(text)
    }
  })
})
