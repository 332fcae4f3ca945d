import { expect, test } from 'vitest'
import type { ResultRow } from '../../schema/results.d.ts'
import { loadGeneratorRowRuntime, slowLoadGeneratorWarning, spreadLoadGeneratorWarning } from './load-generator-warning.ts'

const row = (runtime: string, params: Record<string, number>): ResultRow => ({ key: runtime, runtime, runtimeVersion: '1', mode: 'one-instance', workload: 'html', params, metrics: {}, warnings: [] })

test('a hey/wrk ratio below 90% is a warning, never an error; 90% and above is none', () => {
  expect(slowLoadGeneratorWarning(0.773, 'hey 900 req/s, wrk 1164 req/s')).toEqual({
    code: 'slow-load-generator',
    metric: 'requestsPerSec',
    message: 'hey reached 77.3% of wrk\'s rate in this run (below 90%): hey 900 req/s, wrk 1164 req/s.',
    advice: expect.stringContaining('not a failure of the run') as string,
  })
  expect(slowLoadGeneratorWarning(0.9, 'x')).toBeUndefined()
  expect(slowLoadGeneratorWarning(1.02, 'x')).toBeUndefined()
})

test('the warning reaches every HTTP row of the run, and no workload row', () => {
  const warning = slowLoadGeneratorWarning(0.5, 'x')
  if (warning === undefined) throw new Error('expected a warning')
  const rows = [{ ...row(loadGeneratorRowRuntime, { concurrency: 4, keepAlive: 1 }), warnings: [warning] }, row('native', { concurrency: 1, keepAlive: 1 }), row('native', { n: 25 })]
  const spread = spreadLoadGeneratorWarning(rows)
  expect(spread.map((entry) => entry.warnings.map((w) => w.code))).toEqual([['slow-load-generator'], ['slow-load-generator'], []])
  expect(spreadLoadGeneratorWarning(rows.slice(1))).toEqual(rows.slice(1))
})
