import type { ErrorObject } from 'ajv'
import { formatNames } from './errors.ts'
import { knownKeysOf, optionNodeAt, resolveRef, type OptionSchemaNode } from './option-schema-node.ts'

/** Where the options being checked sit and what the environment gave them. */
export interface OptionProblemContext {
  /** The schema node of the checked value (the whole options object, or `baseline.policy`). */
  root: OptionSchemaNode
  /** The option path of the checked value (`baseline.policy`), or '' for the whole options object. */
  prefix: string
  /** The checked value, defaults filled in. */
  data: unknown
  /** Raw environment text by option path (`http.concurrency` -> `4,lots`), for the options it set. */
  fromEnv: ReadonlyMap<string, string>
}

/** Keywords that only summarise the errors reported beside them. */
const summaries = new Set(['anyOf', 'oneOf', 'if'])

function segmentsOf(instancePath: string): string[] {
  return instancePath === '' ? [] : instancePath.slice(1).split('/').map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
}

/** The error that says most: the deepest one (a bad `kind` inside a metric override before "must be false"). */
export function pickOptionError(errors: readonly ErrorObject[]): ErrorObject | undefined {
  const depth = (error: ErrorObject) => segmentsOf(error.instancePath).length + (error.keyword === 'additionalProperties' || error.keyword === 'required' ? 1 : 0)
  return errors.filter((error) => !summaries.has(error.keyword)).reduce<ErrorObject | undefined>((best, error) => (best === undefined || depth(error) > depth(best) ? error : best), undefined)
}

/**
 * One ajv error of an options check as a message in the project's style: the option (and its
 * environment variable), the value found, and what is allowed with the default, read from the schema:
 * ``Option `coldSamples` (or WFB_COLD_SAMPLES) is 0; it must be an integer from 1 to 100000 (default 30).``
 */
export function describeOptionProblem(error: ErrorObject, context: OptionProblemContext): string {
  const segments = segmentsOf(error.instancePath)
  const nameOf = (parts: readonly string[]) => [context.prefix, ...parts].filter((part) => part !== '').join('.')
  if (error.keyword === 'additionalProperties') {
    const key = String((error.params as { additionalProperty: string }).additionalProperty)
    return `Unknown option \`${nameOf([...segments, key])}\`. Use one of: ${formatNames(knownKeysOf(optionNodeAt(context.root, segments).node))}.`
  }
  const path = error.keyword === 'required' ? [...segments, String((error.params as { missingProperty: string }).missingProperty)] : segments
  const { node, depth } = optionNodeAt(context.root, path)
  const option = path.slice(0, depth)
  const name = nameOf(option)
  const label = `Option \`${name}\`${node.envVar === undefined ? '' : ` (or ${node.envVar})`}`
  const raw = context.fromEnv.get(name)
  const found = raw === undefined ? formatOptionValue(valueAt(context.data, option)) : isNumeric(node) ? raw : `\`${raw}\``
  if (node.enum !== undefined) return `${label} is ${found}. Use one of: ${formatNames(node.enum.map(String))}.`
  const fallback = node.default === undefined || isEmpty(node.default) ? '' : ` (default ${formatOptionValue(node.default)})`
  return `${label} is ${found}; it must be ${describeRequirement(node)}${fallback}.`
}

/** What a schema node allows, in words: `an integer from 1 to 100000`, `a list of `on`, `off``. */
export function describeRequirement(raw: OptionSchemaNode): string {
  const node = resolveRef(raw)
  if (node.anyOf !== undefined) return node.anyOf.map(describeRequirement).join(' or ')
  if (node.const !== undefined) return JSON.stringify(node.const)
  if (node.enum !== undefined) return `one of ${formatNames(node.enum.map(String))}`
  const example = node.examples?.[0] === undefined ? '' : `, e.g. ${formatOptionValue(node.examples[0])}`
  switch (node.type) {
    case 'integer':
    case 'number':
      return `${node.type === 'integer' ? 'an integer' : isFraction(node) ? 'a fraction' : 'a number'}${describeRange(node)}`
    case 'string':
      if (node.pattern !== undefined) return `a string matching ${node.pattern}${example}`
      return node.minLength === undefined ? 'a string' : 'a non-empty string'
    case 'boolean':
      return 'true or false'
    case 'array':
      return `a ${node.minItems === undefined ? '' : 'non-empty '}list of ${describeItems(node.items ?? {})}${example}`
    case 'object': {
      const keys = knownKeysOf(node)
      if (keys.length === 0 && typeof node.additionalProperties === 'object') return `an object mapping names to ${describeRequirement(node.additionalProperties)}`
      return keys.length === 0 ? 'an object' : `an object with ${formatNames(keys)}${node.required === undefined ? '' : ` (${formatNames(node.required)} required)`}`
    }
    default:
      return 'valid'
  }
}

function describeRange(node: OptionSchemaNode): string {
  const low = node.minimum ?? node.exclusiveMinimum
  const high = node.maximum ?? node.exclusiveMaximum
  if (node.exclusiveMinimum !== undefined || node.exclusiveMaximum !== undefined) {
    return [low === undefined ? '' : ` above ${low}`, high === undefined ? '' : ` below ${high}`].filter((part) => part !== '').join(' and')
  }
  if (low !== undefined && high !== undefined) return ` from ${low} to ${high}`
  if (low !== undefined) return ` of at least ${low}`
  return high === undefined ? '' : ` of at most ${high}`
}

function describeItems(raw: OptionSchemaNode): string {
  const items = resolveRef(raw)
  if (items.enum !== undefined) return `values from ${formatNames(items.enum.map(String))}`
  if (items.type === 'integer' || items.type === 'number') return `${items.type}s${describeRange(items)}`
  if (items.type === 'string') return items.minLength === undefined ? 'strings' : 'non-empty strings'
  return 'values'
}

/** True for numeric options and lists of numbers, whose environment text is shown bare (`is 4,lots`). */
function isNumeric(node: OptionSchemaNode): boolean {
  const type = node.type === 'array' ? resolveRef(node.items ?? {}).type : node.type
  return type === 'integer' || type === 'number'
}

/** `[]` and `{}`: defaults that say nothing in a message. */
function isEmpty(value: unknown): boolean {
  return typeof value === 'object' && value !== null && Object.keys(value).length === 0
}

/** A number limited to at most 1 (`precision`, `falseDiscoveryRate`). */
function isFraction(node: OptionSchemaNode): boolean {
  const high = node.maximum ?? node.exclusiveMaximum
  return high !== undefined && high <= 1
}

function valueAt(data: unknown, segments: readonly string[]): unknown {
  let value = data
  for (const segment of segments) value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[segment] : undefined
  return value
}

/** An option value for messages and the option table: `30`, `` `bench-results` ``, `` `[1, 4, 16]` ``, `` `['html']` ``. */
export function formatOptionValue(value: unknown): string {
  if (value === undefined) return 'missing'
  if (typeof value === 'string') return `\`${value}\``
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (Array.isArray(value) && value.every((item) => typeof item === 'string' || typeof item === 'number')) {
    return `\`[${value.map((item) => (typeof item === 'string' ? `'${item}'` : String(item))).join(', ')}]\``
  }
  const text = JSON.stringify(value) ?? typeof value
  return `\`${text.length > 60 ? `${text.slice(0, 59)}…` : text}\``
}
