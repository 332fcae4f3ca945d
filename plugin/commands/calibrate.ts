import { measureLauncherFidelity, formatLauncherFidelity } from '../launcher-fidelity.ts'
import { measureLauncherFidelityInBench, type RuntimeCalibrationCommand } from '../launcher-fidelity-in-bench.ts'
import { BenchError, formatNames } from '../errors.ts'
import { parseParamsEnv } from '../options.ts'
import { loadWorkloads } from '../workloads/load-workloads.ts'
import { prepareWorkload } from '../workloads/prepare-workload.ts'
import type { RuntimeAdapter } from '../types.ts'
import type { CliCommand } from './types.ts'
import { commandRuntimes, runtimeModuleFlag, runtimeModuleUsage } from './runtime-module-flag.ts'
import { parseCommandArgs } from './parse-command-args.ts'

const usage = `wasm-faas-bench calibrate [--runs N] [--runtimes a,b] [--workload noop] [--params fib.n=25] [--in-bench] ${runtimeModuleUsage}`

/** Process runtimes whose one-invocation command hyperfine cannot repeat as is, and why. */
const notRepeatable: Record<string, string> = {
  runc: 'each run needs a container id of its own (the launcher numbers them; hyperfine cannot)',
}

/**
 * The command one cold invocation of each available process-mode runtime runs for `workload`, as
 * its adapter builds it (flags, module path, environment), among `runtimes`. Runtimes that are absent or cannot be
 * repeated by hyperfine are reported in `skipped`.
 */
export async function processRuntimeCommands(runtimes: Readonly<Record<string, RuntimeAdapter>>, workloadName: string, params: Record<string, number>, names?: readonly string[]): Promise<{ commands: RuntimeCalibrationCommand[]; skipped: string[] }> {
  const workload = (await loadWorkloads()).get(workloadName)
  if (workload === undefined) throw new BenchError('unknown-workload', `Unknown workload \`${workloadName}\`.`)
  const prepared = prepareWorkload(workload, params)
  const commands: RuntimeCalibrationCommand[] = []
  const skipped: string[] = []
  const selected = Object.values(runtimes).filter((adapter) => (adapter.modes as readonly string[]).includes('process') && (names === undefined || names.includes(adapter.name)))
  for (const name of names ?? []) if (!Object.hasOwn(runtimes, name)) throw new BenchError('unknown-runtime', `Unknown runtime \`${name}\`. Use one of: ${formatNames(Object.keys(runtimes))}.`)
  for (const adapter of selected) {
    const reason = notRepeatable[adapter.name]
    if (reason !== undefined) {
      skipped.push(`${adapter.name}: ${reason}`)
      continue
    }
    const detection = await adapter.detect()
    if (!detection.available) {
      skipped.push(`${adapter.name}: not available (${detection.reason ?? 'not found'}; install: ${detection.install})`)
      continue
    }
    const instance = await adapter.start(prepared, 'process')
    try {
      if (instance.command === undefined) skipped.push(`${adapter.name}: its process mode names no command`)
      else commands.push({ runtime: adapter.name, label: `${adapter.name} ${prepared.label}`, ...instance.command })
    } finally {
      await instance.close()
    }
  }
  return { commands, skipped }
}

/** `calibrate`: the launcher's cold starts against `hyperfine -N` on the same commands, back to back, for every process runtime. */
export const calibrate: CliCommand = {
  words: ['calibrate'],
  summary: '[--runs N] [--runtimes a,b] [--workload noop] [--in-bench]  cold-start fidelity: the launcher against hyperfine -N on every available process runtime (default 200 runs of noop)',
  async run(args, registry) {
    const { values } = parseCommandArgs(args, usage, { runs: { type: 'string' }, runtimes: { type: 'string' }, workload: { type: 'string' }, params: { type: 'string' }, 'in-bench': { type: 'boolean' }, ...runtimeModuleFlag })
    const runs = Number(values.runs ?? '200')
    if (!Number.isInteger(runs) || runs < 10) throw new BenchError('invalid-option', `--runs is ${values.runs}; give an integer of at least 10.`)
    const workload = values.workload ?? 'noop'
    const names = values.runtimes?.split(',').map((name) => name.trim()).filter((name) => name !== '')
    const { commands, skipped } = await processRuntimeCommands(await commandRuntimes(registry.runtimes, values['runtime-module']), workload, values.params === undefined ? {} : parseParamsEnv(values.params)[workload] ?? {}, names)
    for (const line of skipped) console.log(`skipped ${line}`)
    if (commands.length === 0) throw new BenchError('runtime-unavailable', 'No process runtime is available to calibrate. Install one: `npx wasm-faas-bench runtimes install all`.')
    // --in-bench: the cold starts of a real bench run (only the workload's default parameters) against hyperfine around it.
    const rows = values['in-bench'] === true
      ? await measureLauncherFidelityInBench(commands, { runs, warmup: 5, root: process.cwd(), workload })
      : await measureLauncherFidelity(commands, { runs, warmup: 5 })
    console.log(formatLauncherFidelity(rows))
  },
}
