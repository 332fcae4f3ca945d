import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import type { ResultsFile } from '../../schema/results.d.ts'
import { resolveBaselineOptions } from '../baseline/baseline-options.ts'
import { updateBaseline } from '../baseline/baseline-store.ts'
import { classOf } from '../machine-class.ts'
import { evaluateSelfCheck, selfCheckBaseline } from '../baseline/evaluate-self-check.ts'
import { minNoiseRuns } from '../baseline/estimate-run-to-run-noise.ts'
import { renderSelfCheck } from '../baseline/render-self-check.ts'
import { runBenchProcess } from '../baseline/run-bench-process.ts'
import { BenchError } from '../errors.ts'
import { parseInjectSlowdown } from '../workloads/inject-slowdown.ts'
import type { CliCommand } from './types.ts'
import { pairedOptions, runPairedCheck } from './paired-self-check.ts'
import { parseCommandArgs } from './parse-command-args.ts'

/**
 * `self-check`: how small a regression the gate catches on this machine. Runs the project's
 * benchmarks (`vitest bench`, narrowed by the usual WFB_* variables and by bench file filters given as
 * arguments, `self-check noop.bench fib.bench`) once to record a scratch
 * baseline, then alternates `--repeats` A/A runs with as many runs in which the workload harness
 * really does `--slowdown` extra compute, each judged by the gate as a CI run would be (suspect rows
 * are measured twice). Reports per metric the slowdown seen, detections, false alarms and the
 * smallest catchable change. `--record` stores the quietest A/A measurement of each row with the
 * run-to-run noise as this machine's baseline.
 */
const usage = 'wasm-faas-bench self-check [--repeats N] [--slowdown fib:10] [--record] [--keep] [bench file filters…] | --paired [--runtime R] [--workload W] [--pairs N] [--block K] [--runtime-module my-runtime.ts]'

export const selfCheck: CliCommand = {
  words: ['self-check'],
  summary: '[--repeats N] [--slowdown fib:10] [--record] [--keep] [bench file filters…] | --paired [--runtime R] [--workload W] [--pairs N]  smallest regression the gate (or a paired A/B run) catches here',
  async run(args, registry) {
    const { values, positionals: filters } = parseCommandArgs(args, usage, { repeats: { type: 'string' }, slowdown: { type: 'string' }, record: { type: 'boolean' }, keep: { type: 'boolean' }, ...pairedOptions }, true)
    if (values.paired === true) {
      await runPairedCheck(values, registry.runtimes)
      return
    }
    const repeats = Number(values.repeats ?? '10')
    if (!Number.isInteger(repeats) || repeats < minNoiseRuns) throw new BenchError('invalid-option', `--repeats is ${values.repeats}; give an integer of at least ${minNoiseRuns} (10 or more for a trustworthy rate).`)
    const spec = values.slowdown ?? 'fib:10'
    const slowdown = parseInjectSlowdown(spec)
    if (slowdown === undefined) throw new BenchError('invalid-option', '--slowdown is empty; give `workload:percent`, e.g. `fib:10`.')
    const root = process.cwd()
    const { policy, dir } = resolveBaselineOptions({}, process.env)
    const work = await mkdtemp(join(tmpdir(), 'wfb-self-check-'))
    const started = Date.now()
    try {
      const scratchBaselines = join(work, 'baselines')
      const run = async (name: string, env: Record<string, string>): Promise<ResultsFile> => {
        const done = await runBenchProcess(root, join(work, name), { WFB_BASELINE_DIR: scratchBaselines, WFB_UPDATE_BASELINE: '0', WFB_INJECT_SLOWDOWN: '', ...env }, filters)
        console.log(`  ${name.padEnd(12)} ${(done.durationMs / 1000).toFixed(0).padStart(4)} s, ${done.results.rows.length} rows${done.results.failed.length > 0 ? `, ${done.results.failed.length} FAILED` : ''}`)
        return done.results
      }
      console.log(`self-check: 1 recording run, then ${repeats} A/A runs alternating with ${repeats} runs with WFB_INJECT_SLOWDOWN=${spec} (scratch files in ${work})`)
      const aa = [await run('record', { WFB_UPDATE_BASELINE: '1' })]
      const injected: ResultsFile[] = []
      for (let i = 1; i <= repeats; i++) {
        aa.push(await run(`a/a ${i}`, {}))
        // Later runs screen against a baseline calibrated on the runs so far, as a calibrated CI run would.
        if (aa.length >= minNoiseRuns) {
          const { results, noise } = selfCheckBaseline(aa, policy)
          await updateBaseline(scratchBaselines, results, noise)
        }
        injected.push(await run(`slowed ${i}`, { WFB_INJECT_SLOWDOWN: spec }))
      }
      const judged = aa.slice(1)
      const report = evaluateSelfCheck(judged, injected, slowdown, policy)
      const machine = judged[0]?.machine
      console.log(`\n${renderSelfCheck(report, { machine: machine === undefined ? '?' : `${machine.cpu.model} (${machine.cpu.cores} cores), machine class ${classOf(machine).id}`, slowdown, rows: judged[0]?.rows.length ?? 0, minutes: (Date.now() - started) / 60_000 }, policy)}`)
      if (values.record === true) {
        const { results, noise } = selfCheckBaseline(aa, policy)
        const { path } = await updateBaseline(resolve(root, dir), results, noise)
        console.log(`\nrecorded the quietest A/A measurement of each row, with its run-to-run noise, in ${relative(root, path)}. Commit it.`)
      }
    } finally {
      if (values.keep === true) console.log(`\nkept the runs' results in ${work}`)
      else await rm(work, { recursive: true, force: true })
    }
  },
}
