import { stat } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { Plugin } from 'vitest/config'
import { builtinRegistry } from '../fixtures/builtin-registry.ts'
import { detectLoadGenerator } from './http/load-generator.ts'
import { findBaseline } from './baseline/baseline-store.ts'
import { assertUpdateValue, resolveUpdate } from './baseline/run-gate.ts'
import { detectRuntimes } from './detect-runtimes.ts'
import { sweepStaleScratchDirs } from './shared/scratch-dir.ts'
import { BenchError, formatNames } from './errors.ts'
import { readMachineFingerprint } from './machine-fingerprint.ts'
import { resolveOptions, type WasmFaasBenchOptions } from './options.ts'
import { planKey, type BenchPlan } from './plan.ts'
import { createProgressReporter } from './reporters/progress-reporter.ts'
import { createResultsReporter } from './reporters/results-reporter.ts'
import { assertWritableDir } from './results/write-results.ts'
import { loadWorkloads, workloadsDir as builtinWorkloadsDir } from './workloads/load-workloads.ts'
import { prepareWorkload } from './workloads/prepare-workload.ts'
import { loadProjectRuntimes, resolveRuntimeModulePaths } from './project-runtimes.ts'
import type { RuntimeAdapter } from './types.ts'
import type { ServerAdapter } from './http/types.ts'

// The Vitest plugin is an entry point: it hands the built-in adapters to the core, which does not import them.
const { runtimes, servers } = builtinRegistry

// The public API of the package (`import { … } from 'wasm-faas-bench'`): the plugin, workload
// definitions, what a project's own runtime adapter is made of, and the types they use. Bench files
// import `benchWorkload`, `benchHttp` and the matcher from 'wasm-faas-bench/bench'; runtime, server and
// scale-host adapters have the whole adapter API in 'wasm-faas-bench/adapter' (plugin/adapter-api.ts).
export type { WasmFaasBenchOptions } from './options.ts'
export type { BaselineOptions } from './baseline/baseline-options.ts'
export type { HttpOptions } from './http/http-options.ts'
export type { CWorkload, CWorkloadDefinition, Detection, ExpectedOutput, InstanceMode, InvocationResult, InvocationUsage, InvokeRequest, NativeCommand, PrebuiltWorkload, PrebuiltWorkloadDefinition, PreparedWorkload, RuntimeAdapter, RuntimeInstance, WarmProtocol, Workload, WorkloadDefinition, WorkloadDefinitionBase, WorkloadParamSpec, WorkloadParams } from './types.ts'
export type { ResultsFile, ResultRow } from '../schema/results.d.ts'
export { defineWorkload } from './workloads/define-workload.ts'
export { createCommandInstance } from './harness/command-instance.ts'
export { type CommandSpec } from './types.ts'
export { detectRuntimeTool, requireTool, type ToolLookup } from './install/detect-tool.ts'
export { BenchError, type BenchErrorCode } from './errors.ts'

/** False for an opt-in server (an endpoint URL) the user has not configured: it stays out of the default selection. */
function isConfigured(name: string): boolean {
  return servers[name]?.optIn?.().configured !== false
}

/**
 * The folders workloads are read from: the built-in one, then the project's own (`workloadsDir`,
 * default `<root>/workloads`, skipped when that default does not exist; in this repository it is the
 * built-in folder itself).
 */
async function resolveWorkloadDirs(root: string, workloadsDir: string | undefined): Promise<string[]> {
  const projectDir = resolve(root, workloadsDir ?? 'workloads')
  if (projectDir === builtinWorkloadsDir) return [builtinWorkloadsDir]
  const isDir = await stat(projectDir).then((found) => found.isDirectory(), () => false)
  if (isDir) return [builtinWorkloadsDir, projectDir]
  if (workloadsDir === undefined) return [builtinWorkloadsDir]
  throw new BenchError('invalid-option', `Option \`workloadsDir\` (or WFB_WORKLOADS_DIR) is \`${workloadsDir}\`, but \`${projectDir}\` is not a folder. Create it with one folder per workload (\`npx wasm-faas-bench init\` scaffolds one), or fix the path.`)
}

/** Names `runtimes` (and WFB_RUNTIMES) accept: every runtime and every HTTP server, in registry order. */
export const selectableNames: readonly string[] = [...new Set<string>([...Object.keys(runtimes), ...Object.keys(servers)])]

/**
 * The wasm-faas-bench Vitest plugin. Options are checked when the config loads; in a `vitest bench`
 * run it then finds the workloads, detects the runtimes, reads the machine fingerprint once, hands
 * the plan to the bench workers and registers the results reporter.
 */
export function wasmFaasBench(userOptions: WasmFaasBenchOptions = {}): Plugin {
  const options = resolveOptions(userOptions, selectableNames, process.env, selectableNames.filter(isConfigured))
  let reporterAdded = false
  return {
    name: 'wasm-faas-bench',
    // Vitest awaits this hook (its type says void): the plan must be ready before any worker starts.
    // eslint-disable-next-line @typescript-eslint/no-misused-promises
    async configureVitest({ vitest, project }) {
      if (!project.config.benchmark.enabled) return
      assertUpdateValue(vitest.config)
      // A full or read-only results folder is found now, not after the whole run.
      await assertWritableDir(resolve(vitest.config.root, options.outputDir))
      await sweepStaleScratchDirs()
      const workloadDirs = await resolveWorkloadDirs(vitest.config.root, options.workloadsDir)
      const found = await loadWorkloads(workloadDirs)
      const names = options.workloads ?? [...found.keys()]
      const workloads = names.map((name) => {
        const workload = found.get(name)
        if (workload === undefined) {
          throw new BenchError('unknown-workload', `Unknown workload \`${name}\`. Use one of: ${formatNames([...found.keys()])}.`)
        }
        return { name, params: prepareWorkload(workload, options.params[name] ?? {}).params }
      })
      for (const name of Object.keys(options.params)) {
        if (!found.has(name)) throw new BenchError('unknown-workload', `Parameters given for unknown workload \`${name}\`. Use one of: ${formatNames([...found.keys()])}.`)
      }
      const slowdown = options.injectSlowdown
      if (slowdown !== undefined && !found.has(slowdown.workload)) throw new BenchError('unknown-workload', `WFB_INJECT_SLOWDOWN names unknown workload \`${slowdown.workload}\`. Use one of: ${formatNames([...found.keys()])}.`)
      if (slowdown?.runtime !== undefined && !options.runtimes.includes(slowdown.runtime)) throw new BenchError('unknown-runtime', `WFB_INJECT_SLOWDOWN names runtime \`${slowdown.runtime}\`, which this run does not measure. Use one of: ${formatNames(options.runtimes)}.`)
      const runtimeModulePaths = resolveRuntimeModulePaths(vitest.config.root, options.runtimeModules)
      const projectRuntimes = await loadProjectRuntimes(runtimeModulePaths, runtimes)
      const selectable = [...selectableNames, ...projectRuntimes.keys()]
      for (const name of options.runtimes) {
        if (!selectable.includes(name)) throw new BenchError('unknown-runtime', `Unknown runtime \`${name}\`. Use one of: ${formatNames(selectable)}.`)
      }
      // The project's runtimes join the default selection (no `runtimes` option, no WFB_RUNTIMES).
      const selected = userOptions.runtimes === undefined && (process.env.WFB_RUNTIMES ?? '').trim() === '' ? [...options.runtimes, ...projectRuntimes.keys()] : options.runtimes
      const runtimeAdapters = selected.flatMap((name): RuntimeAdapter[] => { const adapter = runtimes[name] ?? projectRuntimes.get(name); return adapter === undefined ? [] : [adapter] })
      // WFB_RUNTIMES selects runtimes and HTTP servers alike (node-wasi names both).
      const [detected, detectedServers, loadGenerator, machine] = await Promise.all([
        detectRuntimes(runtimeAdapters),
        detectRuntimes(options.runtimes.flatMap((name): ServerAdapter[] => { const server = servers[name]; return server === undefined ? [] : [server] })),
        detectLoadGenerator('hey'),
        readMachineFingerprint(options.testbed),
      ])
      // Read (and validated) up front: a corrupt baseline stops the run before anything is measured.
      const baseline = (await findBaseline(resolve(vitest.config.root, options.baseline.dir), machine))?.baseline
      const recordBaseline = resolveUpdate(options.baseline.update, vitest.config)
      // Module paths of the paired option are relative to the project root; workers may run elsewhere.
      const paired = options.paired === undefined ? undefined : {
        ...options.paired,
        base: { ...options.paired.base, ...(options.paired.base.wasmPath === undefined ? {} : { wasmPath: resolve(vitest.config.root, options.paired.base.wasmPath) }) },
        head: { ...options.paired.head, ...(options.paired.head.wasmPath === undefined ? {} : { wasmPath: resolve(vitest.config.root, options.paired.head.wasmPath) }) },
      }
      const plan: BenchPlan = { options: { ...options, paired }, runtimes: detected, servers: detectedServers, loadGenerator, runtimeModulePaths, workloadDirs, workloads, machine, recordBaseline, ...(baseline === undefined ? {} : { baseline }) }
      project.provide(planKey, plan)
      if (!reporterAdded) {
        reporterAdded = true
        vitest.config.reporters.push(createResultsReporter(plan, vitest.config.root), createProgressReporter(plan))
      }
    },
  }
}
