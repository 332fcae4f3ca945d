import { describe, expect, test } from 'vitest'
import { loadWorkloads } from '../workloads/load-workloads.ts'
import { prepareWorkload } from '../workloads/prepare-workload.ts'
import { measureDensity } from './measure-density.ts'
import { densityRows } from './scale-rows.ts'
import type { ScaleHost, ScaleSession } from './types.ts'
import { validateResults } from '../results/validate-results.ts'
import { createExampleResults } from '../results/example-results.ts'

const fib = prepareWorkload((await loadWorkloads()).get('fib')!, { n: 20 })
const kib = 1024

/**
 * A host without processes: each instance costs `perInstanceBytes` of "PSS" on top of
 * `baselineBytes`, and prints `output` (fib(20) = 6765 unless told otherwise).
 */
function fakeHost(perInstanceBytes: number, baselineBytes: number, output = '6765\n') {
  const state = { live: 0, closed: 0, adds: [] as number[] }
  const host: ScaleHost = {
    name: 'fake',
    title: 'fake host',
    mode: 'in-process',
    detect: () => Promise.resolve({ available: true, install: '' }),
    open: () => {
      const session: ScaleSession = {
        add: (count) => {
          state.live += count
          state.adds.push(count)
          return Promise.resolve({ count, elapsedNs: count * 1e6, outputs: [{ stdout: Buffer.from(output), count }] })
        },
        pids: () => Promise.resolve([1]),
        close: () => {
          state.closed++
          return Promise.resolve()
        },
      }
      return Promise.resolve(session)
    },
  }
  const memory = {
    readPss: () => Promise.resolve({ pssBytes: baselineBytes + state.live * perInstanceBytes, processes: 1 }),
    readMemAvailable: () => Promise.resolve(10 * 2 ** 30),
  }
  return { host, state, memory }
}

describe('measureDensity', () => {
  test('grows through every step within the budget, with marginal PSS per instance', async () => {
    const { host, state, memory } = fakeHost(100 * kib, 20 * 2 ** 20)
    const outcome = await measureDensity(host, fib, { steps: [1, 10, 100], memoryBudgetBytes: 2 ** 30, memory })
    expect(outcome.stoppedBy).toBeUndefined()
    expect(outcome.points.map((point) => [point.instances, point.perInstancePssBytes, point.allReadyMs])).toEqual([[1, 100 * kib, 1], [10, 100 * kib, 10], [100, 100 * kib, 100]])
    expect(state.closed).toBe(1)
  })

  test('does not start a step the projection puts over the budget, and says so', async () => {
    // 1 MiB per instance over 10 MiB: N = 10 is 20 MiB, N = 100 would be 110 MiB > 64 MiB.
    const { host, state, memory } = fakeHost(2 ** 20, 10 * 2 ** 20)
    const outcome = await measureDensity(host, fib, { steps: [1, 10, 100, 1000], memoryBudgetBytes: 64 * 2 ** 20, memory })
    expect(outcome.points.at(-1)?.instances).toBe(10)
    expect(state.live).toBe(10)
    expect(outcome.stoppedBy?.kind).toBe('memory-budget')
    expect(outcome.stoppedBy?.message).toContain('stopped growing at N = 10: N = 100 would need about 110.0 MiB')
    expect(state.closed).toBe(1)
    const rows = densityRows({ name: 'fake', version: '1' }, fib, outcome)
    expect(rows.map((row) => [row.key, row.stoppedBy?.kind])).toEqual([['fake/fib/density/instances=1,n=20', undefined], ['fake/fib/density/instances=10,n=20', 'memory-budget']])
    expect(rows.map((row) => [(row.metrics.pssPerInstanceBytes as { median: number }).median, (row.metrics.pssPerAddedInstanceBytes as { median: number }).median])).toEqual([[2 ** 20, 2 ** 20], [2 ** 20, 2 ** 20]])
    expect(() => validateResults({ ...createExampleResults(), rows }, 'test')).not.toThrow()
  })

  test('stops in the middle of a step when a chunk passes the budget (per-instance cost grew)', async () => {
    const { host, state, memory } = fakeHost(2 ** 20, 0)
    // From N = 10 the projection for 100 is 100 MiB, under 120 MiB; make instances cost 2 MiB from then on.
    const readPss = () => Promise.resolve({ pssBytes: state.live <= 10 ? state.live * 2 ** 20 : 10 * 2 ** 20 + (state.live - 10) * 2 * 2 ** 20, processes: 1 })
    const outcome = await measureDensity(host, fib, { steps: [10, 100], memoryBudgetBytes: 120 * 2 ** 20, memory: { ...memory, readPss } })
    // Chunks of 9 from 10: 19, 28, …, 64 (118 MiB), 73 (136 MiB > 120 MiB) stops.
    expect(outcome.points.map((point) => point.instances)).toEqual([10, 73])
    expect(outcome.stoppedBy?.message).toContain('stopped growing at N = 73 on the way to 100')
    expect(state.closed).toBe(1)
  })

  test('a wrong output fails the run and still closes the host', async () => {
    const { host, state, memory } = fakeHost(kib, 0, '6766\n')
    await expect(measureDensity(host, fib, { steps: [1, 10], memoryBudgetBytes: 2 ** 30, memory })).rejects.toThrow(/wrong output/)
    expect(state.closed).toBe(1)
  })

  test('a failure after the first point keeps the points and names the N that failed', async () => {
    const { host, state, memory } = fakeHost(kib, 0)
    const failing: typeof host = {
      ...host,
      open: async (workload, capacity) => {
        const session = await host.open(workload, capacity)
        return { ...session, add: (count) => (state.live + count > 10 ? Promise.reject(new Error('out of slots')) : session.add(count)) }
      },
    }
    const outcome = await measureDensity(failing, fib, { steps: [1, 10, 100], memoryBudgetBytes: 2 ** 30, memory })
    expect(outcome.points.map((point) => point.instances)).toEqual([1, 10])
    expect(outcome.failure?.instances).toBe(100)
    expect(outcome.failure?.error.message).toBe('out of slots')
    expect(state.closed).toBe(1)
  })
})
