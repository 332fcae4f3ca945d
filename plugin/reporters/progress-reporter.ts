import type { Reporter, TestCase, TestModule, TestSpecification } from 'vitest/node'
import type { BenchPlan } from '../plan.ts'
import { workloadLabel } from './report-model.ts'

/** One finished cell (runtime x mode x workload) of the matrix, as the progress line reports it. */
export interface CellProgress {
  /** Cells finished so far, this one included. */
  done: number
  /** Cells in this run (see `createProgressReporter` for how it is known before every file is loaded). */
  total: number
  /** `fib(n=25)`. */
  workload: string
  runtime: string
  mode: string
  outcome: 'done' | 'skipped' | 'failed'
  /** How long the cell took, in milliseconds. */
  durationMs: number
  /** The skip reason or the first line of the error. */
  detail?: string
}

/** The suite of a workload's HTTP cells ends with this: `html over HTTP`. */
export const httpSuiteSuffix = ' over HTTP'

/** The name of one HTTP cell (test): `node-wasi (one-instance) concurrency 4, keep-alive on`. */
export function httpCellName(server: string, mode: string, concurrency: number, keepAlive: string): string {
  return `${server} (${mode}) concurrency ${concurrency}, keep-alive ${keepAlive}`
}

/** `[4/9] fib(n=25) node-wasi (in-process) done in 2.1 s`; skipped and failed cells say why. */
export function formatProgressLine(progress: CellProgress): string {
  const cell = `[${progress.done}/${progress.total}] ${progress.workload} ${progress.runtime} (${progress.mode})`
  const detail = progress.detail === undefined ? '' : `: ${progress.detail}`
  switch (progress.outcome) {
    case 'done': return `${cell} done in ${formatSeconds(progress.durationMs)}`
    case 'skipped': return `${cell} skipped${detail}`
    case 'failed': return `${cell} FAILED after ${formatSeconds(progress.durationMs)}${detail}`
  }
}

/** `850 ms`, `2.1 s`, `3 min 05 s`. */
export function formatSeconds(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`
  const seconds = Math.round(ms / 1000)
  return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`
}

/**
 * A Vitest reporter that writes one line per finished cell of the matrix to stderr:
 * `[4/9] fib(n=25) node-wasi (in-process) done in 2.1 s`. It writes whether or not stderr is a
 * terminal: the lines are as many as the cells (each takes seconds), so a CI log gets a heartbeat
 * and the last line says where a hung run stopped, without spam.
 *
 * The total is the plan's cells (workloads x runtime modes), narrowed to the bench files Vitest
 * runs: a loaded file counts the cells it declares, a file not loaded yet counts as one workload.
 */
export function createProgressReporter(plan: BenchPlan, write: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): Reporter {
  const cellsPerWorkload = plan.runtimes.reduce((sum, runtime) => sum + runtime.modes.length, 0)
  const workloadNames = new Set(plan.workloads.map((workload) => workload.name))
  const cellNames = new Set(plan.runtimes.flatMap((runtime) => runtime.modes.map((mode) => `${runtime.name} (${mode})`)))
  // HTTP cells (benchHttp): every test in a suite `<workload> over HTTP` (server x mode x sweep x concurrency x keep-alive).
  const plannedCells = plan.workloads.length * cellsPerWorkload
  const pendingModules = new Set<string>()
  let collectedCells = 0
  // HTTP cells count once their file is collected: which workloads have HTTP benches is not in the plan.
  let collectedHttpCells = 0
  let done = 0
  const skipCauses = new Set<string>()

  const isInvocationCell = (test: TestCase): boolean => test.parent.type === 'suite' && workloadNames.has(test.parent.name) && cellNames.has(test.name)
  const isHttpCell = (test: TestCase): boolean => test.parent.type === 'suite' && test.parent.name.endsWith(httpSuiteSuffix)
  const isCell = (test: TestCase): boolean => isInvocationCell(test) || isHttpCell(test)
  const total = (): number => Math.max(done, Math.min(plannedCells, collectedCells + pendingModules.size * cellsPerWorkload) + collectedHttpCells)

  return {
    onTestRunStart(specifications: ReadonlyArray<TestSpecification>) {
      pendingModules.clear()
      collectedCells = 0
      collectedHttpCells = 0
      done = 0
      skipCauses.clear()
      for (const specification of specifications) pendingModules.add(specification.moduleId)
    },
    onTestModuleCollected(module: TestModule) {
      if (!pendingModules.delete(module.moduleId)) return
      for (const test of module.children.allTests()) {
        if (isInvocationCell(test)) collectedCells++
        else if (isHttpCell(test)) collectedHttpCells++
      }
    },
    onTestCaseResult(test: TestCase) {
      const meta = test.meta().wfb
      if (meta === undefined || !isCell(test)) return
      done++
      const result = test.result()
      const progress: CellProgress = {
        done,
        total: total(),
        workload: workloadLabel(meta.identity),
        runtime: meta.identity.runtime,
        mode: meta.identity.mode,
        outcome: result.state === 'failed' ? 'failed' : result.state === 'skipped' ? 'skipped' : 'done',
        durationMs: test.diagnostic()?.duration ?? 0,
      }
      const detail = result.state === 'failed' ? result.errors[0]?.message.split('\n')[0] : meta.skipped?.reason
      if (detail !== undefined && progress.outcome !== 'done') progress.detail = detail
      if (progress.outcome === 'skipped') {
        // One line per cause: a runtime missing from the matrix is said once, not once per cell.
        const cause = `${progress.runtime}\0${progress.detail ?? ''}`
        if (skipCauses.has(cause)) return
        skipCauses.add(cause)
        write(`${formatProgressLine(progress)} (other cells skipped for this reason are not listed)`)
        return
      }
      write(formatProgressLine(progress))
    },
  }
}
