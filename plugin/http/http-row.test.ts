import { describe, expect, test } from 'vitest'
import { thinSamples, toHttpRow } from './http-row.ts'

describe('thinSamples', () => {
  test('keeps every sample up to the limit, then every k-th in measurement order', () => {
    expect(thinSamples([3, 1, 2], 5)).toEqual([3, 1, 2])
    expect(thinSamples([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 4)).toEqual([0, 2, 5, 7])
  })
})

describe('toHttpRow', () => {
  test('summarises all of a load phase\'s latencies but stores at most 2000 of them', () => {
    const latencyMs = Array.from({ length: 10_001 }, (_, i) => 1 + (i % 100) / 100)
    const row = toHttpRow(
      { runtime: 'native', runtimeVersion: 'cc 12', mode: 'one-instance', workload: 'html', params: { concurrency: 4, keepAlive: 1 } },
      { samples: { latencyMs, firstResponseMs: [10, 11, 12, 13, 14] }, unsupported: {}, load: { requests: 10_001, durationSeconds: 5 } } as unknown as Parameters<typeof toHttpRow>[1],
    )
    const latency = row.metrics.latencyMs
    if (latency === undefined || 'unsupported' in latency) throw new Error('latencyMs missing')
    expect(latency.n).toBe(10_001)
    expect(latency.max).toBe(1.99)
    expect(latency.samples).toHaveLength(2000)
    expect(row.metrics.firstResponseMs).toMatchObject({ n: 5, samples: [10, 11, 12, 13, 14] })
    expect(row.key).toBe('native/html/one-instance/concurrency=4,keepAlive=1')
    expect(row.warnings.map((warning) => warning.code)).not.toContain('load-cut-short')
  })

  test('a load phase that stopped at maxRequests says so in a load-cut-short warning', () => {
    const row = toHttpRow(
      { runtime: 'native', runtimeVersion: 'cc 12', mode: 'one-instance', workload: 'html', params: { concurrency: 4, keepAlive: 1 } },
      { samples: { requestsPerSec: [100, 100, 100, 100, 100] }, unsupported: {}, load: { requests: 500, durationSeconds: 1.234, stoppedByMaxRequests: true } } as unknown as Parameters<typeof toHttpRow>[1],
    )
    expect(row.warnings).toContainEqual({
      code: 'load-cut-short',
      metric: 'requestsPerSec',
      message: 'The load phase stopped after 500 requests (`maxRequests`) in 1.23 s, before its planned duration.',
      advice: 'Its throughput comes from a shorter phase than asked for. Raise WFB_HTTP_MAX_REQUESTS (the plugin option `http.maxRequests`) above what the server answers in `http.durationMs`, or shorten the duration to match.',
    })
  })
})
