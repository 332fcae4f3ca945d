import { resolve } from 'node:path'
import type { Reporter, TestCase, TestModule, TestRunEndReason, Vitest } from 'vitest/node'
import type { FailedRow, Incomplete, PairedComparison, ResultRow, ResultsFile, SkippedRow } from '../../schema/results.d.ts'
import { applyGate } from '../baseline/run-gate.ts'
import { judgeClaims } from '../claims/judge-claim.ts'
import { loadClaims } from '../claims/load-claims.ts'
import { renderClaimsBrief } from '../claims/render-claims.ts'
import { BenchError } from '../errors.ts'
import { spreadLoadGeneratorWarning } from '../http/load-generator-warning.ts'
import { renderPaired } from '../paired/render-paired.ts'
import type { BenchPlan } from '../plan.ts'
import { startScratchReaper, sweepStaleScratchDirs } from '../shared/scratch-dir.ts'
import { writeResults, writeResultsOrFallback, writeResultsSync } from '../results/write-results.ts'
import { renderTable } from './render-table.ts'
import { toolVersion } from '../tool-version.ts'

/** What latest.json says while a run is still going: if it still says so afterwards, the run never finished. */
export const unfinishedReason = 'the run had not finished when this file was written; if it still says so, the benchmark process was killed (or crashed) before the end'

/** The signals after which the reporter writes what was measured, marked incomplete, before Vitest exits. */
const interruptSignals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const

/**
 * The Vitest reporter of the plugin: gathers the row each bench test leaves in its meta, writes the
 * results file (latest.json plus a timestamped copy) and prints the summary table.
 *
 * Nothing measured is lost when a run ends early: latest.json is rewritten after every row, marked
 * `incomplete` until the run ends (so a benchmark process killed outright leaves the rows so far,
 * saying the run did not finish); SIGINT/SIGTERM/SIGHUP write the rows so far with the signal as the
 * reason before Vitest exits; a run whose worker died or whose cells did not all run is written
 * `incomplete`, fails, and is never recorded as a baseline.
 */
export function createResultsReporter(plan: BenchPlan, root: string): Reporter {
  let vitest: Vitest | undefined
  const rows: ResultRow[] = []
  const skipped: SkippedRow[] = []
  const failed: FailedRow[] = []
  const paired: PairedComparison[] = []
  const outputDir = resolve(root, plan.options.outputDir)
  const createdAt = new Date().toISOString()
  let ended = false
  let progress: Promise<unknown> = Promise.resolve()
  let modules: readonly TestModule[] = []

  const log = (text: string): void => {
    if (vitest === undefined) console.log(text)
    else vitest.logger.log(text)
  }
  const build = (incomplete?: Incomplete): ResultsFile => ({
    schemaVersion: 1,
    tool: { name: 'wasm-faas-bench', version: toolVersion },
    createdAt,
    command: process.argv.slice(1),
    machine: plan.machine,
    options: {
      coldSamples: plan.options.coldSamples,
      warmupRuns: plan.options.warmupRuns,
      warmBatches: plan.options.warmBatches,
      warmRepeats: plan.options.warmRepeats,
      timeoutMs: plan.options.timeoutMs,
      minColdSamples: plan.options.minColdSamples,
      minWarmBatches: plan.options.minWarmBatches,
      precision: plan.options.precision,
      phaseBudgetMs: plan.options.phaseBudgetMs,
      instructionCount: plan.options.instructionCount,
      ...(plan.servers.length === 0 ? {} : { http: { ...plan.options.http, ...(plan.loadGenerator.version === undefined ? {} : { loadGenerator: plan.loadGenerator.version }) } }),
      ...(plan.options.injectSlowdown === undefined ? {} : { injectSlowdown: plan.options.injectSlowdown }),
    },
    ...(paired.length === 0 ? {} : { paired }),
    runtimes: plan.runtimes,
    ...(plan.servers.length === 0 ? {} : { servers: plan.servers }),
    rows: sortRows(spreadLoadGeneratorWarning(rows), plan),
    skipped,
    failed,
    ...(incomplete === undefined ? {} : { incomplete }),
  })
  const onSignal = (signal: NodeJS.Signals): void => {
    if (ended) return
    ended = true
    // The workers go down with this process; their scratch folders are removed once they are gone.
    try {
      startScratchReaper()
    } catch {
      // Not Linux, or no children: the next run's sweep removes what is left.
    }
    const unfinished = unfinishedCells(modules)
    try {
      const { latestPath } = writeResultsSync(build({ reason: `interrupted by ${signal}`, ...(unfinished.length === 0 ? {} : { unfinished }) }), outputDir)
      process.stderr.write(`\nwasm-faas-bench: interrupted by ${signal}; the ${rows.length} rows measured so far are in ${latestPath}, marked incomplete (never recorded as a baseline).\n`)
    } catch (error) {
      process.stderr.write(`\nwasm-faas-bench: interrupted by ${signal}; could not write the ${rows.length} rows measured so far to ${outputDir}: ${(error as Error).message}\n`)
    }
  }
  const removeSignalHandlers = (): void => {
    for (const signal of interruptSignals) process.off(signal, onSignal)
  }

  return {
    onInit(context) {
      vitest = context
      for (const signal of interruptSignals) process.once(signal, onSignal)
    },
    onTestRunStart() {
      // From the start, latest.json is this run's: a run killed before its first row does not leave the last run's file looking like its own.
      progress = writeResults(build({ reason: unfinishedReason }), outputDir, { latestOnly: true }).catch(() => undefined)
    },
    onTestModuleCollected(testModule: TestModule) {
      modules = [...modules.filter((known) => known.moduleId !== testModule.moduleId), testModule]
    },
    onTestCaseResult(testCase: TestCase) {
      const meta = testCase.meta().wfb
      if (meta === undefined) return
      const result = testCase.result()
      const { identity } = meta
      if (result.state === 'passed' && meta.paired !== undefined) paired.push(meta.paired)
      else if (result.state === 'passed' && meta.row !== undefined) rows.push(meta.row)
      else if (result.state === 'skipped' && meta.skipped !== undefined) {
        skipped.push({ runtime: identity.runtime, workload: identity.workload, mode: identity.mode, ...meta.skipped })
      } else if (result.state === 'failed') {
        failed.push({ runtime: identity.runtime, workload: identity.workload, mode: identity.mode, params: identity.params, error: failureSummary(result.errors) })
      } else return
      // The rows so far, marked unfinished: what remains if this process is killed outright.
      progress = progress.then(() => (ended ? undefined : writeResults(build({ reason: unfinishedReason }), outputDir, { latestOnly: true }))).catch(() => undefined)
    },
    async onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<{ message?: string; cause?: unknown }>, reason: TestRunEndReason) {
      await progress
      if (ended) return
      ended = true
      removeSignalHandlers()
      const unfinished = unfinishedCells(testModules)
      // A worker killed outright (kill -9, the OOM killer) could not remove its scratch folders.
      await sweepStaleScratchDirs().catch(() => undefined)
      const crash = unhandledErrors.map((error) => describeUnhandled(error.message, error.cause)).join('; ')
      const incomplete: Incomplete | undefined = unhandledErrors.length > 0
        ? { reason: `the run did not finish: ${crash}`, ...(unfinished.length === 0 ? {} : { unfinished }) }
        : reason === 'interrupted' || unfinished.length > 0
          ? { reason: reason === 'interrupted' ? 'the run was interrupted' : `${unfinished.length} benchmark cells did not run`, ...(unfinished.length === 0 ? {} : { unfinished }) }
          : undefined
      if (rows.length + skipped.length + failed.length + paired.length === 0 && incomplete === undefined) return
      const results = build(incomplete)
      // The regression gate: judge against (or record) the baseline; a regression fails the run, and an incomplete run is never recorded.
      const gate = await applyGate(results, { root, baseline: plan.options.baseline, update: plan.recordBaseline })
      if (gate.comparison !== undefined) results.comparison = gate.comparison
      log(`\n${renderTable(results)}`)
      const written = await writeResultsOrFallback(results, outputDir)
      if ('fallbackPath' in written) {
        log(`\nresults: could not write to ${outputDir} (${written.error}); they are in ${written.fallbackPath} instead. Copy them where they belong, and set WFB_OUTPUT_DIR to a writable folder next time.`)
        process.exitCode = 1
      } else {
        log(`\nresults: ${written.latestPath} (copy: ${written.timestampedPath})`)
      }
      if (incomplete !== undefined) log(`\nINCOMPLETE run: ${incomplete.reason}.${unfinished.length === 0 ? '' : ` Not measured: ${unfinished.join(', ')}.`} The results file says so.`)
      log(`\n${gate.text}`)
      // Paired A/B comparisons are judged on their own: base against head in this run.
      for (const comparison of paired) log(`\n${renderPaired(comparison.description, comparison.key, comparison.pairs, comparison.verdicts)}`)
      if (gate.failed || incomplete !== undefined || paired.some((comparison) => comparison.failed)) process.exitCode = 1
      // The published claims this run speaks to; a bad project claims file is reported, the results stand.
      try {
        const claims = await loadClaims(plan.options.claims.map((path) => resolve(root, path)))
        log(`\n${renderClaimsBrief(judgeClaims(claims, [{ results }]), 'fallbackPath' in written ? written.fallbackPath : written.latestPath)}`)
      } catch (error) {
        if (!(error instanceof BenchError)) throw error
        log(`\nclaims: ${error.message}`)
        process.exitCode = 1
      }
    },
  }
}

/** An unhandled error of the run, as the reason it is incomplete: a dead worker says what usually kills one. */
function describeUnhandled(message: string | undefined, cause: unknown): string {
  const causeMessage = typeof cause === 'object' && cause !== null && typeof (cause as { message?: unknown }).message === 'string' ? (cause as { message: string }).message : undefined
  // Vitest's own message is generic (`Worker forks emitted error`); its cause says which file and which signal.
  const text = [message ?? 'an unhandled error', causeMessage].filter((part) => part !== undefined).map((part) => part.replace(/\.+$/, '')).join(': ')
  return /worker/i.test(text) ? `a Vitest worker died (killed outright, e.g. by the OOM killer or kill -9, or crashed): ${text}` : text
}

/** Names of the bench tests that have no result: never run, because the run ended early or their worker died. */
export function unfinishedCells(testModules: ReadonlyArray<TestModule>): string[] {
  const names: string[] = []
  for (const testModule of testModules) {
    for (const testCase of testModule.children.allTests()) {
      if (testCase.result().state === 'pending') names.push(testCase.fullName)
    }
  }
  return names
}

/** Longest failure text kept in a failed row, in characters: the message with the runtime's stderr, not just its first line. */
const failureChars = 4000

/** The failure text of a failed cell: every error's whole message (with the runtime's stderr), cut to {@link failureChars}. */
export function failureSummary(errors: ReadonlyArray<{ message: string }>): string {
  const text = errors.map((error) => error.message).join('\n') || 'failed without an error message'
  return text.length > failureChars ? `${text.slice(0, failureChars)}…` : text
}

function sortRows(rows: ResultRow[], plan: BenchPlan): ResultRow[] {
  const workloadOrder = plan.workloads.map((workload) => workload.name)
  const runtimeOrder = plan.runtimes.map((runtime) => runtime.name)
  return [...rows].sort((a, b) =>
    workloadOrder.indexOf(a.workload) - workloadOrder.indexOf(b.workload)
    || runtimeOrder.indexOf(a.runtime) - runtimeOrder.indexOf(b.runtime)
    || a.mode.localeCompare(b.mode))
}
