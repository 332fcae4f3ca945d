import { access } from 'node:fs/promises'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { loadClaims } from '../claims/load-claims.ts'
import { judgeClaims } from '../claims/judge-claim.ts'
import { renderClaimsText } from '../claims/render-claims.ts'
import { BenchError } from '../errors.ts'
import { defaultResultsDir, readResults } from '../results/write-results.ts'
import type { CliCommand } from './types.ts'

const usage = 'wasm-faas-bench claims [results.json …] [--claims FILE …] [--no-built-in]'

/**
 * `claims`: holds published claims (the package's claims/claims.json, plus each `--claims FILE`)
 * against one or more results files and prints each claim, the published number, this run's number
 * computed the same way, and a verdict. Rows of later files replace rows of earlier ones with the
 * same key. Default: bench-results/latest.json. Informational: the exit code does not depend on the verdicts.
 */
export const claims: CliCommand = {
  words: ['claims'],
  summary: '[results.json …] [--claims FILE …]  published claims next to this run\'s numbers, with a verdict each',
  async run(args) {
    let parsed
    try {
      parsed = parseArgs({ args, allowPositionals: true, options: { claims: { type: 'string', multiple: true }, 'no-built-in': { type: 'boolean' } } })
    } catch (error) {
      throw new BenchError('invalid-option', `${error instanceof Error ? error.message : String(error)}. Usage: ${usage}`, { cause: error })
    }
    const { values, positionals } = parsed
    const sources = positionals.length > 0 ? positionals : [join(defaultResultsDir, 'latest.json')]
    for (const source of sources) {
      await access(source).catch((error: unknown) => {
        throw new BenchError('invalid-option', `Results file \`${source}\` does not exist. Give the path of a results file, or run the benchmarks first (\`npm run bench\` writes ${join(defaultResultsDir, 'latest.json')}).`, { cause: error })
      })
    }
    const claimList = await loadClaims(values.claims ?? [], { builtIn: values['no-built-in'] !== true })
    const runs = await Promise.all(sources.map(async (source) => ({ source, results: await readResults(source) })))
    console.log(renderClaimsText(judgeClaims(claimList, runs)))
    console.log(`Results: ${sources.join(', ')}.`)
  },
}
