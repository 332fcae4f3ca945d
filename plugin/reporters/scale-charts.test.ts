import { describe, expect, test } from 'vitest'
import { createExampleResults } from '../results/example-results.ts'
import { burstRow, densityRows, instantiateRow } from '../scale/scale-rows.ts'
import { loadWorkloads } from '../workloads/load-workloads.ts'
import { prepareWorkload } from '../workloads/prepare-workload.ts'
import { buildChartSections } from './report-charts.ts'
import { labelRuns } from './report-model.ts'
import { buildScaleCharts } from './scale-charts.ts'

const fib = prepareWorkload((await loadWorkloads()).get('fib')!, { n: 20 })
const host = { name: 'native', version: 'cc 12' }
const point = (instances: number, perInstanceKiB: number) => ({ instances, baselinePssBytes: 0, totalPssBytes: instances * perInstanceKiB * 1024, perInstancePssBytes: perInstanceKiB * 1024, processes: instances, allReadyMs: instances })
const rows = [
  ...densityRows(host, fib, { points: [point(1, 160), point(10, 140), point(100, 120)], stoppedBy: { kind: 'memory-budget', message: 'native: stopped growing at N = 100' } }),
  burstRow(host, fib, 1, [2, 4, 6]),
  burstRow(host, fib, 16, [40, 50, 60]),
  instantiateRow({ name: 'wamr', version: 'x' }, fib, [4000, 5000, 6000]),
]
const runs = labelRuns([{ source: 'scale.json', results: { ...createExampleResults(), rows } }])

describe('buildScaleCharts', () => {
  test('density: KiB per instance against N on log axes, the budget stop in the tooltip', () => {
    const [density] = buildScaleCharts(runs)
    expect(density).toMatchObject({ id: 'density', xScale: 'log', yScale: 'log', xTicks: [1, 10, 100], series: ['native'] })
    expect(density?.points.map((p) => [p.x, p.y])).toEqual([[1, 160], [10, 140], [100, 120]])
    expect(density?.points[2]?.title).toBe('native, instances 100: 120.0 KiB PSS per instance\nnative: stopped growing at N = 100')
  })

  test('burst: median time until all K answered, whiskers p25-p75', () => {
    const burst = buildScaleCharts(runs)[1]
    expect(burst?.id).toBe('burst')
    expect(burst?.points.map((p) => [p.x, p.y, p.low, p.high])).toEqual([[1, 4, 3, 5], [16, 50, 45, 55]])
  })

  test('the report gets a scale section only when the results have scale rows', () => {
    const sections = buildChartSections(runs)
    expect(sections.at(-1)?.id).toBe('scale')
    expect(sections.at(-1)?.charts.map((chart) => chart.id)).toEqual(['density', 'burst', 'instantiate'])
    const without = buildChartSections(labelRuns([{ source: 'x.json', results: createExampleResults() }]))
    expect(without.map((section) => section.id)).not.toContain('scale')
  })
})
