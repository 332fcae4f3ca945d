import { createHash } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import type { ExpectedOutput, InvocationResult, PreparedWorkload, Workload } from '../types.ts'
import { checkOutput } from './check-output.ts'
import { thrownBenchError } from '../testing/thrown-bench-error.ts'

const workload: Workload = {
  kind: 'c',
  name: 'fib',
  description: 'test',
  params: { n: { description: 'n', default: 25, min: 0, max: 40 } },
  args: (params) => [String(params.n)],
  expected: () => ({ kind: 'exact', stdout: '75025\n' }),
  dir: '/repo/workloads/fib',
  wasmPath: '/repo/workloads/fib/fib.wasm',
  sourcePath: '/repo/workloads/fib/fib.c',
}

function prepared(expected: ExpectedOutput, label = 'fib(n=25)'): PreparedWorkload {
  return { workload, params: { n: 25 }, args: ['25'], expected, label }
}

const fib25 = prepared({ kind: 'exact', stdout: '75025\n' })
const usage = { wallNs: 1_000_000, cpuUserUs: 500, cpuSysUs: 100, peakRssBytes: 1_048_576, warmNs: [] }

function result(overrides: Partial<InvocationResult>): InvocationResult {
  return { stdout: Buffer.from('75025\n'), stderrTail: '', exitCode: 0, signal: null, timedOut: false, usage, ...overrides }
}

describe('checkOutput', () => {
  test('the right output passes', () => {
    expect(() => checkOutput(fib25, result({}), 'wasmtime 42')).not.toThrow()
  })

  test('a timeout wins over everything else and says how to fix it', () => {
    const error = thrownBenchError(() => checkOutput(fib25, result({ timedOut: true, exitCode: null, signal: 'SIGKILL', stdout: Buffer.from('') }), 'wasmtime 42'))
    expect(error.code).toBe('timeout')
    expect(error.message).toBe(
      '`wasmtime 42` timed out running `fib(n=25)` and was stopped. If the workload is just slow on this runtime, raise the timeout (`timeoutMs`) or choose smaller parameters; if it never finishes, run it by hand to see where it hangs. (stderr was empty)',
    )
  })

  test('a non-zero exit code fails with the stderr tail', () => {
    const error = thrownBenchError(() => checkOutput(fib25, result({ exitCode: 7, stdout: Buffer.from(''), stderrTail: 'boom: something failed\n' }), 'wazero 1.12'))
    expect(error.code).toBe('invocation-failed')
    expect(error.message).toBe(
      '`wazero 1.12` failed running `fib(n=25)`: it exited with code 7. Its stderr says what went wrong; a crash or trap in every runtime points at the workload, in one runtime at that runtime.\nstderr (last lines):\nboom: something failed',
    )
  })

  test('a signal fails and names the signal', () => {
    const error = thrownBenchError(() => checkOutput(fib25, result({ exitCode: null, signal: 'SIGILL', stdout: Buffer.from('') }), 'native (cc -O2)'))
    expect(error.code).toBe('invocation-failed')
    expect(error.message).toContain('`native (cc -O2)` failed running `fib(n=25)`: it was killed by signal SIGILL.')
    expect(error.message).toContain('(stderr was empty)')
  })

  test('no exit code and no signal is a failure too', () => {
    const error = thrownBenchError(() => checkOutput(fib25, result({ exitCode: null }), 'node-wasi'))
    expect(error.code).toBe('invocation-failed')
    expect(error.message).toContain('`node-wasi` failed running `fib(n=25)`: it ended without an exit code.')
  })

  test('a long stderr is cut to its tail', () => {
    const stderrTail = `${'x'.repeat(5000)}END`
    const error = thrownBenchError(() => checkOutput(fib25, result({ exitCode: 1, stderrTail }), 'node-wasi'))
    expect(error.message.endsWith(`\nstderr (last lines):\n…${'x'.repeat(1997)}END`)).toBe(true)
  })

  test('wrong exact output shows both, quoted, and where they differ', () => {
    const error = thrownBenchError(() => checkOutput(fib25, result({ stdout: Buffer.from('75024\n') }), 'wasmtime 42'))
    expect(error.code).toBe('wrong-output')
    expect(error.message).toBe(
      '`wasmtime 42` printed the wrong output for `fib(n=25)`: expected "75025\\n", got "75024\\n" (first difference at byte 4). Results from this invocation do not count. If every runtime disagrees with the expectation, rebuild the module (a C workload: `npx wasm-faas-bench build`; in this repository `npm run build:workloads`) or fix the workload\'s `expected`; if only this runtime does, its WASI stdout or argument handling is at fault.',
    )
  })

  test('a long wrong output is truncated to 200 characters', () => {
    const stdout = Buffer.from(`{"error":"${'e'.repeat(1000)}"}`)
    const error = thrownBenchError(() => checkOutput(fib25, result({ stdout }), 'faasm'))
    expect(error.message).toContain(`got ${JSON.stringify(stdout.toString().slice(0, 200))}… (1012 bytes) (first difference at byte 0)`)
  })

  test('a missing output is reported as empty', () => {
    const error = thrownBenchError(() => checkOutput(fib25, result({ stdout: Buffer.from('') }), 'sledge'))
    expect(error.message).toContain('expected "75025\\n", got "" (first difference at byte 0)')
  })

  describe('sha256 expectations', () => {
    const page = Buffer.from('<!DOCTYPE html>\n<html></html>\n')
    const sha256 = createHash('sha256').update(page).digest('hex')
    const htmlPage = prepared({ kind: 'sha256', sha256, bytes: page.length }, 'html')

    test('the right bytes pass', () => {
      expect(() => checkOutput(htmlPage, result({ stdout: page }), 'node-wasi')).not.toThrow()
    })

    test('wrong bytes show expected and actual size and hash, and how the output starts', () => {
      const error = thrownBenchError(() => checkOutput(htmlPage, result({ stdout: Buffer.from('500 No available hosts') }), 'faasm'))
      expect(error.code).toBe('wrong-output')
      expect(error.message).toContain(
        `\`faasm\` printed the wrong output for \`html\`: expected 30 bytes with SHA-256 ${sha256}, got 22 bytes with SHA-256 ${createHash('sha256').update('500 No available hosts').digest('hex')}, starting "500 No available hosts".`,
      )
    })
  })

  describe('a check function', () => {
    const checked = prepared({
      kind: 'check',
      description: 'fib(25) within 1',
      check: (stdout) => (Math.abs(Number(stdout) - 75025) <= 1 ? undefined : `${stdout.trim()} is more than 1 away`),
    })

    test('passes what it accepts', () => {
      expect(() => checkOutput(checked, result({ stdout: Buffer.from('75026\n') }), 'wasmi 0.40')).not.toThrow()
    })

    test("fails with the check's own problem and the description", () => {
      const error = thrownBenchError(() => checkOutput(checked, result({ stdout: Buffer.from('75000\n') }), 'wasmi 0.40'))
      expect(error.code).toBe('wrong-output')
      expect(error.message).toMatch(/^`wasmi 0\.40` printed the wrong output for `fib\(n=25\)`: 75000 is more than 1 away \(expected fib\(25\) within 1; got "75000\\n"\)\. Results from this invocation do not count\./)
    })

    test('a check that throws is the definition\'s bug, named as such', () => {
      const broken = prepared({ kind: 'check', description: 'd', check: () => { throw new Error('oops') } })
      const error = thrownBenchError(() => checkOutput(broken, result({}), 'wasmi 0.40'))
      expect(error.code).toBe('invalid-workload')
      expect(error.message).toBe('The output check of `fib(n=25)` threw instead of returning a problem string or undefined: Error: oops. Fix the `check` function in its workload.ts.')
    })
  })
})
