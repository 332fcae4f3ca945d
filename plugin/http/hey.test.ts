import { describe, expect, test } from 'vitest'
import { thrownBenchError } from '../testing/thrown-bench-error.ts'
import { heyArgs, heyTemplate, parseHeyReport } from './hey.ts'

// What hey 0.1.4 prints for `-o <heyTemplate>` (two responses, one connection error).
const printed = '{"numRes":3,"sizeTotal":1474520,"totalSeconds":0.512345678,"errorDist":{"Get \\"http://127.0.0.1:4000/html\\": read: connection reset by peer":1},"lats":[0.0015,0.0025],"statusCodes":[200,503],"offsets":[0.001,0.2],"conns":[0.0002,0]}\n'

describe('parseHeyReport', () => {
  test('reads every field in milliseconds and counts statuses', () => {
    expect(parseHeyReport(printed)).toEqual({
      requests: 3,
      errors: { 'Get "http://127.0.0.1:4000/html": read: connection reset by peer': 1 },
      statusCounts: { 200: 1, 503: 1 },
      contentLengthBytes: 1_474_520,
      durationSeconds: 0.512345678,
      latenciesMs: [1.5, 2.5],
      startOffsetsMs: [1, 200],
      newConnections: 1,
    })
  })

  test('hey\'s usage text instead of a report says so', () => {
    expect(thrownBenchError(() => parseHeyReport('Usage: hey [options...] <url>')).message).toBe('hey printed no report (expected one JSON object from its `-o` template), got "Usage: hey [options...] <url>".')
  })

  test('arrays of different lengths are refused', () => {
    expect(thrownBenchError(() => parseHeyReport('{"numRes":1,"sizeTotal":0,"totalSeconds":1,"errorDist":{},"lats":[0.1],"statusCodes":[],"offsets":[0],"conns":[0]}')).message).toMatch(/^hey's report lacks a field or has one of the wrong type/)
  })
})

describe('heyArgs', () => {
  test('keep-alive off, request count at least the concurrency, timeout in whole seconds', () => {
    expect(heyArgs({ url: 'http://127.0.0.1:4000/html', concurrency: 16, durationMs: 3000, maxRequests: 10, keepAlive: false, requestTimeoutMs: 2500 }))
      .toEqual(['-n', '16', '-c', '16', '-t', '3', '-disable-keepalive', '-o', heyTemplate, 'http://127.0.0.1:4000/html'])
  })

  test('the template holds no % (hey prints it through Printf)', () => {
    expect(heyTemplate).not.toContain('%')
  })
})
