import { join, resolve } from 'node:path'
import type { ResultsFile } from '../../schema/results.d.ts'
import { resolveBaselineOptions } from '../baseline/baseline-options.ts'
import { applyGate } from '../baseline/run-gate.ts'
import { BenchError } from '../errors.ts'
import { writeFileAtomic } from '../results/write-file-atomic.ts'
import { defaultResultsDir, readResults } from '../results/write-results.ts'
import type { CliCommand } from './types.ts'
import { parseCommandArgs } from './parse-command-args.ts'

const usage = 'wasm-faas-bench gate [results.json] [--baseline-dir DIR] [--missing pass|fail] [--update]'

/** Options the CLI's gate shares between `gate` and `merge`. */
export const gateOptions = {
  'baseline-dir': { type: 'string' },
  missing: { type: 'string' },
  update: { type: 'boolean' },
} as const

/**
 * Judges `results` like the end of a `vitest bench` run does: against the baseline of its machine
 * class in `--baseline-dir` (default WFB_BASELINE_DIR, else `baselines`), or records it with
 * `--update`; policy from WFB_BASELINE_POLICY. Prints the gate's text, sets the exit code on failure,
 * and returns the results with their new `comparison`.
 */
export async function gateResults(results: ResultsFile, values: { 'baseline-dir'?: string | undefined; missing?: string | undefined; update?: boolean | undefined }): Promise<ResultsFile> {
  const env = { ...process.env, ...(values['baseline-dir'] === undefined ? {} : { WFB_BASELINE_DIR: values['baseline-dir'] }), ...(values.missing === undefined ? {} : { WFB_BASELINE_MISSING: values.missing }) }
  const baseline = resolveBaselineOptions({}, env)
  // A comparison the file already carries (judged where it ran) is replaced.
  const rest: ResultsFile = { ...results }
  delete rest.comparison
  const gate = await applyGate(rest, { root: process.cwd(), baseline, update: values.update ?? baseline.update ?? false })
  console.log(gate.text)
  if (gate.failed) process.exitCode = 1
  return gate.comparison === undefined ? rest : { ...rest, comparison: gate.comparison }
}

/**
 * `gate`: the regression gate over a results file that was not judged where it ran (a merged
 * matrix, results copied from another CI machine): judges it against the stored baseline of its machine
 * class, writes the verdicts into the file, and exits 1 on a regression.
 */
export const gate: CliCommand = {
  words: ['gate'],
  summary: '[results.json] [--baseline-dir DIR] [--missing pass|fail] [--update]  judge a results file against the baseline of its machine class (default: bench-results/latest.json)',
  async run(args) {
    const parsed = parseCommandArgs(args, usage, gateOptions, true)
    const { values, positionals } = parsed
    if (positionals.length > 1) throw new BenchError('invalid-option', `gate judges one results file, got ${positionals.length}. Merge shards first (\`wasm-faas-bench merge …\`). Usage: ${usage}`)
    const path = resolve(positionals[0] ?? join(defaultResultsDir, 'latest.json'))
    const judged = await gateResults(await readResults(path), values)
    await writeFileAtomic(path, `${JSON.stringify(judged, null, 2)}\n`)
  },
}
