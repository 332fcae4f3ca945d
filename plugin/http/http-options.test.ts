import { expect, test } from 'vitest'
import { thrownBenchError } from '../testing/thrown-bench-error.ts'
import { resolveHttpOptions } from './http-options.ts'

test('defaults: concurrency 1, 4, 16, 64, 256 with keep-alive, 3 s phases, 10 cold starts', () => {
  expect(resolveHttpOptions({}, {})).toEqual({ workloads: ['html'], concurrency: [1, 4, 16, 64, 256], keepAlive: ['on'], durationMs: 3000, maxRequests: 100_000, coldSamples: 10, timeoutMs: 10_000 })
})

test('the environment wins over the config', () => {
  expect(resolveHttpOptions({ concurrency: [2], durationMs: 5000 }, { WFB_HTTP_CONCURRENCY: '1, 64', WFB_HTTP_KEEPALIVE: 'on,off', WFB_HTTP_DURATION_MS: '500', WFB_HTTP_COLD_SAMPLES: '3' }))
    .toMatchObject({ concurrency: [1, 64], keepAlive: ['on', 'off'], durationMs: 500, coldSamples: 3 })
})

test('bad values name the setting, the value and what is allowed', () => {
  expect(thrownBenchError(() => resolveHttpOptions({}, { WFB_HTTP_CONCURRENCY: '4,lots' })).message)
    .toBe('Option `http.concurrency` (or WFB_HTTP_CONCURRENCY) is 4,lots; it must be a non-empty list of integers from 1 to 10000 (default `[1, 4, 16, 64, 256]`).')
  expect(thrownBenchError(() => resolveHttpOptions({}, { WFB_HTTP_KEEPALIVE: 'yes' })).message)
    .toBe("Option `http.keepAlive` (or WFB_HTTP_KEEPALIVE) is `yes`; it must be a non-empty list of values from `on`, `off` (default `['on']`).")
  expect(thrownBenchError(() => resolveHttpOptions({}, { WFB_HTTP_DURATION_MS: '10' })).message)
    .toBe('Option `http.durationMs` (or WFB_HTTP_DURATION_MS) is 10; it must be an integer from 100 to 3600000 (default 3000).')
  expect(thrownBenchError(() => resolveHttpOptions({ colds: 3 } as never, {})).message).toBe('Unknown option `http.colds`. Use one of: `workloads`, `concurrency`, `keepAlive`, `durationMs`, `maxRequests`, `coldSamples`, `timeoutMs`.')
  expect(resolveHttpOptions({}, { WFB_HTTP_WORKLOADS: 'noop,html' }).workloads).toEqual(['noop', 'html'])
})

test('concurrency: 1 and 10,000 are the limits, 1,024 is accepted, repeats count once', () => {
  expect(resolveHttpOptions({}, { WFB_HTTP_CONCURRENCY: '1,256,1024,10000,256' }).concurrency).toEqual([1, 256, 1024, 10_000])
  expect(resolveHttpOptions({ concurrency: [1024] }, {}).concurrency).toEqual([1024])
  for (const bad of ['0', '10001', '2.5', '-4']) {
    expect(thrownBenchError(() => resolveHttpOptions({}, { WFB_HTTP_CONCURRENCY: bad })).message)
      .toBe(`Option \`http.concurrency\` (or WFB_HTTP_CONCURRENCY) is ${bad}; it must be a non-empty list of integers from 1 to 10000 (default \`[1, 4, 16, 64, 256]\`).`)
  }
  expect(thrownBenchError(() => resolveHttpOptions({ concurrency: [] }, {})).message)
    .toBe('Option `http.concurrency` (or WFB_HTTP_CONCURRENCY) is `[]`; it must be a non-empty list of integers from 1 to 10000 (default `[1, 4, 16, 64, 256]`).')
})
