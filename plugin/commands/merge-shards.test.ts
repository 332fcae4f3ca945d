// End to end (issue 12): the matrix split with Vitest's --shard into two runs, merged with
// `wasm-faas-bench merge`, has the same rows as one unsharded run, and the merged run is judged by
// the regression gate against the baseline the unsharded run recorded. Asserts rows and verdict
// kinds, never speed.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { execa } from 'execa'
import { afterAll, describe, expect, test } from 'vitest'
import type { ResultsFile } from '../../schema/results.d.ts'
import { readResults } from '../results/write-results.ts'
import { packageRoot } from '../package-paths.ts'

const vitestCli = join(packageRoot, 'node_modules', 'vitest', 'vitest.mjs')
const scratch = await mkdtemp(join(tmpdir(), 'wfb-shards-'))
const baselines = join(scratch, 'baselines')

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true })
})

const env = {
  WFB_RUNTIMES: 'native', WFB_WORKLOADS: 'fib,noop', WFB_COLD_SAMPLES: '10', WFB_WARM_BATCHES: '2', WFB_WARM_REPEATS: '5',
  WFB_BASELINE_DIR: baselines, WFB_UPDATE_BASELINE: '', WFB_INJECT_SLOWDOWN: '', WFB_TESTBED: '', NO_COLOR: '1',
}

/** `vitest bench --run` of the two bench files (the README's shard command when `shard` is given). */
async function bench(name: string, args: string[], extraEnv: Record<string, string> = {}): Promise<ResultsFile> {
  const run = await execa(process.execPath, [vitestCli, 'bench', '--run', ...args, 'fib.bench', 'noop.bench'], {
    cwd: packageRoot, env: { ...env, WFB_OUTPUT_DIR: join(scratch, name), ...extraEnv }, reject: false, all: true, timeout: 240_000,
  })
  expect(run.exitCode, run.all).toBe(0)
  return readResults(join(scratch, name, 'latest.json'))
}

function cli(...args: string[]) {
  return execa(process.execPath, [join(packageRoot, 'plugin', 'cli.ts'), ...args], { cwd: packageRoot, env, reject: false, all: true, timeout: 60_000 })
}

/** What makes a row the same row: key, runtime version, workload, params, mode and the metrics measured. */
function rowShapes(results: ResultsFile): string[] {
  return results.rows.map((row) => JSON.stringify([row.key, row.runtimeVersion, row.workload, row.params, row.mode, Object.keys(row.metrics).sort()])).sort()
}

describe('sharded matrices', () => {
  test('shards 1/2 and 2/2 merged give the rows of one unsharded run, and the merged run is judged by the gate', { timeout: 600_000 }, async () => {
    const whole = await bench('whole', [], { WFB_UPDATE_BASELINE: '1' })
    // As in the sharded workflow, the shards are not judged (an empty baseline folder); the merged run is.
    const unjudged = { WFB_BASELINE_DIR: join(scratch, 'no-baselines') }
    const first = await bench('shard-1', ['--shard=1/2'], unjudged)
    const second = await bench('shard-2', ['--shard=2/2'], unjudged)
    expect(first.rows.length).toBeGreaterThan(0)
    expect(second.rows.length).toBeGreaterThan(0)

    const merged = await cli('merge', join(scratch, 'shard-1', 'latest.json'), join(scratch, 'shard-2', 'latest.json'), '--out', join(scratch, 'merged'))
    const results = await readResults(join(scratch, 'merged', 'latest.json'))
    // Whether this machine's drift between the runs shows as a regression is not the point: the exit code follows the verdicts.
    expect(merged.exitCode, merged.all).toBe(results.comparison?.failed === true ? 1 : 0)
    expect(rowShapes(results)).toEqual(rowShapes(whole))
    expect(results.mergedFrom?.map((shard) => shard.rows)).toEqual([first.rows.length, second.rows.length])
    expect(results.comparison).toMatchObject({ status: 'compared' })
    expect(results.comparison?.verdicts.length).toBeGreaterThan(0)
    expect(results.comparison?.verdicts.map((verdict) => verdict.verdict)).not.toContain('no-baseline')
    expect(merged.all).toMatch(/regression gate: (passed|FAILED): .* against .*class-[0-9a-f]{12}\.json/)

    // `gate` judges the file again (same verdict kinds), writing the verdicts into it.
    const again = await cli('gate', join(scratch, 'merged', 'latest.json'))
    expect(again.all).toContain('regression gate: ')
    expect((await readResults(join(scratch, 'merged', 'latest.json'))).comparison?.status).toBe('compared')
  })

  test('merge refuses shards of different machine classes, naming both', async () => {
    const other = JSON.parse(await readFile(join(scratch, 'shard-2', 'latest.json'), 'utf8')) as ResultsFile
    other.machine = { ...other.machine, cpu: { ...other.machine.cpu, cores: other.machine.cpu.cores + 2 } }
    delete other.machine.class
    await writeFile(join(scratch, 'other.json'), JSON.stringify(other))
    const run = await cli('merge', join(scratch, 'shard-1', 'latest.json'), join(scratch, 'other.json'), '--out', join(scratch, 'refused'))
    expect(run.exitCode).toBe(1)
    expect(run.all).toMatch(/Cannot merge `.*other\.json` with `.*latest\.json`: they ran on different machine classes/)
  })
})
