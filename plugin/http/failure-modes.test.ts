// The harness against real, deliberately broken servers (test-data/misbehaving-http-server.mjs):
// each failure gives a failed row with a clear reason within a bounded time, and no process remains.
import { afterEach, describe, expect, test } from 'vitest'
import { createMisbehavingServer, type ServerFault } from '../../test-data/misbehaving-server.ts'
import { listDescendants } from '../collectors/process-tree.ts'
import { BenchError } from '../errors.ts'
import { loadWorkloads } from '../workloads/load-workloads.ts'
import { prepareWorkload } from '../workloads/prepare-workload.ts'
import { detectLoadGenerator } from './load-generator.ts'
import { measureServer } from './measure-server.ts'

const hey = await detectLoadGenerator('hey')
const fib = (await loadWorkloads()).get('fib')
if (fib === undefined) throw new Error('the fib workload is missing')
const workload = prepareWorkload(fib, {})
const settings = { concurrency: 4, keepAlive: true, durationMs: 1500, maxRequests: 1_000_000, coldSamples: 2, timeoutMs: 3000, heyPath: hey.path ?? 'hey', checkIntervalMs: 200 }

async function failure(fault: ServerFault): Promise<BenchError> {
  const error: unknown = await measureServer(createMisbehavingServer(fault), workload, 'one-instance', settings).then(() => undefined, (reason: unknown) => reason)
  if (error instanceof BenchError) return error
  throw new Error(`expected a BenchError, got ${String(error)}`)
}

afterEach(async () => {
  // Every server the harness started is gone (the launcher and its child alike).
  expect(await listDescendants(process.pid)).toEqual([])
})

describe.skipIf(!hey.available)(hey.available ? 'failure modes' : `failure modes (skipped: ${hey.reason ?? ''}; install: ${hey.install})`, () => {
  test('a correct server passes, so the failures below are the faults\'', async () => {
    const measured = await measureServer(createMisbehavingServer('none'), workload, 'one-instance', settings)
    expect(measured.samples.firstResponseMs).toHaveLength(2)
    expect(measured.load.latenciesMs.length).toBeGreaterThan(0)
    expect(measured.checkedBodies).toBeGreaterThanOrEqual(4)
  })

  test('a truncated page fails the row at once, naming the bytes received', async () => {
    const error = await failure('truncate')
    expect(error.code).toBe('wrong-output')
    expect(error.message).toMatch(/misbehaving \(one-instance\) answered http:\/\/127\.0\.0\.1:\d+\/fib\?25 with a truncated page: the connection closed after 3 bytes of the body \(status 200, Content-Length 6\)/)
  })

  test('pages truncated only under load (after a correct header) fail the row too', async () => {
    // 2 cold starts and the check before the load pass; then every second page is cut short.
    const error = await failure('truncate-after=3')
    expect(error.code).toBe('wrong-output')
    expect(error.message).toMatch(/the server closed connections mid-way|a truncated page/)
  })

  test('a wrong body of the right length fails on its SHA-256', async () => {
    const error = await failure('wrong-body')
    expect(error.code).toBe('wrong-output')
    expect(error.message).toContain('the wrong body: SHA-256')
  })

  test('a crash under load fails the row with the signal and the server\'s output', async () => {
    // 2 cold starts and the check before the load answer; the server dies a few requests into the load.
    const error = await failure('crash-after=6')
    expect(error.code).toBe('invocation-failed')
    expect(error.message).toMatch(/exited during the load phase \(signal SIGSEGV\)/)
    expect(error.message).toContain('misbehaving server: crashing at request 7')
  })

  test('a server that never binds its port fails after the timeout, with its output', async () => {
    const error = await failure('never-bind')
    expect(error.code).toBe('timeout')
    expect(error.message).toMatch(/did not answer on 127\.0\.0\.1:\d+ within 3000 ms \(last attempt: connect ECONNREFUSED/)
    expect(error.message).toContain('Raise the HTTP timeout, WFB_HTTP_TIMEOUT_MS (the plugin option `http.timeoutMs`; the top-level `timeoutMs` does not apply to HTTP rows) if it is just slow to start.')
    expect(error.message).toContain('misbehaving server: never binding its port')
  })
})
