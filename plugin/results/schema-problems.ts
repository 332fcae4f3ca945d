import { Ajv } from 'ajv'
import type { DefinedError, ErrorObject } from 'ajv'
import { formatNames } from '../errors.ts'

/** How many failing fields a validation error lists before summarising the rest. */
const listedProblems = 5

/**
 * An Ajv instance for the project's JSON Schemas: strict, every error, and the extras the schemas
 * use (json-schema-to-typescript's `tsType` annotation, the options schema's `envVar` and
 * `defaultText` annotations, and the `date-time` format). `useDefaults` fills absent properties
 * from their `default` (the options schema).
 */
export function createSchemaValidator(settings: { useDefaults?: boolean } = {}): Ajv {
  const ajv = new Ajv({ strict: true, allErrors: true, allowUnionTypes: true, verbose: true, useDefaults: settings.useDefaults ?? false })
  // Annotations that validate nothing: the generated type's name; an option's environment override and its default in words.
  for (const keyword of ['tsType', 'envVar', 'defaultText']) ajv.addKeyword({ keyword, schemaType: 'string' })
  // The only format the schemas use; registered here rather than pulling in ajv-formats.
  ajv.addFormat('date-time', { type: 'string', validate: isDateTime })
  return ajv
}

/** The failing fields as indented lines (`  /rows/0/mode: must be one of …`), the first five, then how many more. */
export function formatSchemaProblems(errors: readonly ErrorObject[] | null | undefined): string[] {
  const problems = [...new Set((errors ?? []).flatMap(describeError))]
  const listed = problems.slice(0, listedProblems).map((problem) => `  ${problem}`)
  if (problems.length > listedProblems) listed.push(`  … and ${problems.length - listedProblems} more`)
  return listed
}

/** One line per failing field: its JSON pointer, what the schema expects there, and what it found. */
function describeError(raw: ErrorObject): string[] {
  const error = raw as DefinedError
  const path = error.instancePath
  const found = describeValue(error.data)
  switch (error.keyword) {
    // Summaries of the errors reported beside them.
    case 'if':
    case 'propertyNames':
    case 'anyOf':
    case 'oneOf':
      return []
    case 'required':
      return [`${pointer(path, error.params.missingProperty)}: missing; it is required`]
    case 'additionalProperties': {
      const allowed = Object.keys((error.parentSchema?.properties ?? {}) as object)
      return [`${pointer(path, error.params.additionalProperty)}: unexpected property${allowed.length > 0 ? `; allowed here: ${formatNames(allowed)}` : ''}`]
    }
    case 'enum':
      return [`${pointer(path)}: must be one of ${formatNames(error.params.allowedValues.map(String))}, not ${found}`]
    case 'const':
      return [`${pointer(path)}: must be ${JSON.stringify(error.params.allowedValue)}, not ${found}`]
    case 'type':
      return [`${pointer(path)}: must be ${[error.params.type].flat().join(' or ')}, not ${found}`]
    case 'format':
      return [`${pointer(path)}: must be a ${error.params.format} string${error.params.format === 'date-time' ? ' such as "2025-01-31T12:00:00.000Z"' : ''}, not ${found}`]
    case 'minItems':
      return [`${pointer(path)}: must have at least ${error.params.limit} ${error.params.limit === 1 ? 'item' : 'items'}, not ${found}`]
    case 'pattern':
      return error.propertyName === undefined
        ? [`${pointer(path)}: must match ${error.params.pattern}, not ${found}`]
        : [`${pointer(path, error.propertyName)}: the name must match ${error.params.pattern}`]
    default:
      return [`${pointer(path)}: ${error.message ?? 'is invalid'}, not ${found}`]
  }
}

/** A JSON pointer (RFC 6901) for messages; the document root reads `(root)`. */
function pointer(instancePath: string, property?: string): string {
  const full = property === undefined ? instancePath : `${instancePath}/${property.replaceAll('~', '~0').replaceAll('/', '~1')}`
  return full === '' ? '(root)' : full
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return value.length === 0 ? '[]' : 'an array'
  if (isRecord(value)) return 'an object'
  const text = JSON.stringify(value) ?? String(value)
  return text.length > 40 ? `${text.slice(0, 39)}…` : text
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** RFC 3339 date-time (`2025-01-31T12:00:00.000Z`, `2025-01-31T13:00:00+01:00`) that names a real instant. */
function isDateTime(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i.test(text) && !Number.isNaN(Date.parse(text))
}
