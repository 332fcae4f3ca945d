import { createHash } from 'node:crypto'
import { BenchError } from '../errors.ts'
import type { ExpectedOutput, InvocationResult, PreparedWorkload } from '../types.ts'

/** Longest excerpt of an output or of stderr quoted in a message, in characters. */
export const excerptChars = 200
/** Longest stderr tail quoted in a failure message, in characters. */
export const stderrTailChars = 2000

/**
 * Checks that one invocation counts: it finished in time, exited with 0 and printed exactly the
 * expected stdout. Checks in this order: timeout, signal or exit code, output.
 * @throws BenchError `timeout`, `invocation-failed` or `wrong-output`, naming the runtime, the workload and the fix.
 */
export function checkOutput(prepared: PreparedWorkload, result: InvocationResult, runtimeTitle: string): void {
  const who = `\`${runtimeTitle}\``
  const what = `\`${prepared.label}\``
  if (result.timedOut) {
    throw new BenchError(
      'timeout',
      `${who} timed out running ${what} and was stopped. If the workload is just slow on this runtime, raise the timeout (\`timeoutMs\`) or choose smaller parameters; if it never finishes, run it by hand to see where it hangs.${formatStderr(result.stderrTail)}`,
    )
  }
  if (result.signal !== null || result.exitCode !== 0) {
    const how =
      result.signal !== null
        ? `was killed by signal ${result.signal}`
        : result.exitCode === null
          ? 'ended without an exit code'
          : `exited with code ${result.exitCode}`
    throw new BenchError(
      'invocation-failed',
      `${who} failed running ${what}: it ${how}. Its stderr says what went wrong; a crash or trap in every runtime points at the workload, in one runtime at that runtime.${formatStderr(result.stderrTail)}`,
    )
  }
  const { expected } = prepared
  // A streamed output is known by its length, hash and first bytes; a kept one is hashed here.
  const digest = result.stdoutDigest ?? { bytes: result.stdout.length, sha256: createHash('sha256').update(result.stdout).digest('hex') }
  const whole = result.stdoutDigest === undefined || result.stdoutDigest.bytes === result.stdout.length
  if (expected.kind === 'exact') {
    const expectedBytes = Buffer.from(expected.stdout, 'utf8')
    if (whole ? result.stdout.equals(expectedBytes) : digest.bytes === expectedBytes.length && digest.sha256 === createHash('sha256').update(expectedBytes).digest('hex')) return
    const difference = firstDifference(expectedBytes, result.stdout)
    const at = whole || difference < result.stdout.length ? `first difference at byte ${difference}` : `${digest.bytes} bytes in all`
    throw new BenchError(
      'wrong-output',
      `${who} printed the wrong output for ${what}: expected ${quoteExcerpt(expectedBytes)}, got ${quoteExcerpt(result.stdout, digest.bytes)} (${at}). ${wrongOutputAdvice}`,
    )
  }
  if (expected.kind === 'check') {
    if (!whole) {
      throw new BenchError('invalid-workload', `${what} printed ${digest.bytes} bytes, more than its check function can be given whole (the first ${result.stdout.length} were kept). Give it an expected SHA-256 and length (\`{ kind: 'sha256', sha256, bytes }\`) instead of \`check\`.`)
    }
    const problem = runCheck(expected, result.stdout, what)
    if (problem === undefined) return
    throw new BenchError(
      'wrong-output',
      `${who} printed the wrong output for ${what}: ${problem} (expected ${expected.description}; got ${quoteExcerpt(result.stdout)}). ${wrongOutputAdvice}`,
    )
  }
  if (digest.bytes === expected.bytes && digest.sha256 === expected.sha256) return
  throw new BenchError(
    'wrong-output',
    `${who} printed the wrong output for ${what}: expected ${expected.bytes} bytes with SHA-256 ${expected.sha256}, got ${digest.bytes} bytes with SHA-256 ${digest.sha256}, starting ${quoteExcerpt(result.stdout, digest.bytes)}. ${wrongOutputAdvice}`,
  )
}

/** The problem a workload's check function finds, or undefined; a check that throws is the definition's bug, not the runtime's. */
function runCheck(expected: Extract<ExpectedOutput, { kind: 'check' }>, stdout: Buffer, what: string): string | undefined {
  let problem: unknown
  try {
    problem = expected.check(stdout.toString('utf8'), stdout)
  } catch (error) {
    throw new BenchError('invalid-workload', `The output check of ${what} threw instead of returning a problem string or undefined: ${String(error)}. Fix the \`check\` function in its workload.ts.`, { cause: error })
  }
  if (problem === undefined) return undefined
  return typeof problem === 'string' && problem !== '' ? problem : `its check returned ${JSON.stringify(problem)}`
}

const wrongOutputAdvice =
  'Results from this invocation do not count. If every runtime disagrees with the expectation, rebuild the module (a C workload: `npx wasm-faas-bench build`; in this repository `npm run build:workloads`) or fix the workload\'s `expected`; if only this runtime does, its WASI stdout or argument handling is at fault.'

/** A JSON-quoted excerpt of `bytes` read as UTF-8, cut to {@link excerptChars} characters; `totalBytes` when `bytes` is only the start. */
function quoteExcerpt(bytes: Buffer, totalBytes = bytes.length): string {
  const text = bytes.toString('utf8')
  if (text.length <= excerptChars && totalBytes === bytes.length) return JSON.stringify(text)
  return `${JSON.stringify(text.slice(0, excerptChars))}… (${totalBytes} bytes)`
}

function firstDifference(a: Buffer, b: Buffer): number {
  const shorter = Math.min(a.length, b.length)
  for (let i = 0; i < shorter; i++) {
    if (a[i] !== b[i]) return i
  }
  return shorter
}

function formatStderr(stderrTail: string): string {
  const tail = stderrTail.trimEnd()
  if (tail === '') return ' (stderr was empty)'
  const cut = tail.length > stderrTailChars ? `…${tail.slice(-stderrTailChars)}` : tail
  return `\nstderr (last lines):\n${cut}`
}
