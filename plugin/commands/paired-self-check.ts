import { resolveBaselineOptions } from '../baseline/baseline-options.ts'
import { BenchError } from '../errors.ts'
import { parseParamsEnv } from '../options.ts'
import { renderPairedSelfCheck } from '../paired/evaluate-paired-self-check.ts'
import { runPairedSelfCheck } from '../paired/run-paired-self-check.ts'
import type { RuntimeAdapter } from '../types.ts'
import { commandRuntimes, runtimeModuleFlag } from './runtime-module-flag.ts'

/** The options `self-check --paired` adds (besides `--repeats`). */
export const pairedOptions = {
  paired: { type: 'boolean' },
  runtime: { type: 'string' },
  workload: { type: 'string' },
  params: { type: 'string' },
  pairs: { type: 'string' },
  'warm-repeats': { type: 'string' },
  levels: { type: 'string' },
  'cold-targets': { type: 'string' },
  block: { type: 'string' },
  ...runtimeModuleFlag,
} as const

function numbers(text: string, name: string): number[] {
  const list = text.split(',').map((item) => Number(item.trim()))
  if (list.some((value) => !Number.isInteger(value) || value < 1 || value > 1000)) throw new BenchError('invalid-option', `--${name} is \`${text}\`; give whole percents from 1 to 1000, comma-separated (\`5,10\`).`)
  return list
}

function integer(value: string | undefined, name: string, fallback: number, min: number): number {
  const number = value === undefined ? fallback : Number(value)
  if (!Number.isInteger(number) || number < min) throw new BenchError('invalid-option', `--${name} is \`${value}\`; give an integer of at least ${min}.`)
  return number
}

/**
 * `self-check --paired`: how small a change a paired A/B run (`wasm-faas-bench compare`) catches on
 * this machine, and how often it raises a false alarm: `--repeats` (default 20) A/A paired runs and
 * paired runs with injected extra work (`--levels`, default 5,10 percent of each call, plus the
 * levels aimed at `--cold-targets` 5,10 percent of the whole-process cold start). Prints per metric
 * the smallest change caught in >= 95% of repeats and the false-alarm rate.
 */
export async function runPairedCheck(values: Partial<Record<'repeats' | 'runtime' | 'workload' | 'params' | 'pairs' | 'warm-repeats' | 'levels' | 'cold-targets' | 'block', string>> & { 'runtime-module'?: string[] }, builtinRuntimes: Readonly<Record<string, RuntimeAdapter>>): Promise<void> {
  const started = Date.now()
  const workload = values.workload ?? 'fib'
  const pairs = integer(values.pairs, 'pairs', 40, 10)
  const { reports, description } = await runPairedSelfCheck({
    workload,
    runtime: values.runtime ?? 'native',
    runtimes: await commandRuntimes(builtinRuntimes, values['runtime-module']),
    params: values.params === undefined ? {} : parseParamsEnv(values.params)[workload] ?? {},
    repeats: integer(values.repeats, 'repeats', 20, 3),
    pairs,
    blockSize: integer(values.block, 'block', 1, 1),
    warmRepeats: integer(values['warm-repeats'], 'warm-repeats', 20, 0),
    levels: numbers(values.levels ?? '5,10', 'levels'),
    coldTargets: numbers(values['cold-targets'] ?? '5,10', 'cold-targets'),
    policy: resolveBaselineOptions({}, process.env).policy,
    log: (line) => console.log(line),
  })
  console.log(`\n${renderPairedSelfCheck(reports, { description, pairs, minutes: (Date.now() - started) / 60_000 })}`)
}
