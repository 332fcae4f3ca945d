import { describe, expect, test } from 'vitest'
import { thrownBenchError } from '../testing/thrown-bench-error.ts'
import type { LoadReport } from './hey.ts'
import { checkLoad } from './check-load.ts'
import { throughputWindows } from './measure-server.ts'

function report(overrides: Partial<LoadReport>): LoadReport {
  return { requests: 3, errors: {}, statusCounts: { 200: 3 }, contentLengthBytes: 300, durationSeconds: 1, latenciesMs: [10, 10, 10], startOffsetsMs: [0, 100, 600], newConnections: 1, ...overrides }
}

const expectation = { bytesPerResponse: 100, title: 'srv', url: 'http://x/html', keepAlive: true, concurrency: 1 }

describe('checkLoad', () => {
  test('every response 200 with the whole page passes', () => {
    expect(() => checkLoad(report({}), expectation)).not.toThrow()
  })

  test('failed requests, other statuses and missing bytes each fail with the numbers', () => {
    expect(thrownBenchError(() => checkLoad(report({ errors: { 'connection reset': 2 } }), expectation)).message)
      .toBe('srv: 2 of 3 requests to http://x/html failed under load without a response (2 × connection reset).')
    expect(thrownBenchError(() => checkLoad(report({ statusCounts: { 200: 2, 500: 1 } }), expectation)).message)
      .toBe('srv: under load http://x/html answered 1 × status 500 (of 3 responses); every response must be 200.')
    expect(thrownBenchError(() => checkLoad(report({ contentLengthBytes: 250 }), expectation)).message)
      .toBe('srv: under load the 3 responses from http://x/html announced 250 bytes in total, not 3 × 100 = 300: some pages were short, long or had no Content-Length.')
  })

  test('failed requests that ran out of descriptors name the open-file limit and its fix', () => {
    const message = thrownBenchError(() => checkLoad(report({ errors: { 'Get "http://x/html": dial tcp 127.0.0.1:80: socket: too many open files': 2 } }), { ...expectation, concurrency: 1024 })).message
    expect(message).toMatch(/^srv: 2 of 3 requests to http:\/\/x\/html failed under load without a response \(2 × Get .*too many open files\)\. The open-file limit ran out\. Raise it in the shell that starts the run, `ulimit -n 1088`/)
  })

  test('with keep-alive, more new connections than workers (plus 2) means connections were cut', () => {
    expect(() => checkLoad(report({ newConnections: 3 }), expectation)).not.toThrow()
    expect(thrownBenchError(() => checkLoad(report({ newConnections: 4 }), expectation)).message).toMatch(/^srv: with keep-alive, 1 workers needed 4 new connections for 3 responses from http:\/\/x\/html \(at most 3 expected\): the server closed connections mid-way/)
    expect(() => checkLoad(report({ newConnections: 3 }), { ...expectation, keepAlive: false })).not.toThrow()
  })
})

describe('throughputWindows', () => {
  test('counts completions per 250 ms window as requests per second, leaving out the partial last window', () => {
    // Completions at 10, 110 and 610 ms of a 1.1 s phase: windows [0,250) [250,500) [500,750) [750,1000).
    expect(throughputWindows(report({ durationSeconds: 1.1 }))).toEqual([8, 0, 4, 0])
  })

  test('with more than four windows the first and the last full one are left out', () => {
    // Completions at 10, 110, 610, 1010 and 1260 ms of a 1.6 s phase: six full windows.
    expect(throughputWindows(report({ durationSeconds: 1.6, latenciesMs: [10, 10, 10, 10, 10], startOffsetsMs: [0, 100, 600, 1000, 1250] }))).toEqual([0, 4, 0, 4])
  })

  test('a phase shorter than two windows gives one overall rate', () => {
    expect(throughputWindows(report({ durationSeconds: 0.3 }))).toEqual([10])
  })
})
