import { resolve } from 'node:path'
import type { Reporter, TestCase, Vitest } from 'vitest/node'
import type { FailedRow, PairedComparison, ResultRow, ResultsFile, SkippedRow } from '../../schema/results.d.ts'
import { applyGate } from '../baseline/run-gate.ts'
import { judgeClaims } from '../claims/judge-claim.ts'
import { loadClaims } from '../claims/load-claims.ts'
import { renderClaimsBrief } from '../claims/render-claims.ts'
import { BenchError } from '../errors.ts'
import { renderPaired } from '../paired/render-paired.ts'
import type { BenchPlan } from '../plan.ts'
import { writeResults } from '../results/write-results.ts'
import { renderTable } from './render-table.ts'
import { toolVersion } from '../tool-version.ts'

/**
 * The Vitest reporter of the plugin: gathers the row each bench test leaves in its meta, writes the
 * results file (latest.json plus a timestamped copy) and prints the summary table.
 */
export function createResultsReporter(plan: BenchPlan, root: string): Reporter {
  let vitest: Vitest | undefined
  const rows: ResultRow[] = []
  const skipped: SkippedRow[] = []
  const failed: FailedRow[] = []
  const paired: PairedComparison[] = []

  return {
    onInit(context) {
      vitest = context
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
        const error = result.errors[0]?.message ?? 'failed without an error message'
        failed.push({ runtime: identity.runtime, workload: identity.workload, mode: identity.mode, params: identity.params, error })
      }
    },
    async onTestRunEnd() {
      if (rows.length + skipped.length + failed.length + paired.length === 0) return
      const results: ResultsFile = {
        schemaVersion: 1,
        tool: { name: 'wasm-faas-bench', version: toolVersion },
        createdAt: new Date().toISOString(),
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
        rows: sortRows(rows, plan),
        skipped,
        failed,
      }
      const log = (text: string): void => {
        if (vitest === undefined) console.log(text)
        else vitest.logger.log(text)
      }
      // The regression gate: judge against (or record) the baseline; a regression fails the run.
      const gate = await applyGate(results, { root, baseline: plan.options.baseline, update: plan.recordBaseline })
      if (gate.comparison !== undefined) results.comparison = gate.comparison
      log(`\n${renderTable(results)}`)
      const { latestPath, timestampedPath } = await writeResults(results, resolve(root, plan.options.outputDir))
      log(`\nresults: ${latestPath} (copy: ${timestampedPath})`)
      log(`\n${gate.text}`)
      // Paired A/B comparisons are judged on their own: base against head in this run.
      for (const comparison of paired) log(`\n${renderPaired(comparison.description, comparison.key, comparison.pairs, comparison.verdicts)}`)
      if (gate.failed || paired.some((comparison) => comparison.failed)) process.exitCode = 1
      // The published claims this run speaks to; a bad project claims file is reported, the results stand.
      try {
        const claims = await loadClaims(plan.options.claims.map((path) => resolve(root, path)))
        log(`\n${renderClaimsBrief(judgeClaims(claims, [{ results }]), latestPath)}`)
      } catch (error) {
        if (!(error instanceof BenchError)) throw error
        log(`\nclaims: ${error.message}`)
        process.exitCode = 1
      }
    },
  }
}

function sortRows(rows: ResultRow[], plan: BenchPlan): ResultRow[] {
  const workloadOrder = plan.workloads.map((workload) => workload.name)
  const runtimeOrder = plan.runtimes.map((runtime) => runtime.name)
  return [...rows].sort((a, b) =>
    workloadOrder.indexOf(a.workload) - workloadOrder.indexOf(b.workload)
    || runtimeOrder.indexOf(a.runtime) - runtimeOrder.indexOf(b.runtime)
    || a.mode.localeCompare(b.mode))
}
