import { formatUnitValue } from './format-units.ts'
import { metricDefinition } from './metric-registry.ts'

/** A metric value in the metric's unit (from the registry): `4.32 ms`, `47.2 MiB`, `1230M`. */
export function formatMetricValue(metric: string, value: number): string {
  return formatUnitValue(metricDefinition(metric).unit, value)
}
