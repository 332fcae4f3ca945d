import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, join, relative } from 'node:path'
import { BenchError } from '../errors.ts'
import { writeFileAtomic } from '../results/write-file-atomic.ts'
import { parseCommandArgs } from './parse-command-args.ts'
import type { CliCommand } from './types.ts'

const usage = 'wasm-faas-bench init [--dir DIR]'

/** The files `init` writes into a project, by path relative to it. Existing files are never overwritten. */
export const scaffold: Record<string, string> = {
  'vitest.config.ts': `import { defineConfig } from 'vitest/config'
import { wasmFaasBench } from 'wasm-faas-bench'

export default defineConfig({
  plugins: [
    wasmFaasBench({
      // Your own functions live in workloads/ (one folder each); the built-in noop, fib and html are always there.
      // Narrow a run with WFB_RUNTIMES=native,node-wasi,wasmtime and WFB_WORKLOADS=fib.
    }),
  ],
  test: {
    benchmark: { include: ['benches/**/*.bench.ts'] },
    // Runtimes start real processes: keep bench files off each other's cores.
    fileParallelism: false,
  },
})
`,
  'benches/workloads.bench.ts': `import { benchWorkload } from 'wasm-faas-bench/bench'

// One call per workload: every selected runtime runs it cold and warm, every output checked.
// Add your own: benchWorkload('my-function') for workloads/my-function/.
benchWorkload('noop')
benchWorkload('fib')
`,
  'workloads/README.md': `# Workloads of this project

One folder per function: \`workloads/<name>/workload.ts\` exports \`const workload = defineWorkload({ … })\`
(from 'wasm-faas-bench'), beside the module it runs. See the wasm-faas-bench docs, "Bring your own workload",
for C against wfb.h and for prebuilt WASI modules from Rust, Go, Zig or AssemblyScript.
`,
}

/** Lines `init` makes sure the project's .gitignore has. */
const ignored = ['bench-results/']

/**
 * `init`: scaffolds wasm-faas-bench into a project (the current folder, or `--dir`): a vitest.config.ts
 * with the plugin, a bench file, a workloads folder, `bench` and `bench:update` scripts and a .gitignore
 * line. It keeps every file that exists already and says so.
 */
export const init: CliCommand = {
  words: ['init'],
  summary: '[--dir DIR]  scaffold vitest.config.ts, a bench file, workloads/ and npm scripts into a project',
  async run(args) {
    const { values } = parseCommandArgs(args, usage, { dir: { type: 'string' } })
    const root = values.dir ?? process.cwd()
    const packagePath = join(root, 'package.json')
    const text = await readFile(packagePath, 'utf8').catch(() => undefined)
    if (text === undefined) throw new BenchError('invalid-option', `\`${packagePath}\` not found: run init in an npm project (\`npm init -y\` first), or pass --dir.`)
    for (const [path, content] of Object.entries(scaffold)) {
      const target = join(root, path)
      await mkdir(dirname(target), { recursive: true })
      try {
        await writeFile(target, content, { flag: 'wx' })
        console.log(`init: wrote ${path}`)
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
        console.log(`init: kept the existing ${path}`)
      }
    }
    const pkg = JSON.parse(text) as { scripts?: Record<string, string> }
    const scripts = { bench: 'wasm-faas-bench setup && vitest bench --run', 'bench:update': 'vitest bench --run --update', ...pkg.scripts }
    if (JSON.stringify(scripts) !== JSON.stringify(pkg.scripts)) {
      await writeFileAtomic(packagePath, `${JSON.stringify({ ...pkg, scripts }, null, 2)}\n`)
      console.log('init: added npm scripts `bench` and `bench:update` (existing scripts kept)')
    }
    const gitignorePath = join(root, '.gitignore')
    const gitignore = await readFile(gitignorePath, 'utf8').catch(() => '')
    const missing = ignored.filter((line) => !gitignore.split('\n').includes(line))
    if (missing.length > 0) await writeFile(gitignorePath, `${gitignore}${gitignore === '' || gitignore.endsWith('\n') ? '' : '\n'}${missing.join('\n')}\n`)
    console.log(`init: done. Run \`npm run bench\` in ${relative(process.cwd(), root) || 'this folder'}; \`npm run bench:update\` records a baseline.`)
  },
}
