import { optionsSchema, resolveRef, type OptionSchemaNode } from './option-schema-node.ts'

/** Reads one environment variable whose text is not a plain value or list (`WFB_PARAMS`); gets the config's value. */
export type EnvParser = (text: string, configured: unknown) => unknown

/** The options with the environment applied, and the raw text of every option the environment set (for messages). */
export interface EnvOverrides {
  options: Record<string, unknown>
  fromEnv: Map<string, string>
}

/**
 * Applies the environment variables the options schema names (`envVar`) over the user's options: a
 * non-empty variable wins over the config. Numbers and comma-separated lists are read by the schema's
 * type (text that is not a number stays text, so the check reports it as given); variables with their
 * own syntax are read by `parsers`, keyed by variable name. The input is not changed.
 */
export function applyEnvOverrides(
  user: object,
  env: NodeJS.ProcessEnv,
  parsers: Readonly<Record<string, EnvParser>> = {},
  /** A part of the options (`{ definition: 'HttpOptions', prefix: 'http' }`); default the whole options object. */
  where: { definition?: string; prefix?: string } = {},
): EnvOverrides {
  const fromEnv = new Map<string, string>()
  const schema = where.definition === undefined ? optionsSchema : resolveRef({ $ref: `#/definitions/${where.definition}` })
  const prefix = where.prefix === undefined ? '' : `${where.prefix}.`
  const options = overlay(schema, user as Record<string, unknown>, prefix, env, parsers, fromEnv) ?? { ...user }
  return { options, fromEnv }
}

function overlay(schema: OptionSchemaNode, user: Record<string, unknown>, prefix: string, env: NodeJS.ProcessEnv, parsers: Readonly<Record<string, EnvParser>>, fromEnv: Map<string, string>): Record<string, unknown> | undefined {
  let result: Record<string, unknown> | undefined
  for (const [key, raw] of Object.entries(schema.properties ?? {})) {
    const node = resolveRef(raw)
    const name = `${prefix}${key}`
    const text = node.envVar === undefined ? undefined : env[node.envVar]?.trim()
    let value: unknown
    if (text !== undefined && text !== '' && node.envVar !== undefined) {
      const parser = parsers[node.envVar]
      value = parser === undefined ? parseByType(node, text) : parser(text, user[key])
      fromEnv.set(name, text)
    } else if (node.type === 'object' && node.properties !== undefined) {
      const inner = user[key]
      value = overlay(node, typeof inner === 'object' && inner !== null ? inner as Record<string, unknown> : {}, `${name}.`, env, parsers, fromEnv)
    }
    if (value === undefined) continue
    result ??= { ...user }
    result[key] = value
  }
  return result
}

/** `30` -> 30 for numeric options, `a, b` -> ['a', 'b'] for lists; anything else stays text. */
function parseByType(node: OptionSchemaNode, text: string): unknown {
  if (node.type === 'array') {
    const items = text.split(',').map((item) => item.trim()).filter((item) => item !== '')
    return items.map((item) => parseByType(resolveRef(node.items ?? {}), item))
  }
  if ((node.type === 'integer' || node.type === 'number') && /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text)) return Number(text)
  return text
}
