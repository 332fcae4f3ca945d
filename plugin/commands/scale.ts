import { freemem, totalmem } from 'node:os'
import { dirname, resolve } from 'node:path'
import { mkdir } from 'node:fs/promises'
import { prepareSnapshotPlan } from '../scale/snapshot/snapshot-plan.ts'
import { BenchError, formatNames } from '../errors.ts'
import { writeFileAtomic } from '../results/write-file-atomic.ts'
import { validateResults } from '../results/validate-results.ts'
import { closeAllScaleSessions, runScale } from '../scale/run-scale.ts'
import { loadWorkloads } from '../workloads/load-workloads.ts'
import { prepareWorkload } from '../workloads/prepare-workload.ts'
import { parseCommandArgs } from './parse-command-args.ts'
import type { CliCommand } from './types.ts'

const parts = ['density', 'burst', 'instantiate', 'snapshot'] as const

function parseList(name: string, text: string | undefined, fallback: number[]): number[] {
  if (text === undefined) return fallback
  const values = text.split(',').map(Number)
  if (values.length === 0 || values.some((value) => !Number.isInteger(value) || value < 1)) {
    throw new BenchError('invalid-option', `--${name} is \`${text}\`; give whole numbers >= 1 separated by commas (\`1,10,100\`).`)
  }
  return values.sort((a, b) => a - b)
}

function parseCount(name: string, text: string | undefined, fallback: number): number {
  const value = Number(text ?? fallback)
  if (!Number.isInteger(value) || value < 1) throw new BenchError('invalid-option', `--${name} is \`${text}\`; give a whole number >= 1.`)
  return value
}

/** Default memory budget: a quarter of what the machine has free now, at most 2 GiB. */
export function defaultMemoryBudgetBytes(freeBytes: number = freemem()): number {
  return Math.min(2 * 2 ** 30, Math.floor(freeBytes / 4))
}

/**
 * `scale`: density (N live instances and their marginal PSS, within a memory budget), bursts of K
 * simultaneous cold starts, instantiate-only time inside an embedder, and Wizer snapshots against a
 * plain start (instantiate, first call, whole-process cold start); writes one results file.
 */
export const scale: CliCommand = {
  words: ['scale'],
  summary: '[--hosts a,b] [--workload fib --n 20] [--instances 1,10,…] [--memory-budget-mib M] [--bursts 1,4,…] [--parts density,burst,instantiate,snapshot] [--out F]  density, bursts, instantiate-only, Wizer snapshots (docs/scale.md)',
  async run(args, { scaleHosts, runtimes }) {
    const { values } = parseCommandArgs(args, `wasm-faas-bench scale ${scale.summary.split('  ')[0] ?? ''}`, {
      hosts: { type: 'string' },
      parts: { type: 'string' },
      workload: { type: 'string' },
      n: { type: 'string' },
      instances: { type: 'string' },
      'max-process-instances': { type: 'string' },
      'memory-budget-mib': { type: 'string' },
      bursts: { type: 'string' },
      'burst-repeats': { type: 'string' },
      'instantiate-samples': { type: 'string' },
      'snapshot-samples': { type: 'string' },
      'snapshot-k': { type: 'string' },
      out: { type: 'string' },
    })
    const names = values.hosts?.split(',') ?? Object.keys(scaleHosts)
    for (const name of names) {
      if (!Object.hasOwn(scaleHosts, name)) throw new BenchError('unknown-runtime', `Unknown scale host \`${name}\`. Use one of: ${formatNames(Object.keys(scaleHosts))}.`)
    }
    const chosenParts = (values.parts?.split(',') ?? [...parts]) as Array<(typeof parts)[number]>
    for (const part of chosenParts) {
      if (!(parts as readonly string[]).includes(part)) throw new BenchError('invalid-option', `Unknown part \`${part}\`. Use one of: ${formatNames([...parts])}.`)
    }
    const workloadName = values.workload ?? 'fib'
    const workload = (await loadWorkloads()).get(workloadName)
    if (workload === undefined) throw new BenchError('unknown-workload', `Unknown workload \`${workloadName}\`.`)
    const prepared = prepareWorkload(workload, values.n === undefined ? (workloadName === 'fib' ? { n: 20 } : {}) : { n: Number(values.n) })
    const memoryBudgetBytes = values['memory-budget-mib'] === undefined ? defaultMemoryBudgetBytes() : parseCount('memory-budget-mib', values['memory-budget-mib'], 1) * 2 ** 20
    if (memoryBudgetBytes > totalmem() / 2) {
      throw new BenchError('invalid-option', `--memory-budget-mib ${memoryBudgetBytes / 2 ** 20} is more than half of this machine's memory (${(totalmem() / 2 ** 30).toFixed(1)} GiB). Choose a smaller budget.`)
    }
    const out = resolve(values.out ?? 'bench-results/scale-latest.json')
    const log = (line: string): void => {
      process.stderr.write(`${line}\n`)
    }
    // Ctrl-C and SIGTERM: close every live host and container before leaving.
    const onSignal = (signal: NodeJS.Signals): void => {
      log(`${signal}: stopping every scale host…`)
      void closeAllScaleSessions().finally(() => process.exit(130))
    }
    process.once('SIGINT', onSignal)
    process.once('SIGTERM', onSignal)
    try {
      const coldStartRuntimes = [runtimes.wasmtime, runtimes['wasmtime-precompiled']].filter((runtime) => runtime !== undefined)
      const snapshot = chosenParts.includes('snapshot')
        ? await prepareSnapshotPlan({ k: parseCount('snapshot-k', values['snapshot-k'], 100_000), samples: parseCount('snapshot-samples', values['snapshot-samples'], 50), coldStartRuns: parseCount('snapshot-samples', values['snapshot-samples'], 50), coldStartRuntimes })
        : undefined
      const { results, stops } = await runScale(names.flatMap((name) => scaleHosts[name] ?? []), prepared, {
        parts: chosenParts,
        instanceSteps: parseList('instances', values.instances, [1, 10, 100, 1000, 10000]),
        maxProcessInstances: parseCount('max-process-instances', values['max-process-instances'], 1000),
        memoryBudgetBytes,
        burstSizes: parseList('bursts', values.bursts, [1, 4, 16, 64, 256]),
        burstRepeats: parseCount('burst-repeats', values['burst-repeats'], 3),
        instantiateSamples: parseCount('instantiate-samples', values['instantiate-samples'], 200),
        timeoutMs: 600_000,
        ...(snapshot === undefined ? {} : { snapshot }),
        log,
      })
      validateResults(results, 'the scale run')
      await mkdir(dirname(out), { recursive: true })
      await writeFileAtomic(out, `${JSON.stringify(results, null, 2)}\n`)
      log(`memory budget ${(memoryBudgetBytes / 2 ** 20).toFixed(0)} MiB; ${stops.length === 0 ? 'no host reached it' : `${stops.length} host(s) stopped at it`}`)
      log(`results: ${out} (${results.rows.length} rows, ${results.failed.length} failed, ${results.skipped.length} skipped)`)
      if (results.failed.length > 0) process.exitCode = 1
    } finally {
      process.off('SIGINT', onSignal)
      process.off('SIGTERM', onSignal)
    }
  },
}
