import { mkdirSync } from 'node:fs'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ResultsFile } from '../../schema/results.d.ts'
import { BenchError } from '../errors.ts'
import { validateResults } from './validate-results.ts'
import { writeFileAtomic, writeFileAtomicSync } from './write-file-atomic.ts'

/** Where results files go unless the options say otherwise, relative to the project root. */
export const defaultResultsDir = 'bench-results'

/**
 * Validates `results` and writes them, pretty-printed, to `<dir>/latest.json` and to a timestamped
 * copy `<dir>/results-<createdAt with : and . as ->.json`, each atomically; creates `dir` if needed.
 * Invalid results are never written: a BenchError (`invalid-results`) lists the failing fields.
 */
export async function writeResults(results: ResultsFile, dir: string = defaultResultsDir, options: { latestOnly?: boolean } = {}): Promise<{ latestPath: string; timestampedPath: string }> {
  const { latestPath, timestampedPath, text } = prepareResults(results, dir)
  await mkdir(dir, { recursive: true })
  if (options.latestOnly !== true) await writeFileAtomic(timestampedPath, text)
  await writeFileAtomic(latestPath, text)
  return { latestPath, timestampedPath }
}

/** {@link writeResults} done synchronously: for a signal handler, which cannot wait before the process exits. */
export function writeResultsSync(results: ResultsFile, dir: string = defaultResultsDir): { latestPath: string; timestampedPath: string } {
  const { latestPath, timestampedPath, text } = prepareResults(results, dir)
  mkdirSync(dir, { recursive: true })
  writeFileAtomicSync(timestampedPath, text)
  writeFileAtomicSync(latestPath, text)
  return { latestPath, timestampedPath }
}

function prepareResults(results: ResultsFile, dir: string): { latestPath: string; timestampedPath: string; text: string } {
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
  return { latestPath, timestampedPath, text }
}

/** Error codes of a folder that cannot take the results, with what to do about each. */
const unwritableAdvice: Record<string, string> = {
  ENOSPC: 'the disk is full: free some space',
  EROFS: 'the file system is read-only: choose a writable folder',
  EACCES: 'this user may not write there: choose another folder or fix its permissions',
  EPERM: 'this user may not write there: choose another folder or fix its permissions',
  ENOTDIR: 'a file of that name is in the way: choose another folder',
  EEXIST: 'a file of that name is in the way: choose another folder',
  EDQUOT: 'the disk quota is used up: free some space',
}

/**
 * Checks, before anything is measured, that the results folder can be created and written (a small
 * probe file, written and removed): a full or read-only disk must not be found after the whole run.
 * @throws BenchError `unwritable-output` naming the folder, the system's error and the fix.
 */
export async function assertWritableDir(dir: string): Promise<void> {
  const probe = join(dir, `.wfb-write-probe-${process.pid}`)
  try {
    await mkdir(dir, { recursive: true })
    await writeFile(probe, 'x'.repeat(4096))
    await rm(probe, { force: true })
  } catch (error) {
    await rm(probe, { force: true }).catch(() => undefined)
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown'
    const why = unwritableAdvice[code] ?? 'fix the folder or choose another one'
    throw new BenchError('unwritable-output', `Cannot write the results to \`${dir}\` (${code}: ${(error as Error).message}): ${why}, or set another results folder with WFB_OUTPUT_DIR (the plugin's \`outputDir\` option). Nothing was measured.`, { cause: error })
  }
}

/**
 * {@link writeResults}, and when the results folder cannot take them (a disk that filled up or was
 * made read-only during the run), the same file in the system's temporary folder, so that the
 * measurements are not lost: `fallbackPath` and `error` say so.
 */
export async function writeResultsOrFallback(results: ResultsFile, dir: string): Promise<{ latestPath: string; timestampedPath: string } | { fallbackPath: string; error: string }> {
  try {
    return await writeResults(results, dir)
  } catch (error) {
    if (error instanceof BenchError) throw error
    const fallbackPath = join(tmpdir(), `wfb-results-${results.createdAt.replaceAll(/[:.]/g, '-')}.json`)
    await writeFileAtomic(fallbackPath, `${JSON.stringify(results, null, 2)}\n`)
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown'
    return { fallbackPath, error: `${code}: ${(error as Error).message}${unwritableAdvice[code] === undefined ? '' : ` (${unwritableAdvice[code]})`}` }
  }
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
