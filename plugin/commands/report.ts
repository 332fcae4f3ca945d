import { join } from 'node:path'
import { judgeClaims } from '../claims/judge-claim.ts'
import { loadClaims } from '../claims/load-claims.ts'
import { labelRuns } from '../reporters/report-model.ts'
import { writeReport } from '../reporters/write-report.ts'
import { defaultResultsDir, readResults } from '../results/write-results.ts'
import type { CliCommand } from './types.ts'
import { parseCommandArgs } from './parse-command-args.ts'
import { resolveResultsSources } from './results-sources.ts'

const usage = 'wasm-faas-bench report [results.json …] [--out DIR] [--markdown FILE] [--claims FILE …]'

/**
 * `report`: an HTML report (DIR/index.html), a Markdown summary (DIR/summary.md, also appended to
 * `--markdown FILE`) and Bencher Metric Format (DIR/bmf.json) from one or more results files.
 * Defaults: bench-results/latest.json into bench-results/report. Several files are drawn side by
 * side, one colour per file, in the order given. The HTML and Markdown hold the published claims
 * (claims/claims.json plus each `--claims FILE`) against the files.
 */
export const report: CliCommand = {
  words: ['report'],
  summary: '[results.json …] [--out DIR] [--markdown FILE] [--claims FILE …]  HTML report, summary.md and bmf.json (default: bench-results/latest.json into bench-results/report)',
  async run(args) {
    const parsed = parseCommandArgs(args, usage, { out: { type: 'string' }, markdown: { type: 'string' }, claims: { type: 'string', multiple: true } }, true)
    const { values, positionals } = parsed
    const sources = await resolveResultsSources(positionals, usage)
    const runs = labelRuns(await Promise.all(sources.map(async (source) => ({ source, results: await readResults(source) }))))
    const claims = judgeClaims(await loadClaims(values.claims ?? []), runs)
    const written = await writeReport(runs, { outDir: values.out ?? join(defaultResultsDir, 'report'), appendMarkdownTo: values.markdown, claims })
    console.log(`report: ${written.htmlPath} (open in a browser; it loads nothing from the network)`)
    console.log(`summary: ${written.markdownPath}${written.appendedTo === undefined ? '' : ` (also appended to ${written.appendedTo})`}`)
    console.log(`Bencher Metric Format: ${written.bmfPath}`)
    const keys = runs.flatMap((run) => run.results.rows.map((row) => row.key))
    const repeated = keys.length - new Set(keys).size
    if (repeated > 0) console.log(`bmf.json: ${repeated} ${repeated === 1 ? 'row appears' : 'rows appear'} in more than one file; the file given last wins.`)
  },
}
