import { unitLabels } from './format-units.ts'
import { metricEntries } from './metric-registry.ts'

/** Where a metric's value is defined in schema/results.schema.json. */
export const metricValueRef = '#/definitions/MetricValue'

/** One known metric as the results schema describes it: what it is, in which unit. */
export interface MetricSchemaProperty {
  description: string
  $ref: typeof metricValueRef
}

/**
 * What schema/results.schema.json must list under `ResultRow.metrics.properties`: every registry
 * metric, in registry order, described by its entry (`… Unit: ms.`). `npm run gen:types` writes it
 * there and a test compares the two, so the schema, the contract other tools read, cannot drift from the registry.
 */
export function metricSchemaProperties(): Record<string, MetricSchemaProperty> {
  return Object.fromEntries(metricEntries().map(([name, definition]) => [name, {
    description: `${definition.description}. Unit: ${unitLabels[definition.unit]}.`,
    $ref: metricValueRef,
  }]))
}

/** Where the metrics object of a row starts in schema/results.schema.json: its name pattern, which `properties` follows. */
const propertiesAnchor = '          "propertyNames": { "pattern": "^[a-z][A-Za-z0-9]*$" },\n'
const propertiesIndent = '          '

/**
 * The text of schema/results.schema.json with `ResultRow.metrics.properties` written from the
 * registry ({@link metricSchemaProperties}), one line per metric; the rest of the file is kept as
 * it is, formatting included.
 * @throws Error when the file lacks the metrics object's `propertyNames` line the properties follow.
 */
export function writeMetricProperties(schemaText: string): string {
  const start = schemaText.indexOf(propertiesAnchor)
  if (start < 0) throw new Error('schema/results.schema.json has no `propertyNames` line in ResultRow.metrics, which the metric properties follow')
  const after = start + propertiesAnchor.length
  const opening = `${propertiesIndent}"properties": {\n`
  const closing = `${propertiesIndent}},\n`
  const end = schemaText.startsWith(opening, after) ? schemaText.indexOf(closing, after) + closing.length : after
  const lines = Object.entries(metricSchemaProperties()).map(([name, property]) => `${propertiesIndent}  ${JSON.stringify(name)}: { "description": ${JSON.stringify(property.description)}, "$ref": ${JSON.stringify(property.$ref)} }`)
  return `${schemaText.slice(0, after)}${opening}${lines.join(',\n')}\n${closing}${schemaText.slice(end)}`
}
