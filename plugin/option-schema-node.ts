import schemaJson from '../schema/options.schema.json' with { type: 'json' }

/** The parts of a JSON Schema node of schema/options.schema.json that the option code reads. */
export interface OptionSchemaNode {
  $ref?: string
  title?: string
  description?: string
  type?: string
  enum?: unknown[]
  const?: unknown
  anyOf?: OptionSchemaNode[]
  properties?: Record<string, OptionSchemaNode>
  additionalProperties?: boolean | OptionSchemaNode
  required?: string[]
  items?: OptionSchemaNode
  minItems?: number
  minimum?: number
  maximum?: number
  exclusiveMinimum?: number
  exclusiveMaximum?: number
  minLength?: number
  pattern?: string
  examples?: unknown[]
  default?: unknown
  /** The environment variable that overrides the option (an annotation of this project's schema). */
  envVar?: string
  /** The default in words, where it is not one value. */
  defaultText?: string
  definitions?: Record<string, OptionSchemaNode>
}

/** schema/options.schema.json: the plugin options, their defaults, limits and environment overrides. */
export const optionsSchema = schemaJson as unknown as OptionSchemaNode

/** Follows a local `$ref` (`#/definitions/Name`) of the options schema; any other node is returned as it is. */
export function resolveRef(node: OptionSchemaNode): OptionSchemaNode {
  if (node.$ref === undefined) return node
  const name = node.$ref.replace(/^#\/definitions\//, '')
  const target = optionsSchema.definitions?.[name]
  if (target === undefined) throw new Error(`schema/options.schema.json: no definition for ${node.$ref}`)
  // Keywords beside the `$ref` (a `default`) apply too.
  const siblings = { ...node }
  delete siblings.$ref
  return { ...resolveRef(target), ...siblings }
}

/** The object branch of a node that may also be something else (`false` or a metric policy). */
function objectBranch(node: OptionSchemaNode): OptionSchemaNode {
  const branch = node.anyOf?.map(resolveRef).find((candidate) => candidate.type === 'object')
  return branch ?? node
}

/**
 * The schema node of the option at `segments` below `start` (`['http', 'concurrency']`), and how many
 * segments lead to it: the walk stops at an array, so that a bad item is reported as its list.
 */
export function optionNodeAt(start: OptionSchemaNode, segments: readonly string[]): { node: OptionSchemaNode; depth: number } {
  let node = resolveRef(start)
  for (const [index, segment] of segments.entries()) {
    if (node.type === 'array') return { node, depth: index }
    const parent = objectBranch(node)
    const child = parent.properties?.[segment] ?? (typeof parent.additionalProperties === 'object' ? parent.additionalProperties : undefined)
    if (child === undefined) return { node, depth: index }
    node = resolveRef(child)
  }
  return { node, depth: segments.length }
}

/** The property names an object option allows, in the schema's order (none for a map such as `params`). */
export function knownKeysOf(node: OptionSchemaNode): string[] {
  return Object.keys(objectBranch(resolveRef(node)).properties ?? {})
}
