#!/usr/bin/env node
// wasm-faas-bench's auxiliary commands. The benchmarks themselves run with `vitest bench` (npm run bench).
import { parseArgs } from 'node:util'
import { fileURLToPath } from 'node:url'
import { runtimeNames, runtimes } from '../fixtures/index.ts'
import { calibrateColdStart, formatCalibration } from './calibrate.ts'
import { detectRuntimes } from './detect-runtimes.ts'
import { BenchError } from './errors.ts'
import { loadWorkloads } from './workloads/load-workloads.ts'
import { ensureNativeBinary } from './workloads/build-workloads.ts'

const usage = `Usage: wasm-faas-bench <command>

Commands:
  runtimes list          every known runtime: available or not, version, where found, how to install
  calibrate [--runs N]   cold-start fidelity: the tool's launcher against hyperfine -N, back to back
                         (native noop and node-wasi process noop; default 200 runs each)

The benchmarks run with \`npm run bench\` (vitest bench); see README.md.`

async function listRuntimes(): Promise<void> {
  const detected = await detectRuntimes(runtimeNames.map((name) => runtimes[name]))
  for (const runtime of detected) {
    const state = runtime.available ? `available  ${runtime.version ?? ''}` : `missing    ${runtime.reason ?? ''}`
    console.log(`${runtime.name.padEnd(12)} ${runtime.modes.join(',').padEnd(19)} ${state}`)
    if (runtime.path !== undefined) console.log(`${''.padEnd(32)} at ${runtime.path}`)
    console.log(`${''.padEnd(32)} install: ${runtime.install}`)
  }
}

async function calibrate(runs: number): Promise<void> {
  const noop = (await loadWorkloads()).get('noop')
  if (noop === undefined) throw new BenchError('unknown-workload', 'The `noop` workload is missing from workloads/.')
  const runner = fileURLToPath(new URL('../fixtures/node-wasi/run-wasi.mjs', import.meta.url))
  const rows = await calibrateColdStart([
    { label: 'native noop', file: await ensureNativeBinary(noop), args: [] },
    { label: 'node-wasi (process) noop', file: process.execPath, args: ['--no-warnings', runner, noop.wasmPath] },
  ], { runs, warmup: 5 })
  console.log(formatCalibration(rows))
}

async function main(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({ args: argv, allowPositionals: true, options: { runs: { type: 'string' }, help: { type: 'boolean', short: 'h' } } })
  const [command, subcommand] = positionals
  if (values.help === true || command === undefined || command === 'help') {
    console.log(usage)
  } else if (command === 'runtimes' && (subcommand === 'list' || subcommand === undefined)) {
    await listRuntimes()
  } else if (command === 'calibrate') {
    const runs = Number(values.runs ?? '200')
    if (!Number.isInteger(runs) || runs < 10) throw new BenchError('invalid-option', `--runs is ${values.runs}; give an integer of at least 10.`)
    await calibrate(runs)
  } else {
    throw new BenchError('invalid-option', `Unknown command \`${positionals.join(' ')}\`.\n\n${usage}`)
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof BenchError ? `wasm-faas-bench: ${error.message}` : error)
  process.exitCode = 1
})
