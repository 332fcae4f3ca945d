import { isDeepStrictEqual } from 'node:util'
import type { ResultsFile } from '../../schema/results.d.ts'
import { BenchError } from '../errors.ts'
import { classOf, describeMachineClass, hardwareMismatch } from '../machine-class.ts'
import { toolVersion } from '../tool-version.ts'

/** One results file to merge and where it came from (named in messages). */
export interface ResultsSource {
  source: string
  results: ResultsFile
}

/** Keeps the first item of each identity, in order. */
function uniqueBy<T>(items: readonly T[], identity: (item: T) => string): T[] {
  const seen = new Set<string>()
  return items.filter((item) => {
    const id = identity(item)
    if (seen.has(id)) return false
    seen.add(id)
    return true
  })
}

/**
 * Joins the results files of the shards of one matrix (`vitest bench --shard=i/n` on several
 * CI machines) into one results file, to be judged once. Rows, failed rows, runtimes and servers are
 * joined (skipped rows once each); `machine` is the first file's, every file is listed in
 * `mergedFrom`, and a comparison a shard carried is dropped (the merged run is judged anew).
 * Refuses (BenchError `invalid-results`, naming the files): fewer than two files, files of
 * different machine classes or hardware, different measurement options, and a row measured in two
 * files (overlapping shards). Pure.
 */
export function mergeResults(sources: readonly ResultsSource[]): ResultsFile {
  const [first, ...rest] = sources
  if (first === undefined || rest.length === 0) {
    throw new BenchError('invalid-option', `merge needs two or more results files, got ${sources.length}. Give each shard's results file: \`wasm-faas-bench merge shard-1/latest.json shard-2/latest.json\`.`)
  }
  const firstClass = classOf(first.results.machine)
  for (const { source, results } of rest) {
    const machineClass = classOf(results.machine)
    const mismatch = hardwareMismatch(results.machine, first.results.machine)
    if (machineClass.id !== firstClass.id || mismatch !== undefined) {
      throw new BenchError('invalid-results', `Cannot merge \`${source}\` with \`${first.source}\`: they ran on different machine classes (\`${machineClass.id}\`: ${describeMachineClass(machineClass)}; \`${firstClass.id}\`: ${describeMachineClass(firstClass)}). Timings of different machine classes are never mixed: run every shard on CI machines of one class (or name them with one WFB_TESTBED).`)
    }
    if (!isDeepStrictEqual(results.options, first.results.options)) {
      throw new BenchError('invalid-results', `Cannot merge \`${source}\` with \`${first.source}\`: they were measured with different options (${JSON.stringify(results.options)} vs ${JSON.stringify(first.results.options)}). Run every shard with the same options and WFB_* variables.`)
    }
  }
  const seen = new Map<string, string>()
  for (const { source, results } of sources) {
    for (const row of results.rows) {
      const id = JSON.stringify([row.key, row.runtimeVersion])
      const earlier = seen.get(id)
      if (earlier !== undefined) {
        throw new BenchError('invalid-results', `Cannot merge: row \`${row.key}\` (\`${row.runtimeVersion}\`) is in both \`${earlier}\` and \`${source}\`. Shards must not overlap: give each CI machine its own \`--shard=i/n\` of one matrix.`)
      }
      seen.set(id, source)
    }
  }
  const all = sources.map((entry) => entry.results)
  const servers = uniqueBy(all.flatMap((results) => results.servers ?? []), (server) => server.name)
  const createdAts = all.map((results) => results.createdAt).sort()
  return {
    schemaVersion: 1,
    tool: { name: 'wasm-faas-bench', version: toolVersion },
    createdAt: createdAts[0] ?? first.results.createdAt,
    command: ['wasm-faas-bench', 'merge', ...sources.map((entry) => entry.source)],
    machine: first.results.machine,
    mergedFrom: sources.map(({ source, results }) => ({ source, createdAt: results.createdAt, machineId: results.machine.id, rows: results.rows.length })),
    options: first.results.options,
    runtimes: uniqueBy(all.flatMap((results) => results.runtimes), (runtime) => runtime.name),
    ...(servers.length === 0 ? {} : { servers }),
    rows: all.flatMap((results) => results.rows),
    skipped: uniqueBy(all.flatMap((results) => results.skipped), (row) => JSON.stringify([row.runtime, row.workload, row.mode])),
    failed: all.flatMap((results) => results.failed),
  }
}
