import { BenchError, formatNames } from '../errors.ts'
import { describeExpectedProblem } from './definition-problem.ts'
import type { PreparedWorkload, Workload, WorkloadParams } from '../types.ts'

/**
 * Fixes a workload's parameters: fills defaults, checks names and ranges, and computes its
 * arguments, expected output and label (`fib(n=25)`, or `noop` without parameters).
 * @throws BenchError `invalid-option` for an unknown parameter or a value that is not an integer in range.
 */
export function prepareWorkload(workload: Workload, params: WorkloadParams = {}): PreparedWorkload {
  const specs = Object.entries(workload.params)
  const validNames = specs.map(([name]) => name)
  for (const name of Object.keys(params)) {
    if (Object.hasOwn(workload.params, name)) continue
    throw new BenchError(
      'invalid-option',
      validNames.length === 0
        ? `Unknown parameter \`${name}\` for workload \`${workload.name}\`: it takes no parameters. Remove \`${name}\`.`
        : `Unknown parameter \`${name}\` for workload \`${workload.name}\`. Use one of: ${formatNames(validNames)}.`,
    )
  }
  const resolved: WorkloadParams = {}
  for (const [name, spec] of specs) {
    const value = params[name] ?? spec.default
    if (!Number.isInteger(value) || value < spec.min || value > spec.max) {
      throw new BenchError(
        'invalid-option',
        `Parameter \`${name}\` of workload \`${workload.name}\` must be an integer from ${spec.min} to ${spec.max}, got ${String(value)}.`,
      )
    }
    resolved[name] = value
  }
  const expected = workload.expected(resolved)
  const problem = describeExpectedProblem(expected)
  if (problem !== undefined) {
    throw new BenchError('invalid-workload', `The \`expected\` function of workload \`${workload.name}\` for ${formatWorkloadLabel(workload.name, resolved)}: ${problem}. Fix it in ${workload.dir}/workload.ts.`)
  }
  return {
    workload,
    params: resolved,
    args: workload.args(resolved),
    expected,
    label: formatWorkloadLabel(workload.name, resolved),
  }
}

/** `fib(n=25)`: the workload name and its parameters in declaration order; just the name without parameters. */
export function formatWorkloadLabel(name: string, params: WorkloadParams): string {
  const entries = Object.entries(params)
  if (entries.length === 0) return name
  return `${name}(${entries.map(([param, value]) => `${param}=${value}`).join(', ')})`
}

/**
 * Looks up workloads by name, in the order requested (duplicates dropped).
 * @throws BenchError `unknown-workload` listing the available names.
 */
export function resolveWorkloadNames(requested: readonly string[], available: ReadonlyMap<string, Workload>): Workload[] {
  const workloads: Workload[] = []
  for (const name of new Set(requested)) {
    const workload = available.get(name)
    if (workload === undefined) {
      throw new BenchError('unknown-workload', `Unknown workload \`${name}\`. Use one of: ${formatNames([...available.keys()].sort())}.`)
    }
    workloads.push(workload)
  }
  return workloads
}
