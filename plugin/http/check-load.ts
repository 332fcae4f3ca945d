import { BenchError } from '../errors.ts'
import type { LoadReport } from './hey.ts'
import { openFileLimitAdvice, openFileReserve } from './open-file-limit.ts'

/** What a load phase was asked for, to judge its report. */
export interface LoadExpectation {
  /** Size of the correct page, in bytes. */
  bytesPerResponse: number
  /** For messages: `node-wasi (one-instance)`. */
  title: string
  url: string
  keepAlive: boolean
  concurrency: number
}

/**
 * Every response of the load phase counts only if it came back 200 with the whole page: hey
 * reports each response's status, and the sum of their Content-Length headers must be the page
 * size times the responses. hey takes each size from the header and ignores errors while reading
 * the body, so a body cut short after a correct header shows only indirectly: with keep-alive the
 * client cannot reuse that connection and dials a new one, so more new connections than workers
 * (beyond a small allowance for the client's own races) fail the row. The full body checks
 * before, during and after the load catch the rest.
 * @throws BenchError `invocation-failed` or `wrong-output` with the numbers.
 */
export function checkLoad(load: LoadReport, expectation: LoadExpectation): void {
  const { title, url, bytesPerResponse } = expectation
  const errorCount = Object.values(load.errors).reduce((sum, count) => sum + count, 0)
  if (errorCount > 0) {
    const listed = Object.entries(load.errors).sort(([, a], [, b]) => b - a).slice(0, 3).map(([message, count]) => `${count} × ${message}`).join('; ')
    // EMFILE in hey's dials or the server's accepts: name the limit's fix, not only the symptom.
    const descriptors = Object.keys(load.errors).some((message) => /too many open files/i.test(message))
      ? ` The open-file limit ran out. ${openFileLimitAdvice(expectation.concurrency + openFileReserve)}.`
      : ''
    throw new BenchError('invocation-failed', `${title}: ${errorCount} of ${load.requests} requests to ${url} failed under load without a response (${listed}).${descriptors}`)
  }
  const responses = load.latenciesMs.length
  if (responses === 0) throw new BenchError('invocation-failed', `${title}: no response to ${url} completed during the load phase.`)
  const wrongStatus = Object.entries(load.statusCounts).filter(([status]) => status !== '200')
  if (wrongStatus.length > 0) {
    throw new BenchError('wrong-output', `${title}: under load ${url} answered ${wrongStatus.map(([status, count]) => `${count} × status ${status}`).join(', ')} (of ${responses} responses); every response must be 200.`)
  }
  if (load.contentLengthBytes !== responses * bytesPerResponse) {
    throw new BenchError('wrong-output', `${title}: under load the ${responses} responses from ${url} announced ${load.contentLengthBytes} bytes in total, not ${responses} × ${bytesPerResponse} = ${responses * bytesPerResponse}: some pages were short, long or had no Content-Length.`)
  }
  const allowed = expectation.concurrency + 2 + Math.floor(responses / 1000)
  if (expectation.keepAlive && load.newConnections > allowed) {
    throw new BenchError('wrong-output', `${title}: with keep-alive, ${expectation.concurrency} workers needed ${load.newConnections} new connections for ${responses} responses from ${url} (at most ${allowed} expected): the server closed connections mid-way, which is what a truncated body does (hey does not check body lengths), or it does not keep connections alive (then its adapter must say \`keepAlive: false\`).`)
  }
}
