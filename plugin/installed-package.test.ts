// The package as a user gets it: `npm pack`, installed into an empty project with the pinned Vitest
// and Node, benchmarking that project's own functions (examples/byo-function: Go, AssemblyScript and
// C with libm). Needs the npm registry (the project installs vitest, vite and node from it).
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { delimiter, join, relative } from 'node:path'
import { execa } from 'execa'
import { afterAll, expect, test } from 'vitest'
import { wasmtimePrecompiled } from '../fixtures/wasmtime-precompiled.ts'
import { packagePath, packageRoot } from './package-paths.ts'
import { validateResults } from './results/validate-results.ts'
import { listDescendants } from './collectors/process-tree.ts'

const scratch = await mkdtemp(join(tmpdir(), 'wfb-installed-package-'))
afterAll(() => rm(scratch, { recursive: true, force: true }))

/** Exact versions a user installs beside the package (vite: 8.4.0 declares an optional dependency this registry lacks). */
const userDevDependencies = ['vitest@5.1.2', 'vite@8.3.4', 'node@24.21.0']
const exampleDir = packagePath('examples', 'byo-function')
const wasmtime = await wasmtimePrecompiled.detect()
const skipNote = wasmtime.available ? '' : ` (skipped: no native-code runtime, ${wasmtime.reason ?? ''}; install: ${wasmtime.install})`

/** Every file below `dir`, relative to it, sorted. */
async function listTree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries.filter((entry) => entry.isFile()).map((entry) => relative(dir, join(entry.parentPath, entry.name))).sort()
}

test.skipIf(!wasmtime.available)(`the packed tarball, installed into an empty project, benchmarks the project's own Go and C (libm) functions${skipNote}`, { timeout: 900_000 }, async () => {
  // 1. Pack exactly what would be published (prepack builds dist/).
  const pack = await execa('npm', ['pack', '--json', '--pack-destination', scratch], { cwd: packageRoot, all: true, reject: false })
  expect(pack.exitCode, pack.all).toBe(0)
  const [packed] = JSON.parse(pack.stdout.slice(pack.stdout.indexOf('['))) as Array<{ filename: string }>
  if (packed === undefined) throw new Error(`npm pack named no tarball:\n${pack.all}`)
  const tarball = join(scratch, packed.filename)

  // 2. An empty project with the example's config, bench file and workloads (none of its node_modules).
  const project = join(scratch, 'project')
  await mkdir(project)
  await writeFile(join(project, 'package.json'), `${JSON.stringify({ name: 'user-project', private: true, type: 'module' }, null, 2)}\n`)
  for (const path of ['vitest.config.ts', 'benches', 'workloads']) {
    await cp(join(exampleDir, path), join(project, path), { recursive: true, filter: (source) => !source.endsWith('-native') })
  }
  const install = await execa('npm', ['install', '--no-audit', '--no-fund', '--save-dev', tarball, ...userDevDependencies], { cwd: project, all: true, reject: false })
  expect(install.exitCode, install.all).toBe(0)
  const installed = join(project, 'node_modules', 'wasm-faas-bench')
  const shipped = await listTree(installed)
  expect(shipped.filter((path) => /\.ts$/.test(path) && !path.endsWith('.d.ts'))).toEqual([])
  expect(shipped).toContain('dist/plugin/index.js')
  expect(shipped).toContain('dist/plugin/index.d.ts')
  expect(shipped).toContain('dist/claims/claims.json')
  // The adapter API resolves from the installed package, as a project's own runtime module imports it.
  const adapterApi = await execa(process.execPath, ['--input-type=module', '-e', "const api = await import('wasm-faas-bench/adapter'); console.log(['createCommandInstance', 'detectRuntimeTool', 'BenchError', 'makeScratchDir'].map((name) => typeof api[name]).join(','))"], { cwd: project, all: true, reject: false })
  expect(adapterApi.exitCode, adapterApi.all).toBe(0)
  expect(adapterApi.stdout).toBe('function,function,function,function')

  // 3. The installed CLI and `vitest bench` in the project, on the project's own Node.
  const env = {
    PATH: `${join(project, 'node_modules', '.bin')}${delimiter}${process.env.PATH ?? ''}`,
    WFB_RUNTIMES: 'node-wasi,native,wasmtime-precompiled',
    WFB_WORKLOADS: 'primes,norm',
    WFB_PARAMS: 'primes.n=100000,norm.n=10000',
    WFB_COLD_SAMPLES: '5',
    WFB_WARM_BATCHES: '2',
    WFB_WARM_REPEATS: '3',
    NO_COLOR: '1',
  }
  const list = await execa('npx', ['wasm-faas-bench', 'runtimes', 'list'], { cwd: project, env, all: true, reject: false })
  expect(list.exitCode, list.all).toBe(0)
  expect(list.stdout).toMatch(/^node-wasi +process,in-process +available/m)
  const bench = await execa('npx', ['vitest', 'bench', '--run'], { cwd: project, env, all: true, reject: false, timeout: 600_000 })
  expect(bench.exitCode, bench.all).toBe(0)
  // The built-in claims load from the installed package and are held against every run.
  expect(bench.all).toMatch(/Published claims: .*not measured\./)

  const results = validateResults(JSON.parse(await readFile(join(project, 'bench-results', 'latest.json'), 'utf8')), 'latest.json')
  expect(results.failed).toEqual([])
  const keys = results.rows.map((row) => `${row.runtime}/${row.workload}/${row.mode}`)
  for (const workload of ['primes', 'norm']) {
    for (const runtime of ['node-wasi/process', 'wasmtime-precompiled/process', 'native/process']) {
      const [name, mode] = runtime.split('/')
      expect(keys, `${workload} on ${runtime}`).toContain(`${name}/${workload}/${mode}`)
    }
  }
  // Every row counted only checked invocations; Go's module and the C harness speak the warm protocol.
  for (const row of results.rows) {
    expect(row.metrics.coldStartMs, row.key).toMatchObject({ n: 5 })
    expect(row.metrics.warmLatencyMs, row.key).toHaveProperty('median')
  }
  // Nothing was written into the installed package (caches live in the user's cache folder).
  expect(await listTree(installed)).toEqual(shipped)
  expect(await listDescendants(process.pid)).toEqual([])
})
