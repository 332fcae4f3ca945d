import { access, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { BenchError } from '../errors.ts'
import { defaultResultsDir } from '../results/write-results.ts'

/**
 * The results files a command reads: the paths given, or bench-results/latest.json. Each must exist and
 * be a file; otherwise a BenchError says what to give instead (ending with the command's usage for a folder).
 */
export async function resolveResultsSources(paths: readonly string[], usage: string): Promise<string[]> {
  const sources = paths.length > 0 ? [...paths] : [join(defaultResultsDir, 'latest.json')]
  for (const source of sources) {
    await access(source).catch((error: unknown) => {
      throw new BenchError('invalid-option', `Results file \`${source}\` does not exist. Give the path of a results file, or run the benchmarks first (\`npm run bench\` writes ${join(defaultResultsDir, 'latest.json')}).`, { cause: error })
    })
    if ((await stat(source)).isDirectory()) {
      throw new BenchError('invalid-option', `\`${source}\` is a folder, not a results file. Give a results file in it, e.g. \`${join(source, 'latest.json')}\`. Usage: ${usage}`)
    }
  }
  return sources
}
