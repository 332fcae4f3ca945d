// `wasm-faas-bench claims` as a person runs it: the CLI in a subprocess, on committed real results files.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { execa } from 'execa'
import { afterAll, describe, expect, test } from 'vitest'
import { realResultsPath } from '../reporters/testdata/report-example.ts'
import { packageRoot as repoRoot } from '../package-paths.ts'

const scratch = await mkdtemp(join(tmpdir(), 'wfb-claims-command-'))
afterAll(async () => rm(scratch, { recursive: true, force: true }))
const sledgeResults = join(repoRoot, 'docs', 'sledge-results.json')

function cli(...args: string[]) {
  return execa(process.execPath, [join(repoRoot, 'plugin', 'cli.ts'), ...args], { cwd: repoRoot, reject: false, all: true })
}

describe('wasm-faas-bench claims', () => {
  test('the built-in claims against two results files: a verdict line per claim, then each claim with its source', async () => {
    const run = await cli('claims', realResultsPath, sledgeResults)
    expect(run.exitCode, run.all).toBe(0)
    expect(run.stdout).toMatch(/^Published claims against these results: \d+ consistent · /)
    // The committed Sledge run measured one worker at concurrency 4: 2,252 req/s, within 2,326–2,333 req/s ×/÷1.25.
    expect(run.stdout).toMatch(/\nconsistent +study-sledge-fib25-throughput +2,326–2,333 req\/s +2,252 req\/s\n/)
    expect(run.stdout).toMatch(/\nnot-measured +spright-vs-knative +≥ 10x +—\n/)
    expect(run.stdout).toContain('  source: Faasm-Sledge-Battle-of-Speed-and-Scale: Sledge benchmark output')
    expect(run.stdout).toContain('Measure: `WFB_RUNTIMES=endpoint WFB_ENDPOINT_URL=http://SPRIGHT-GATEWAY:8080/ROUTE')
  })

  test('--claims adds a project file; --no-built-in leaves the package\'s out', async () => {
    const path = join(scratch, 'ours.json')
    await writeFile(path, JSON.stringify({
      schemaVersion: 1,
      claims: [{
        id: 'ours-wasmi-vs-native',
        statement: 'wasmi starts within 2x of native.',
        source: { title: 'Our notes', where: 'p. 1', checked: true },
        published: { text: '2x', unit: 'ratio', high: 2, comparison: 'at-most' },
        quantity: { kind: 'ratio', of: { row: { runtime: 'wasmi', workload: 'noop', mode: 'process' }, metric: 'coldStartMs' }, per: { row: { runtime: 'native', workload: 'noop', mode: 'process' }, metric: 'coldStartMs' } },
        tolerance: 0,
        setup: { runtimes: ['wasmi', 'native'], workloads: ['noop'] },
      }],
    }))
    const run = await cli('claims', realResultsPath, '--claims', path, '--no-built-in')
    expect(run.exitCode, run.all).toBe(0)
    // The real run: wasmi noop 2.33 ms, native noop 2.54 ms.
    expect(run.stdout.split('\n').slice(0, 4)).toEqual([
      'Published claims against these results: 1 consistent',
      '',
      'verdict     claim                 published  this run',
      'consistent  ours-wasmi-vs-native  ≤ 2x       0.92x',
    ])
  })

  test('a missing results file or a bad claims file names it and the fix', async () => {
    const missing = await cli('claims', join(scratch, 'nope.json'))
    expect(missing.exitCode).toBe(1)
    expect(missing.stderr).toContain('does not exist')
    await writeFile(join(scratch, 'bad.json'), JSON.stringify({ schemaVersion: 1, claims: [{ id: 'x' }] }))
    const bad = await cli('claims', realResultsPath, '--claims', join(scratch, 'bad.json'))
    expect(bad.exitCode).toBe(1)
    expect(bad.stderr).toContain('do not match schema/claims.schema.json')
  })
})
