import { expect, test } from 'vitest'
import { thrownBenchError } from '../testing/thrown-bench-error.ts'
import { parseWrkOutput } from './wrk.ts'

test('parseWrkOutput reads requests, duration, rate and errors from wrk 4.1.0\'s report', () => {
  const text = `Running 2s test @ http://127.0.0.1:40556/html
  2 threads and 4 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    43.51ms   54.42ms 352.43ms   92.36%
    Req/Sec    61.79     27.98   111.00     63.16%
  239 requests in 2.04s, 168.09MB read
  Socket errors: connect 0, read 2, write 0, timeout 1
  Non-2xx or 3xx responses: 4
Requests/sec:    117.43
Transfer/sec:     82.59MB
`
  expect(parseWrkOutput(text)).toEqual({ requests: 239, durationSeconds: 2.04, requestsPerSec: 117.43, non2xx: 4, socketErrors: 3 })
})

test('a run in milliseconds and without error lines', () => {
  expect(parseWrkOutput('  12 requests in 900.50ms, 8.4MB read\nRequests/sec:     13.33\n')).toEqual({ requests: 12, durationSeconds: 0.9005, requestsPerSec: 13.33, non2xx: 0, socketErrors: 0 })
})

test('text without a report is refused', () => {
  expect(thrownBenchError(() => parseWrkOutput('unable to connect to 127.0.0.1:1 Connection refused')).code).toBe('invocation-failed')
})
