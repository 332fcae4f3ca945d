import { performance } from 'node:perf_hooks'
import { BenchError, formatNames } from '../errors.ts'
import { installers, type InstallerName } from '../install/index.ts'
import { installRuntime } from '../install/install-runtime.ts'
import { aptInstallCommand, basePackages, buildPackages, installDebianPackages, missingDebianPackages } from '../install/system-packages.ts'
import { resolveToolsDir } from '../install/tools-dir.ts'
import { parseCommandArgs } from './parse-command-args.ts'
import type { CliCommand } from './types.ts'

/** Runtimes that install in seconds from a registry (PyPI, the Go proxy): part of every `setup`. */
export const quickRuntimes: readonly InstallerName[] = ['wasmtime', 'wazero']
/** Runtimes that build for minutes (cargo): only with `setup --all`. */
export const slowRuntimes: readonly InstallerName[] = ['wasmi', 'wamr', 'wasm3', 'wasi-http-c', 'wasmtime-c-api', 'wamr-scale', 'wasm3-scale', 'wasmi-scale']

const usage = 'wasm-faas-bench setup [--all] [--strict]'

/**
 * `setup`: makes this machine ready for a default run and the tests, idempotently (a second run only
 * checks, in well under a second): the Debian packages (apt-get, as root) and the runtimes that install
 * in seconds. `--all` adds the runtimes that build for minutes. What cannot be installed here (not
 * root, no registry) is said once with its command, and the run goes on with what there is;
 * `--strict` (for CI) then exits 1.
 */
export const setup: CliCommand = {
  words: ['setup'],
  summary: `[--all] [--strict]  install what a run needs (Debian packages, ${quickRuntimes.join(', ')}); --all adds ${slowRuntimes.join(', ')} (minutes of cargo builds)`,
  async run(args) {
    const { values } = parseCommandArgs(args, usage, { all: { type: 'boolean' }, strict: { type: 'boolean' } })
    const started = performance.now()
    const all = values.all === true
    const problems: string[] = []
    const done: string[] = []
    const isRoot = process.getuid?.() === 0

    const missing = await missingDebianPackages(all ? [...basePackages, ...buildPackages] : basePackages)
    if (missing.length > 0) {
      if (isRoot) {
        console.log(`setup: installing ${missing.length} Debian packages: ${missing.map((pkg) => pkg.name).join(' ')}`)
        try {
          await installDebianPackages(missing)
          done.push(`${missing.length} Debian packages`)
        } catch (error) {
          problems.push(`Debian packages not installed (${describe(error)}). Install them: \`${aptInstallCommand(missing, true)}\`.`)
        }
      } else {
        const uses = [...new Set(missing.map((pkg) => pkg.purpose))].join('; ')
        problems.push(`Debian packages missing (for ${uses}): run \`${aptInstallCommand(missing, false)}\`. Rows that need them are skipped with the reason.`)
      }
    }

    const toolsDir = resolveToolsDir()
    const notInstalled: string[] = []
    for (const name of [...quickRuntimes, ...(all ? slowRuntimes : [])]) {
      const installer = installers[name]
      try {
        const outcome = await installRuntime(installer, toolsDir)
        if (outcome.action === 'installed') done.push(`${name} ${outcome.version} in ${(outcome.durationMs / 1000).toFixed(1)} s`)
      } catch (error) {
        problems.push(`${name} not installed: ${describe(error)}`)
      }
    }
    if (!all) {
      for (const name of slowRuntimes) {
        if ((await installers[name].installedVersion(toolsDir)) !== installers[name].version) notInstalled.push(name)
      }
    }

    const seconds = ((performance.now() - started) / 1000).toFixed(1)
    console.log(`setup: ${done.length === 0 ? 'everything present' : `installed ${done.join(', ')}`} (${seconds} s; tools in ${toolsDir}).`)
    if (notInstalled.length > 0) console.log(`setup: opt-in, not installed: ${formatNames(notInstalled)} (their rows are skipped). Install with \`npx wasm-faas-bench setup --all\` (cargo builds, several minutes).`)
    for (const problem of problems) console.log(`setup: ${problem}`)
    if (problems.length > 0 && values.strict === true) {
      throw new BenchError('install-failed', `setup --strict: ${problems.length} thing(s) could not be installed; see above.`)
    }
  },
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
