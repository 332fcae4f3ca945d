import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { calibrateColdStart, formatCalibration } from '../calibrate.ts'
import { BenchError } from '../errors.ts'
import { ensureNativeBinary } from '../workloads/build-workloads.ts'
import { loadWorkloads } from '../workloads/load-workloads.ts'
import type { CliCommand } from './types.ts'

/** `calibrate`: the launcher's cold starts against `hyperfine -N` on the same commands, back to back. */
export const calibrate: CliCommand = {
  words: ['calibrate'],
  summary: '[--runs N]  cold-start fidelity: the launcher against hyperfine -N on native and node-wasi noop (default 200 runs)',
  async run(args) {
    const { values } = parseArgs({ args, options: { runs: { type: 'string' } } })
    const runs = Number(values.runs ?? '200')
    if (!Number.isInteger(runs) || runs < 10) throw new BenchError('invalid-option', `--runs is ${values.runs}; give an integer of at least 10.`)
    const noop = (await loadWorkloads()).get('noop')
    if (noop === undefined) throw new BenchError('unknown-workload', 'The `noop` workload is missing from workloads/.')
    const runner = fileURLToPath(new URL('../../fixtures/node-wasi/run-wasi.mjs', import.meta.url))
    const rows = await calibrateColdStart([
      { label: 'native noop', file: await ensureNativeBinary(noop), args: [] },
      { label: 'node-wasi (process) noop', file: process.execPath, args: ['--no-warnings', runner, noop.wasmPath] },
    ], { runs, warmup: 5 })
    console.log(formatCalibration(rows))
  },
}
