import { loadClaims } from '../claims/load-claims.ts'
import { judgeClaims } from '../claims/judge-claim.ts'
import { renderClaimsMarkdown, renderClaimsText } from '../claims/render-claims.ts'
import { describeMachine, formatUtcMinute } from '../reporters/report-model.ts'
import { writeFileAtomic } from '../results/write-file-atomic.ts'
import { readResults } from '../results/write-results.ts'
import type { CliCommand } from './types.ts'
import { parseCommandArgs } from './parse-command-args.ts'
import { resolveResultsSources } from './results-sources.ts'

const usage = 'wasm-faas-bench claims [results.json …] [--claims FILE …] [--no-built-in] [--markdown FILE]'

/**
 * `claims`: holds published claims (the package's claims/claims.json, plus each `--claims FILE`)
 * against one or more results files and prints each claim, the published number, this run's number
 * computed the same way, and a verdict. Rows of later files replace rows of earlier ones with the
 * same key. Default: bench-results/latest.json. With `--markdown FILE` the table is also written as
 * Markdown, headed by the results files, their commands, dates and machines (docs/claims.md is made
 * so). Informational: the exit code does not depend on the verdicts.
 */
export const claims: CliCommand = {
  words: ['claims'],
  summary: '[results.json …] [--claims FILE …] [--markdown FILE]  published claims next to this run\'s numbers, with a verdict each',
  async run(args) {
    const parsed = parseCommandArgs(args, usage, { claims: { type: 'string', multiple: true }, 'no-built-in': { type: 'boolean' }, markdown: { type: 'string' } }, true)
    const { values, positionals } = parsed
    const sources = await resolveResultsSources(positionals, usage)
    const claimList = await loadClaims(values.claims ?? [], { builtIn: values['no-built-in'] !== true })
    const runs = await Promise.all(sources.map(async (source) => ({ source, results: await readResults(source) })))
    const verdicts = judgeClaims(claimList, runs)
    console.log(renderClaimsText(verdicts))
    console.log(`Results: ${sources.join(', ')}.`)
    if (values.markdown !== undefined) {
      const header = runs.flatMap(({ source, results }) => [
        `- \`${source}\`: \`${results.command.map((arg) => arg.replace(/^.*node_modules\/\.bin\//, '')).join(' ')}\`, started ${formatUtcMinute(results.createdAt)} on ${describeMachine(results.machine)} (machine id \`${results.machine.id}\`), ${results.rows.length} rows.`,
      ])
      await writeFileAtomic(values.markdown, [`Judged from these results files (rows of later files replace rows of earlier ones with the same key):`, '', ...header, '', ...renderClaimsMarkdown(verdicts)].join('\n'))
      console.log(`Markdown: ${values.markdown}`)
    }
  },
}
