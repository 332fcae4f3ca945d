import { mkdir, readdir, readFile, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import type { BaselineEntry, BaselineFile, RunToRunNoise } from '../../schema/baseline.d.ts'
import type { MachineFingerprint, MetricSummary, ResultsFile } from '../../schema/results.d.ts'
import { BenchError } from '../errors.ts'
import { classOf, hardwareMismatch, machineClassOf } from '../machine-class.ts'
import { writeFileAtomic } from '../results/write-file-atomic.ts'
import { withLineAndColumn } from '../results/write-results.ts'
import { toolVersion } from '../tool-version.ts'
import { baselineSchemaVersion, validateBaseline } from './validate-baseline.ts'

/** The baseline file of one machine class: `<dir>/<class id>.json`. */
export function baselinePath(dir: string, classId: string): string {
  return join(dir, `${classId}.json`)
}

/** What makes entries distinct: runtime, runtime version, flags, workload, parameters and mode. */
export function entryIdentity(entry: Pick<BaselineEntry, 'key' | 'runtimeVersion' | 'flags'>): string {
  return JSON.stringify([entry.key, entry.runtimeVersion, entry.flags])
}

/**
 * Reads and validates a baseline file; undefined when it does not exist. A schema 1 file (keyed by
 * one machine) comes back migrated: its class computed from the fingerprint. Throws a BenchError
 * (`invalid-baseline`) naming the file and what is wrong: not JSON (with line and column), a field
 * that does not match schema/baseline.schema.json, a file name that is not its class id (schema 1:
 * machine id), or two entries for the same runtime, version, flags, workload, parameters and mode.
 */
export async function readBaseline(path: string): Promise<BaselineFile | undefined> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    const reason = text.trim() === '' ? 'the file is empty' : withLineAndColumn(text, error instanceof Error ? error.message : String(error))
    throw new BenchError('invalid-baseline', `Baseline \`${path}\` is not valid JSON: ${reason}. It was not used and will not be overwritten. Fix it (or restore it from git), or delete it and record a new baseline with \`vitest bench -u\`.`, { cause: error })
  }
  const baseline = validateBaseline(data, path)
  if (baseline.schemaVersion === 1) {
    if (basename(path) !== `${baseline.machine.id}.json`) {
      throw new BenchError('invalid-baseline', `Baseline \`${path}\`: /machine/id is \`${baseline.machine.id}\`, but the file is named for machine \`${basename(path, '.json')}\`. A schema 1 baseline lives in \`<machine id>.json\`; restore the file or record it again with \`vitest bench -u\`.`)
    }
  } else {
    const classId = baseline.machine.class?.id
    if (classId === undefined) {
      throw new BenchError('invalid-baseline', `Baseline \`${path}\` (schemaVersion 2) has no /machine/class. Restore the file from git or record it again with \`vitest bench -u\`.`)
    }
    if (basename(path) !== `${classId}.json`) {
      throw new BenchError('invalid-baseline', `Baseline \`${path}\`: /machine/class/id is \`${classId}\`, but the file is named \`${basename(path)}\`. A baseline lives in \`<class id>.json\`; rename it to \`${classId}.json\` or record it again with \`vitest bench -u\`.`)
    }
  }
  const seen = new Map<string, number>()
  baseline.entries.forEach((entry, index) => {
    const first = seen.get(entryIdentity(entry))
    if (first !== undefined) {
      throw new BenchError('invalid-baseline', `Baseline \`${path}\`: /entries/${index} repeats /entries/${first} (\`${entry.key}\`, \`${entry.runtimeVersion}\`). Remove one of them.`)
    }
    seen.set(entryIdentity(entry), index)
  })
  return baseline.machine.class === undefined ? { ...baseline, machine: { ...baseline.machine, class: machineClassOf(baseline.machine) } } : baseline
}

/** A baseline found for a machine class, and the file it came from. */
export interface FoundBaseline {
  path: string
  baseline: BaselineFile
}

/** The class id a baseline file's JSON claims, without validating the rest: schema 2 names it, schema 1 is computed from its fingerprint. */
function claimedClassId(data: unknown): string | undefined {
  const machine = (data as { machine?: Partial<MachineFingerprint> } | null)?.machine
  if (machine === undefined || machine === null) return undefined
  if (machine.class?.id !== undefined) return machine.class.id
  try {
    return machineClassOf(machine as MachineFingerprint).id
  } catch {
    return undefined
  }
}

/**
 * The stored baseline of `machine`'s class: `<dir>/<class id>.json`, else a schema 1 file in `dir`
 * (named for one machine) whose fingerprint falls in the same class. Files of other classes are
 * not validated; the one used is (see `readBaseline`). Undefined when there is none.
 */
export async function findBaseline(dir: string, machine: MachineFingerprint): Promise<FoundBaseline | undefined> {
  const classId = classOf(machine).id
  const direct = baselinePath(dir, classId)
  const baseline = await readBaseline(direct)
  if (baseline !== undefined) return { path: direct, baseline }
  // This very machine's schema 1 file is read whatever it holds, so that a corrupt one is reported, not skipped.
  const own = baselinePath(dir, machine.id)
  const legacyOwn = await readBaseline(own)
  if (legacyOwn !== undefined && classOf(legacyOwn.machine).id === classId) return { path: own, baseline: legacyOwn }
  const names = (await readdir(dir).catch(() => [] as string[])).filter((name) => name.endsWith('.json')).sort()
  for (const name of names) {
    const path = join(dir, name)
    let data: unknown
    try {
      data = JSON.parse(await readFile(path, 'utf8'))
    } catch {
      continue
    }
    if ((data as { schemaVersion?: unknown } | null)?.schemaVersion !== 1 || claimedClassId(data) !== classId) continue
    const legacy = await readBaseline(path)
    if (legacy !== undefined) return { path, baseline: legacy }
  }
  return undefined
}

/** The machine classes of the other baseline files in `dir`, by file name (without `.json`). */
export async function otherBaselines(dir: string, classId: string, except: string | undefined): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[])
  return names.filter((name) => name.endsWith('.json') && name !== `${classId}.json` && join(dir, name) !== except).map((name) => name.slice(0, -'.json'.length))
}

/** The rows of a results file as baseline entries: measured metrics only, with the run's options and each runtime's flags. */
export function entriesFromResults(results: ResultsFile): BaselineEntry[] {
  return results.rows.map((row) => {
    const metrics: Record<string, MetricSummary> = {}
    for (const [name, metric] of Object.entries(row.metrics)) if ('samples' in metric) metrics[name] = metric
    return {
      key: row.key,
      runtime: row.runtime,
      runtimeVersion: row.runtimeVersion,
      flags: results.runtimes.find((runtime) => runtime.name === row.runtime)?.flags ?? [],
      workload: row.workload,
      params: row.params,
      mode: row.mode,
      recordedAt: results.createdAt,
      options: results.options,
      ...(row.otherLoadCores === undefined ? {} : { otherLoadCores: row.otherLoadCores }),
      metrics,
    }
  })
}

/**
 * The baseline after recording `results`: each of its rows replaces the entry with the same runtime,
 * version, flags, workload, parameters and mode (keeping that entry's run-to-run noise unless `noise`
 * gives new values); other entries stay. Entries are sorted by key for readable diffs. Pure.
 */
export function mergeBaseline(existing: BaselineFile | undefined, results: ResultsFile, noise: ReadonlyMap<string, Record<string, RunToRunNoise>> = new Map()): BaselineFile {
  const entries = new Map((existing?.entries ?? []).map((entry) => [entryIdentity(entry), entry]))
  for (const entry of entriesFromResults(results)) {
    const previous = entries.get(entryIdentity(entry))?.noise
    const measured = noise.get(entry.key) ?? previous
    entries.set(entryIdentity(entry), measured === undefined ? entry : { ...entry, noise: measured })
  }
  return {
    schemaVersion: baselineSchemaVersion,
    tool: { name: 'wasm-faas-bench', version: toolVersion },
    updatedAt: results.createdAt,
    machine: { ...results.machine, class: classOf(results.machine) },
    entries: [...entries.values()].sort((a, b) => a.key.localeCompare(b.key) || a.runtimeVersion.localeCompare(b.runtimeVersion)),
  }
}

/** Pretty JSON with every number list on one line, so that a baseline stays short and diffs stay readable. */
export function formatBaseline(baseline: BaselineFile): string {
  return `${JSON.stringify(baseline, null, 2).replace(/\[\s+(-?[\d.e+-]+(?:,\s+-?[\d.e+-]+)*)\s+\]/g, (_, list: string) => `[${list.split(/,\s+/).join(', ')}]`)}\n`
}

/** What recording wrote: the baseline, its file, and the schema 1 file it replaced (migrated) when there was one. */
export interface RecordedBaseline {
  baseline: BaselineFile
  path: string
  migratedFrom?: string
}

/**
 * Records `results` into the baseline of its machine class in `dir` (see `mergeBaseline`), validated
 * and written atomically to `<dir>/<class id>.json`; a schema 1 file of the same class is migrated
 * (its entries kept, rewritten as schema 2, the old file removed). Refuses runs with an injected
 * slowdown, a baseline of another CPU model or core count under the same testbed name, and never
 * overwrites a baseline it cannot read (a corrupt or hand-edited file is reported instead).
 */
export async function updateBaseline(dir: string, results: ResultsFile, noise?: ReadonlyMap<string, Record<string, RunToRunNoise>>): Promise<RecordedBaseline> {
  const slowdown = results.options.injectSlowdown
  if (slowdown !== undefined) {
    throw new BenchError('invalid-option', `This run injected a ${slowdown.percent}% slowdown into \`${slowdown.workload}\` (WFB_INJECT_SLOWDOWN), so it is not recorded as a baseline. Record without WFB_INJECT_SLOWDOWN.`)
  }
  const path = baselinePath(dir, classOf(results.machine).id)
  const found = await findBaseline(dir, results.machine)
  const mismatch = found === undefined ? undefined : hardwareMismatch(results.machine, found.baseline.machine)
  if (found !== undefined && mismatch !== undefined) {
    throw new BenchError('invalid-baseline', `Baseline \`${found.path}\` was recorded on other hardware (${mismatch}); timings of another CPU model or core count are never mixed. Nothing was written. Use another testbed name (\`testbed\` option or WFB_TESTBED) for this machine.`)
  }
  const merged = mergeBaseline(found?.baseline, results, noise)
  const text = formatBaseline(merged)
  validateBaseline(JSON.parse(text), path)
  await mkdir(dirname(path), { recursive: true })
  await writeFileAtomic(path, text)
  if (found !== undefined && found.path !== path) {
    await rm(found.path, { force: true })
    return { baseline: merged, path, migratedFrom: found.path }
  }
  return { baseline: merged, path }
}
