import { readPlan, benchTest } from './bench-workload.ts'
import type { AdapterRegistry } from './adapter-registry.ts'
import { withProjectRuntimes } from './project-runtimes.ts'
import { judgePaired } from './paired/judge-paired.ts'
import { runPaired } from './paired/run-paired.ts'

/**
 * Declares the paired A/B comparison of the `paired` plugin option as one bench test: base and head
 * invoked alternately, every output checked, judged with paired statistics. The results reporter
 * prints the verdicts, writes them to the results file (`paired`) and fails the run on a regressed
 * metric. Call it at the top level of a `*.bench.ts` file: `benchPaired()`.
 */
export function benchPaired(registry: AdapterRegistry): void {
  const plan = readPlan()
  const paired = plan.options.paired
  if (paired === undefined) {
    benchTest('paired: not configured', ({ skip }) => skip('no `paired` option in the plugin options (see docs/ci.md, paired A/B runs)'))
    return
  }
  const { options } = plan
  // Each pair is four invocations per block step (two cold, two warm), each bounded by timeoutMs.
  const timeout = Math.min((paired.pairs * 4 * paired.blockSize + 4) * options.timeoutMs + 60_000, 2 ** 31 - 1)
  benchTest(`paired: ${paired.workload} ${paired.base.runtime} vs ${paired.head.runtime}`, { timeout }, async ({ task }) => {
    const identity = { runtime: paired.base.runtime, runtimeVersion: 'paired', mode: paired.mode, workload: paired.workload, params: paired.params }
    task.meta.wfb = { identity }
    const runtimes = await withProjectRuntimes(registry.runtimes, plan.runtimeModulePaths)
    const samples = await runPaired({ ...paired, warmupRuns: Math.max(1, options.warmupRuns), timeoutMs: options.timeoutMs }, runtimes)
    const verdicts = judgePaired(samples.key, samples.metrics, options.baseline.policy)
    task.meta.wfb = { identity, paired: { key: samples.key, description: samples.description, pairs: paired.pairs, failed: verdicts.some((verdict) => verdict.verdict === 'regressed'), verdicts } }
  })
}
