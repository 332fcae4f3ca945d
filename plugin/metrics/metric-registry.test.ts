import { readFile } from 'node:fs/promises'
import { describe, expect, test } from 'vitest'
import { formatMetricValue } from './format-metric-value.ts'
import { metricDefinition, metricEntries, metricRegistry, unknownMetric } from './metric-registry.ts'
import { metricSchemaProperties, writeMetricProperties } from './metric-schema.ts'

const repo = new URL('../../', import.meta.url)

async function readJson(path: string): Promise<unknown> {
  return JSON.parse(await readFile(new URL(path, repo), 'utf8')) as unknown
}

/** Every metric name under a `metrics` object anywhere in a JSON document (results rows, baseline entries). */
function metricNamesIn(value: unknown, names = new Set<string>()): Set<string> {
  if (typeof value !== 'object' || value === null) return names
  const record = value as Record<string, unknown>
  const metrics = record.metrics
  if (typeof metrics === 'object' && metrics !== null && !Array.isArray(metrics)) for (const name of Object.keys(metrics)) names.add(name)
  for (const child of Object.values(record)) metricNamesIn(child, names)
  return names
}

describe('metric registry', () => {
  test('schema/results.schema.json lists exactly the registry\'s metrics, each with the registry\'s description and unit', async () => {
    const schema = await readJson('schema/results.schema.json') as { definitions: { ResultRow: { properties: { metrics: { properties: unknown } } } } }
    expect(schema.definitions.ResultRow.properties.metrics.properties, 'schema/results.schema.json disagrees with plugin/metrics/metric-registry.ts: run `npm run gen:types`').toEqual(metricSchemaProperties())
  })

  test('gen:types writes the metrics into the schema text and changes nothing else', async () => {
    const text = await readFile(new URL('schema/results.schema.json', repo), 'utf8')
    expect(writeMetricProperties(text)).toBe(text)
    const without = text.replace(/ {10}"properties": \{\n {12}"coldStartMs"[\s\S]*?\n {10}\},\n/, '')
    expect(without).not.toContain('"voluntaryContextSwitches"')
    expect(writeMetricProperties(without)).toBe(text)
    expect(() => writeMetricProperties('{}')).toThrow(/propertyNames/)
  })

  test('every metric in the committed results and baseline files has a registry entry', async () => {
    const files = ['plugin/reporters/testdata/real-results.json', 'docs/scale-results.json', 'docs/sledge-results.json', 'docs/claims-run-fib-noop.json', 'docs/claims-run-fib40.json', 'baselines/83a7e90caf17.json']
    const names = new Set<string>()
    for (const file of files) metricNamesIn(await readJson(file), names)
    expect(names.size).toBeGreaterThan(20)
    expect([...names].filter((name) => !(name in metricRegistry))).toEqual([])
  })

  test('every metric the built-in published claims read has a registry entry', async () => {
    const metrics = new Set<string>()
    const collect = (value: unknown): void => {
      if (typeof value !== 'object' || value === null) return
      const record = value as Record<string, unknown>
      if (typeof record.metric === 'string') metrics.add(record.metric)
      for (const child of Object.values(record)) collect(child)
    }
    collect(await readJson('claims/claims.json'))
    expect(metrics.size).toBeGreaterThan(5)
    expect([...metrics].filter((name) => !(name in metricRegistry))).toEqual([])
  })

  test('a name carries its unit: ms ends in Ms, bytes in Bytes, per-second in PerSec, and the other way round', () => {
    for (const [name, definition] of metricEntries()) {
      expect(name, name).toMatch(/^[a-z][A-Za-z0-9]*$/)
      expect(name.endsWith('Ms'), name).toBe(definition.unit === 'ms')
      expect(name.endsWith('Bytes'), name).toBe(definition.unit === 'bytes')
      expect(name.endsWith('PerSec'), name).toBe(definition.unit === 'per-second' || definition.unit === 'bytes-per-second')
    }
  })

  test('the gate judges an increase as worse, so every judged metric is better lower', () => {
    const judged = metricEntries().filter(([, definition]) => definition.gate.judged)
    for (const [name, definition] of judged) expect(definition.better, name).toBe('lower')
  })

  test('values are formatted in the unit the registry gives, not one guessed from the name', () => {
    expect(formatMetricValue('coldStartMs', 4.321)).toBe('4.32 ms')
    expect(formatMetricValue('warmLatencyMs', 0.000085)).toBe('85.0 ns')
    expect(formatMetricValue('peakRssBytes', 47.23 * 2 ** 20)).toBe('47.2 MiB')
    expect(formatMetricValue('pssPerInstanceBytes', 600 * 1024)).toBe('600 KiB')
    expect(formatMetricValue('instructions', 1.234e9)).toBe('1230M')
    expect(formatMetricValue('valgrindInstructions', 98_765)).toBe('98800')
    expect(formatMetricValue('cpuUtilisation', 0.9534)).toBe('0.953')
    // Not in the registry: a plain number, whatever the name ends in.
    expect(formatMetricValue('adapterOwnMs', 12.34)).toBe('12.3')
    expect(metricDefinition('adapterOwnMs')).toBe(unknownMetric)
  })
})
