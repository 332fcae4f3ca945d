import { createHash } from 'node:crypto'
import { BenchError } from '../errors.ts'
import type { ExpectedOutput } from '../types.ts'
import type { FetchedResponse } from './fetch-response.ts'

/**
 * The number of bytes a correct page has.
 * @throws BenchError `invalid-workload` for a check function, which names no size (HTTP rows skip such workloads first).
 */
export function expectedBytes(expected: ExpectedOutput): number {
  if (expected.kind === 'check') {
    throw new BenchError('invalid-workload', `HTTP load checks count the bytes of every response, and a check function (${expected.description}) names no size. Give the workload an \`exact\` or \`sha256\` expectation to measure it over HTTP.`)
  }
  return expected.kind === 'exact' ? Buffer.byteLength(expected.stdout, 'utf8') : expected.bytes
}

/**
 * What is wrong with one response, or undefined when it is right: status 200, the body's length
 * and its SHA-256 equal to the workload's expected output (plugin/workloads/check-output.ts's
 * expectation, served as the page).
 */
export function responseProblem(expected: ExpectedOutput, response: FetchedResponse): string | undefined {
  const excerpt = JSON.stringify(response.body.subarray(0, 120).toString('utf8'))
  if (response.status !== 200) return `status ${response.status} instead of 200 (body starts ${excerpt})`
  if (expected.kind === 'check') return expected.check(response.body.toString('utf8'), response.body)
  const wantedBytes = expectedBytes(expected)
  const wantedSha256 = expected.kind === 'exact'
    ? createHash('sha256').update(expected.stdout, 'utf8').digest('hex')
    : expected.sha256
  const sha256 = createHash('sha256').update(response.body).digest('hex')
  if (response.body.length !== wantedBytes) return `a ${response.body.length}-byte body instead of ${wantedBytes} bytes (truncated or wrong page; starts ${excerpt})`
  if (sha256 !== wantedSha256) return `the wrong body: SHA-256 ${sha256} instead of ${wantedSha256} (same length, ${wantedBytes} bytes; starts ${excerpt})`
  return undefined
}
