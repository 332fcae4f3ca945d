import { mkdir, readFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import type { BaselineEntry, BaselineFile, RunToRunNoise } from '../../schema/baseline.d.ts'
import type { MetricSummary, ResultsFile } from '../../schema/results.d.ts'
import { BenchError } from '../errors.ts'
import { writeFileAtomic } from '../results/write-file-atomic.ts'
import { withLineAndColumn } from '../results/write-results.ts'
import { toolVersion } from '../tool-version.ts'
import { baselineSchemaVersion, validateBaseline } from './validate-baseline.ts'

/** The baseline file of one machine: `<dir>/<machine id>.json`. */
export function baselinePath(dir: string, machineId: string): string {
  return join(dir, `${machineId}.json`)
}

/** What makes entries distinct: runtime, runtime version, flags, workload, parameters and mode. */
export function entryIdentity(entry: Pick<BaselineEntry, 'key' | 'runtimeVersion' | 'flags'>): string {
  return JSON.stringify([entry.key, entry.runtimeVersion, entry.flags])
}

/**
 * Reads and validates a baseline file; undefined when it does not exist. Throws a BenchError
 * (`invalid-baseline`) naming the file and what is wrong: not JSON (with line and column), a field
 * that does not match schema/baseline.schema.json, a machine id that is not the file's name, or two
 * entries for the same runtime, version, flags, workload, parameters and mode.
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
  if (basename(path) !== `${baseline.machine.id}.json`) {
    throw new BenchError('invalid-baseline', `Baseline \`${path}\`: /machine/id is \`${baseline.machine.id}\`, but the file is named for machine \`${basename(path, '.json')}\`. A baseline lives in \`<machine id>.json\`; restore the file or record it again with \`vitest bench -u\`.`)
  }
  const seen = new Map<string, number>()
  baseline.entries.forEach((entry, index) => {
    const first = seen.get(entryIdentity(entry))
    if (first !== undefined) {
      throw new BenchError('invalid-baseline', `Baseline \`${path}\`: /entries/${index} repeats /entries/${first} (\`${entry.key}\`, \`${entry.runtimeVersion}\`). Remove one of them.`)
    }
    seen.set(entryIdentity(entry), index)
  })
  return baseline
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
    machine: results.machine,
    entries: [...entries.values()].sort((a, b) => a.key.localeCompare(b.key) || a.runtimeVersion.localeCompare(b.runtimeVersion)),
  }
}

/** Pretty JSON with every number list on one line, so that a baseline stays short and diffs stay readable. */
export function formatBaseline(baseline: BaselineFile): string {
  return `${JSON.stringify(baseline, null, 2).replace(/\[\s+(-?[\d.e+-]+(?:,\s+-?[\d.e+-]+)*)\s+\]/g, (_, list: string) => `[${list.split(/,\s+/).join(', ')}]`)}\n`
}

/**
 * Records `results` into the baseline file at `path` (see `mergeBaseline`), validated and written
 * atomically. Refuses runs with an injected slowdown, and never overwrites a baseline it cannot
 * read (a corrupt or hand-edited file is reported instead, naming the file and field).
 */
export async function updateBaseline(path: string, results: ResultsFile, noise?: ReadonlyMap<string, Record<string, RunToRunNoise>>): Promise<BaselineFile> {
  const slowdown = results.options.injectSlowdown
  if (slowdown !== undefined) {
    throw new BenchError('invalid-option', `This run injected a ${slowdown.percent}% slowdown into \`${slowdown.workload}\` (WFB_INJECT_SLOWDOWN), so it is not recorded as a baseline. Record without WFB_INJECT_SLOWDOWN.`)
  }
  const existing = await readBaseline(path)
  if (existing !== undefined && existing.machine.id !== results.machine.id) {
    throw new BenchError('invalid-baseline', `Baseline \`${path}\` belongs to machine \`${existing.machine.id}\`; this run is on \`${results.machine.id}\`. Nothing was written.`)
  }
  const merged = mergeBaseline(existing, results, noise)
  const text = formatBaseline(merged)
  validateBaseline(JSON.parse(text), path)
  await mkdir(dirname(path), { recursive: true })
  await writeFileAtomic(path, text)
  return merged
}
