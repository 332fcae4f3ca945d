import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import type { ResultsFile } from '../../schema/results.d.ts'
import { BenchError } from '../errors.ts'
import { createExampleResults } from './example-results.ts'
import { assertWritableDir, readResults, writeResults, writeResultsOrFallback } from './write-results.ts'

let root: string
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'wfb-results-'))
})
afterEach(async () => {
  await rm(root, { recursive: true, force: true })
})

/** The example with its first row's coldStartMs mean replaced. */
function withMean(mean: number): ResultsFile {
  const results = createExampleResults()
  const metric = results.rows[0]?.metrics.coldStartMs
  if (metric === undefined || 'unsupported' in metric) throw new Error('the example lost its coldStartMs summary')
  metric.mean = mean
  return results
}

describe('writeResults', () => {
  test('writes latest.json and a timestamped copy that read back equal', async () => {
    const dir = join(root, 'bench-results')
    const results = createExampleResults()
    const paths = await writeResults(results, dir)
    expect(paths).toEqual({ latestPath: join(dir, 'latest.json'), timestampedPath: join(dir, 'results-2025-01-31T12-34-56-789Z.json') })
    expect((await readdir(dir)).sort()).toEqual(['latest.json', 'results-2025-01-31T12-34-56-789Z.json'])
    expect(await readResults(paths.latestPath)).toEqual(results)
    expect(await readResults(paths.timestampedPath)).toEqual(results)
  })

  test('pretty-prints with two spaces and a trailing newline', async () => {
    const { latestPath } = await writeResults(createExampleResults(), root)
    const text = await readFile(latestPath, 'utf8')
    expect(text).toBe(`${JSON.stringify(createExampleResults(), null, 2)}\n`)
    expect(text.startsWith('{\n  "schemaVersion": 1,\n')).toBe(true)
  })

  test('a later run replaces latest.json and keeps the earlier copy', async () => {
    await writeResults(createExampleResults(), root)
    const later = { ...createExampleResults(), createdAt: '2025-02-01T08:00:00.000Z' }
    await writeResults(later, root)
    expect((await readdir(root)).sort()).toEqual(['latest.json', 'results-2025-01-31T12-34-56-789Z.json', 'results-2025-02-01T08-00-00-000Z.json'])
    expect((await readResults(join(root, 'latest.json'))).createdAt).toBe('2025-02-01T08:00:00.000Z')
  })

  test('invalid results are rejected and nothing is written', async () => {
    const dir = join(root, 'bench-results')
    const invalid = { ...createExampleResults(), createdAt: 'yesterday' }
    const rejection = writeResults(invalid, dir)
    await expect(rejection).rejects.toThrow(BenchError)
    await expect(rejection).rejects.toThrow([
      `Nothing was written to \`${dir}\`. Results in \`${join(dir, 'latest.json')}\` do not match schema/results.schema.json:`,
      '  /createdAt: must be a date-time string such as "2025-01-31T12:00:00.000Z", not "yesterday"',
    ].join('\n'))
    expect(await readdir(root)).toEqual([])
  })

  test('validates what JSON would store: NaN becomes null and is rejected', async () => {
    await writeResults(createExampleResults(), root)
    const before = await readFile(join(root, 'latest.json'), 'utf8')
    await expect(writeResults({ ...withMean(Number.NaN), createdAt: '2025-02-01T08:00:00.000Z' }, root))
      .rejects.toThrow('/rows/0/metrics/coldStartMs/mean: must be number, not null')
    expect(await readFile(join(root, 'latest.json'), 'utf8')).toBe(before)
    expect(await readdir(root)).toHaveLength(2)
  })
})

describe('readResults', () => {
  test('a file that is not JSON: names the file and the position', async () => {
    const path = join(root, 'broken.json')
    await writeFile(path, '{\n  "schemaVersion": 1\n  "tool": {}\n}\n')
    await expect(readResults(path)).rejects.toThrow(`Results file \`${path}\` is not valid JSON: Expected ',' or '}' after property value in JSON at position 25 (line 3 column 3). Fix the file, or run the benchmarks again (\`npm run bench\`) to write a fresh one.`)
  })

  test('an empty file says so', async () => {
    const path = join(root, 'empty.json')
    await writeFile(path, '')
    await expect(readResults(path)).rejects.toThrow(`Results file \`${path}\` is not valid JSON: the file is empty.`)
  })

  test('JSON that does not match the schema names the file and the field', async () => {
    const path = join(root, 'old.json')
    const withoutFailed: Partial<ResultsFile> = createExampleResults()
    delete withoutFailed.failed
    await writeFile(path, JSON.stringify(withoutFailed))
    await expect(readResults(path)).rejects.toThrow(`Results in \`${path}\` do not match schema/results.schema.json:\n  /failed: missing; it is required\n`)
  })

  test('a missing file: Node names the path', async () => {
    await expect(readResults(join(root, 'nope.json'))).rejects.toThrow(/ENOENT.*nope\.json/)
  })
})

describe('a results folder that cannot be written', () => {
  test('is found before measuring: the error names the folder, the system error and the fix', async () => {
    const inTheWay = join(root, 'file')
    await writeFile(inTheWay, 'x')
    const error: unknown = await assertWritableDir(join(inTheWay, 'results')).then(() => undefined, (reason: unknown) => reason)
    expect(error).toBeInstanceOf(BenchError)
    expect((error as BenchError).code).toBe('unwritable-output')
    expect((error as BenchError).message).toMatch(new RegExp(`^Cannot write the results to \`${join(inTheWay, 'results')}\` \\(ENOTDIR: .*\\): a file of that name is in the way: choose another folder, or set another results folder with WFB_OUTPUT_DIR \\(the plugin's \`outputDir\` option\\)\\. Nothing was measured\\.$`))
    await assertWritableDir(join(root, 'fresh'))
    expect(await readdir(join(root, 'fresh'))).toEqual([])
  })

  test('at the end of a run keeps the results in the temporary folder and says where', async () => {
    const inTheWay = join(root, 'file')
    await writeFile(inTheWay, 'x')
    const results = createExampleResults()
    const written = await writeResultsOrFallback(results, join(inTheWay, 'results'))
    if (!('fallbackPath' in written)) throw new Error('expected the fallback')
    expect(written.fallbackPath).toBe(join(tmpdir(), `wfb-results-${results.createdAt.replaceAll(/[:.]/g, '-')}.json`))
    expect(written.error).toMatch(/^ENOTDIR: /)
    expect((await readResults(written.fallbackPath)).rows).toHaveLength(results.rows.length)
    await rm(written.fallbackPath)
  })
})
