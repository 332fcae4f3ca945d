import { resolve } from 'node:path'
import { BenchError } from '../errors.ts'
import { classOf } from '../machine-class.ts'
import { mergeResults } from '../results/merge-results.ts'
import { defaultResultsDir, readResults, writeResults } from '../results/write-results.ts'
import { gateOptions, gateResults } from './gate.ts'
import type { CliCommand } from './types.ts'
import { parseCommandArgs } from './parse-command-args.ts'

const usage = 'wasm-faas-bench merge a.json b.json … [--out DIR] [--no-gate] [--baseline-dir DIR] [--missing pass|fail]'

/**
 * `merge`: joins the results files of the shards of one matrix (`vitest bench --shard=i/n` on
 * several CI machines of one machine class) into one results file in `--out` (default bench-results:
 * latest.json and a timestamped copy), judged once by the regression gate (exit 1 on a
 * regression) unless `--no-gate`. Refuses files of different machine classes or options, and
 * overlapping shards.
 */
export const merge: CliCommand = {
  words: ['merge'],
  summary: 'a.json b.json … [--out DIR] [--no-gate]  join shards\' results files into one and judge it (default out: bench-results)',
  async run(args) {
    const parsed = parseCommandArgs(args, usage, { ...gateOptions, out: { type: 'string' }, 'no-gate': { type: 'boolean' } }, true)
    const { values, positionals } = parsed
    if (positionals.length < 2) throw new BenchError('invalid-option', `merge needs two or more results files, got ${positionals.length}. Usage: ${usage}`)
    const sources = await Promise.all(positionals.map(async (source) => ({ source, results: await readResults(source) })))
    const merged = mergeResults(sources)
    console.log(`merge: ${merged.rows.length} rows from ${sources.length} files (${sources.map(({ source, results }) => `${source}: ${results.rows.length}`).join(', ')}), machine class \`${classOf(merged.machine).id}\``)
    const judged = values['no-gate'] === true ? merged : await gateResults(merged, values)
    const { latestPath } = await writeResults(judged, resolve(values.out ?? defaultResultsDir))
    console.log(`results: ${latestPath}`)
  },
}
