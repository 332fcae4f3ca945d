import { describe, expect, expectTypeOf, test } from 'vitest'
import type { InstanceMode as SchemaInstanceMode, ResultsFile, Warning, WarningCode as SchemaWarningCode } from '../../schema/results.d.ts'
import { BenchError } from '../errors.ts'
import { summarise } from '../stats/summarise.ts'
import type { InstanceMode, WarningCode } from '../types.ts'
import { createExampleResults } from './example-results.ts'
import { validateResults } from './validate-results.ts'

const source = 'bench-results/latest.json'
const fix = 'Fix: correct the fields listed, or run the benchmarks again (`npm run bench`) to write a fresh file.'

/** Validates the example with the field at JSON `pointer` set to `value` (removed when undefined) and returns the error raised. */
function rejectionOf(pointer: string, value: unknown): BenchError {
  const results: unknown = createExampleResults()
  const keys = pointer.split('/').slice(1)
  const last = keys.pop() ?? ''
  let target = results as Record<string, unknown>
  for (const key of keys) target = target[key] as Record<string, unknown>
  if (value === undefined) delete target[last]
  else target[last] = value
  try {
    validateResults(results, source)
  } catch (error) {
    if (error instanceof BenchError) return error
    throw error
  }
  throw new Error(`validateResults accepted ${pointer} = ${JSON.stringify(value)}`)
}

/** The message for a single failing field. */
function oneProblem(line: string): string {
  return [`Results in \`${source}\` do not match schema/results.schema.json:`, `  ${line}`, fix].join('\n')
}

describe('validateResults', () => {
  test('a complete results file passes and comes back unchanged', () => {
    const results = createExampleResults()
    expect(validateResults(results, source)).toBe(results)
    expect(validateResults(JSON.parse(JSON.stringify(results)), source)).toEqual(results)
  })

  test('the example summary is what summarise computes', () => {
    const metric = createExampleResults().rows[0]?.metrics.coldStartMs
    expect(metric).toEqual(summarise([148, 146, 152, 147, 149]))
  })

  test('a missing required field names its path', () => {
    const error = rejectionOf('/rows/0/workload', undefined)
    expect(error.code).toBe('invalid-results')
    expect(error.message).toBe(oneProblem('/rows/0/workload: missing; it is required'))
  })

  test('a wrong mode string names the path, the allowed values and the value found', () => {
    expect(rejectionOf('/rows/0/mode', 'proces').message)
      .toBe(oneProblem('/rows/0/mode: must be one of `process`, `in-process`, `remote`, `one-instance`, `instance-per-request`, `density`, `burst`, `instantiate`, not "proces"'))
  })

  test('a metric with n = 0', () => {
    expect(rejectionOf('/rows/0/metrics/coldStartMs/n', 0).message)
      .toBe(oneProblem('/rows/0/metrics/coldStartMs/n: must be >= 1, not 0'))
  })

  test('an extra property names it and what is allowed there', () => {
    expect(rejectionOf('/rows/0/extra', true).message)
      .toBe(oneProblem('/rows/0/extra: unexpected property; allowed here: `key`, `runtime`, `runtimeVersion`, `mode`, `workload`, `params`, `metrics`, `stoppedBy`, `otherLoadCores`, `warnings`'))
  })

  test('an unsupported metric may carry nothing but its reason', () => {
    expect(rejectionOf('/rows/0/metrics/instructions/n', 1).message)
      .toBe(oneProblem('/rows/0/metrics/instructions/n: unexpected property; allowed here: `unsupported`'))
  })

  test('a metric that is neither a summary nor unsupported', () => {
    expect(rejectionOf('/rows/0/metrics/coldStartMs', 5).message)
      .toBe(oneProblem('/rows/0/metrics/coldStartMs: must be object, not 5'))
    expect(rejectionOf('/rows/0/metrics/coldStartMs/samples', []).message)
      .toBe(oneProblem('/rows/0/metrics/coldStartMs/samples: must have at least 1 item, not []'))
  })

  test('metric names are camelCase with the unit in the name', () => {
    expect(rejectionOf('/rows/0/metrics/cold-start', { unsupported: 'x' }).message)
      .toBe(oneProblem('/rows/0/metrics/cold-start: the name must match ^[a-z][A-Za-z0-9]*$'))
  })

  test('parameters are integers', () => {
    expect(rejectionOf('/failed/0/params/n', 2.5).message)
      .toBe(oneProblem('/failed/0/params/n: must be integer, not 2.5'))
  })

  test('createdAt is an RFC 3339 date-time', () => {
    expect(rejectionOf('/createdAt', 'yesterday').message)
      .toBe(oneProblem('/createdAt: must be a date-time string such as "2025-01-31T12:00:00.000Z", not "yesterday"'))
    expect(() => validateResults({ ...createExampleResults(), createdAt: '2025-01-31T13:34:56+01:00' }, source)).not.toThrow()
  })

  test('speedGHz is a number or null', () => {
    expect(rejectionOf('/machine/cpu/speedGHz', 'fast').message)
      .toBe(oneProblem('/machine/cpu/speedGHz: must be number or null, not "fast"'))
  })

  test('lists the first five problems and counts the rest', () => {
    expect(() => validateResults({}, source)).toThrow([
      `Results in \`${source}\` do not match schema/results.schema.json:`,
      '  /schemaVersion: missing; it is required',
      '  /tool: missing; it is required',
      '  /createdAt: missing; it is required',
      '  /command: missing; it is required',
      '  /machine: missing; it is required',
      '  … and 5 more',
      fix,
    ].join('\n'))
  })

  test('not an object at all', () => {
    expect(() => validateResults(null, source)).toThrow(oneProblem('(root): must be object, not null'))
  })

  test('another schema version says which one it is and what to do', () => {
    expect(rejectionOf('/schemaVersion', 2).message)
      .toBe('Results file `bench-results/latest.json` has schemaVersion 2; this version of wasm-faas-bench reads schemaVersion 1. Read it with the wasm-faas-bench version that wrote it, or run the benchmarks again (`npm run bench`).')
  })

  test('generated types agree with the hand-written unions in plugin/types.ts', () => {
    expectTypeOf<SchemaInstanceMode>().toEqualTypeOf<InstanceMode>()
    expectTypeOf<SchemaWarningCode>().toEqualTypeOf<WarningCode>()
    expectTypeOf<Warning['code']>().toEqualTypeOf<WarningCode>()
    expectTypeOf<ResultsFile['schemaVersion']>().toEqualTypeOf<1>()
  })
})
