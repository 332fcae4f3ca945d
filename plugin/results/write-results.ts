import { mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { ResultsFile } from '../../schema/results.d.ts'
import { BenchError } from '../errors.ts'
import { validateResults } from './validate-results.ts'
import { writeFileAtomic } from './write-file-atomic.ts'

/** Where results files go unless the options say otherwise, relative to the project root. */
export const defaultResultsDir = 'bench-results'

/**
 * Validates `results` and writes them, pretty-printed, to `<dir>/latest.json` and to a timestamped
 * copy `<dir>/results-<createdAt with : and . as ->.json`, each atomically; creates `dir` if needed.
 * Invalid results are never written: a BenchError (`invalid-results`) lists the failing fields.
 */
export async function writeResults(results: ResultsFile, dir: string = defaultResultsDir): Promise<{ latestPath: string; timestampedPath: string }> {
  const latestPath = join(dir, 'latest.json')
  const timestampedPath = join(dir, `results-${results.createdAt.replaceAll(/[:.]/g, '-')}.json`)
  const text = `${JSON.stringify(results, null, 2)}\n`
  try {
    // Validate what will be on disk: JSON turns NaN and Infinity into null and drops undefined.
    validateResults(JSON.parse(text), latestPath)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new BenchError('invalid-results', `Nothing was written to \`${dir}\`. ${reason}`, { cause: error })
  }
  await mkdir(dir, { recursive: true })
  await writeFileAtomic(timestampedPath, text)
  await writeFileAtomic(latestPath, text)
  return { latestPath, timestampedPath }
}

/**
 * Reads and validates a results file. Throws a BenchError (`invalid-results`) naming the file and the
 * position (line and column) when it is not JSON, or the failing fields when it does not match the
 * schema. A missing file throws Node's ENOENT error, which names the path.
 */
export async function readResults(path: string): Promise<ResultsFile> {
  const text = await readFile(path, 'utf8')
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    const reason = text.trim() === '' ? 'the file is empty' : withLineAndColumn(text, error instanceof Error ? error.message : String(error))
    throw new BenchError('invalid-results', `Results file \`${path}\` is not valid JSON: ${reason}. Fix the file, or run the benchmarks again (\`npm run bench\`) to write a fresh one.`, { cause: error })
  }
  return validateResults(data, path)
}

/** Ends a JSON.parse message that has `position N` with `(line L column C)`, which only newer V8 versions add themselves. */
export function withLineAndColumn(text: string, reason: string): string {
  const match = /position (\d+)/.exec(reason)
  if (match === null) return reason
  const before = text.slice(0, Number(match[1])).split('\n')
  return `${reason.replace(/ \(line \d+ column \d+\)$/, '')} (line ${before.length} column ${(before.at(-1)?.length ?? 0) + 1})`
}
