// End to end: the `paired` plugin option and a bench file calling `benchPaired()`, in a project of its
// own (as a user's would be): the comparison runs inside `vitest bench`, its verdicts go to the
// results file, and a regressed metric fails the run. Asserts verdicts, never speed.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { execa } from 'execa'
import { afterAll, describe, expect, test } from 'vitest'
import { readResults } from '../results/write-results.ts'
import { packageRoot } from '../package-paths.ts'

const project = await mkdtemp(join(tmpdir(), 'wfb-paired-project-'))
afterAll(async () => {
  await rm(project, { recursive: true, force: true })
})

async function writeProject(head: string): Promise<void> {
  await mkdir(join(project, 'benches'), { recursive: true })
  await writeFile(join(project, 'vitest.config.mjs'), [
    `import { wasmFaasBench } from ${JSON.stringify(join(packageRoot, 'plugin', 'index.ts'))}`,
    'export default {',
    `  plugins: [wasmFaasBench({ paired: { workload: 'fib', base: { runtime: 'native' }, head: ${head}, pairs: 20, warmRepeats: 5 } })],`,
    "  test: { benchmark: { include: ['benches/**/*.bench.mjs'] } },",
    '}',
  ].join('\n'))
  await writeFile(join(project, 'benches', 'paired.bench.mjs'), `import { benchPaired } from ${JSON.stringify(join(packageRoot, 'plugin', 'bench.ts'))}\nbenchPaired()\n`)
}

function bench() {
  return execa(process.execPath, [join(packageRoot, 'node_modules', 'vitest', 'vitest.mjs'), 'bench', '--run', '--root', project], {
    cwd: project, env: { WFB_RUNTIMES: 'native', WFB_WORKLOADS: 'fib', WFB_OUTPUT_DIR: join(project, 'results'), WFB_BASELINE_DIR: join(project, 'baselines'), NO_COLOR: '1' }, reject: false, all: true, timeout: 240_000,
  })
}

describe('the paired plugin option', () => {
  test('a head with 300% extra work per call: the results file carries the paired verdicts and the run fails', { timeout: 300_000 }, async () => {
    await writeProject("{ runtime: 'native', extraWorkPercent: 300 }")
    const run = await bench()
    expect(run.all).toMatch(/compare: FAILED: .*; native vs native \+300% extra work on native\/fib\/process\/n=25, 20 interleaved pairs/)
    expect(run.exitCode).toBe(1)
    const results = await readResults(join(project, 'results', 'latest.json'))
    expect(results.paired?.[0]).toMatchObject({ key: 'native/fib/process/n=25', pairs: 20, failed: true })
    expect(results.paired?.[0]?.verdicts.find((verdict) => verdict.metric === 'warmLatencyMs')?.verdict).toBe('regressed')
  })
})
