import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { describeRequirement, formatOptionValue } from '../describe-option-problem.ts'
import { optionsSchema, resolveRef, type OptionSchemaNode } from '../option-schema-node.ts'

/** The documentation files holding a generated option table, and the options each lists (by path prefix; '' = all). */
export const optionTables = [
  { path: fileURLToPath(new URL('../../docs/configuration.md', import.meta.url)), prefix: '' },
  { path: fileURLToPath(new URL('../../docs/http.md', import.meta.url)), prefix: 'http.' },
] as const

const startMarker = '<!-- options-table:start (generated from schema/options.schema.json by `npm run gen:types`; do not edit) -->'
const endMarker = '<!-- options-table:end -->'

/** One row of the option table: an option path and what the schema says about it. */
export interface OptionRow {
  name: string
  defaultText: string
  /** The type and limits, in words (`an integer from 1 to 100000`). */
  allowed: string
  envVar: string
  description: string
}

/**
 * Every option of schema/options.schema.json as a row, in the schema's order: options with their own
 * properties (`http`, `baseline`) are listed by their parts (`http.durationMs`), and also as a whole
 * when an environment variable or a default in words belongs to the whole (`baseline.policy`).
 */
export function listOptions(node: OptionSchemaNode = optionsSchema, prefix = '', required: readonly string[] = []): OptionRow[] {
  return Object.entries(node.properties ?? {}).flatMap(([key, raw]) => {
    const option = resolveRef(raw)
    const name = `${prefix}${key}`
    const nested = option.properties === undefined ? [] : listOptions(option, `${name}.`, option.required ?? [])
    const whole = option.properties === undefined || option.envVar !== undefined || option.defaultText !== undefined
    const row: OptionRow = {
      name,
      defaultText: required.includes(key) ? 'required' : describeDefault(option),
      allowed: describeRequirement(option),
      envVar: option.envVar === undefined ? '' : `\`${option.envVar}\``,
      description: option.description ?? '',
    }
    return whole ? [row, ...nested] : nested
  })
}

/** The Markdown option table of the options under `prefix` (all for ''), as docs/configuration.md shows it. */
export function renderOptionsTable(prefix = ''): string {
  const rows = listOptions().filter((row) => row.name.startsWith(prefix))
  return [
    '| option | default | allowed | environment override | what it does |',
    '|---|---|---|---|---|',
    ...rows.map((row) => `| \`${row.name}\` | ${row.defaultText} | ${cell(row.allowed)} | ${row.envVar} | ${cell(row.description)} |`),
  ].join('\n')
}

/** An option's default for people: its `defaultText`, its `default` formatted, or `none`. */
export function describeDefault(option: OptionSchemaNode): string {
  if (option.defaultText !== undefined) return option.defaultText
  const value = option.default
  return value === undefined || (typeof value === 'object' && value !== null && Object.keys(value).length === 0) ? 'none' : formatOptionValue(value)
}

/**
 * A copy of a JSON Schema in which every option (a node with `envVar`, `default` or `defaultText`)
 * has its default, what it allows and its environment variable appended to its description, so that
 * the generated TypeScript declarations show them on hover. Other schemas come back unchanged.
 */
export function annotateOptionDescriptions(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(annotateOptionDescriptions)
  if (typeof schema !== 'object' || schema === null) return schema
  const node = Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, key === 'default' || key === 'examples' || key === 'enum' || key === 'const' ? value : annotateOptionDescriptions(value)])) as OptionSchemaNode
  if (node.$ref !== undefined) {
    // `{ $ref, default: {} }` only asks ajv to fill in the object; beside the `$ref` the generator would make a second type of it.
    delete node.default
    return node
  }
  const isOption = node.envVar !== undefined || node.default !== undefined || node.defaultText !== undefined
  if (!isOption || node.description === undefined) return node
  const facts = [`Default: ${describeDefault(node)}.`]
  if (node.properties === undefined) facts.push(`Allowed: ${describeRequirement(node)}.`)
  if (node.envVar !== undefined) facts.push(`Environment: \`${node.envVar}\`.`)
  return { ...node, description: `${node.description}\n\n${facts.join(' ')}` }
}

/** Text safe inside a Markdown table cell. */
function cell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ')
}

/** `text` with the generated block between the option-table markers replaced by `table`; undefined when the markers are missing. */
export function replaceOptionsTable(text: string, table: string): string | undefined {
  const start = text.indexOf(startMarker)
  const end = text.indexOf(endMarker)
  if (start === -1 || end < start) return undefined
  return `${text.slice(0, start + startMarker.length)}\n${table}\n${text.slice(end)}`
}

/** Each documentation file with its option table regenerated: `{ path, current, updated }` (updated undefined: no markers). */
export async function generateOptionTables(): Promise<Array<{ path: string; current: string; updated: string | undefined }>> {
  return Promise.all(optionTables.map(async ({ path, prefix }) => {
    const current = await readFile(path, 'utf8')
    return { path, current, updated: replaceOptionsTable(current, renderOptionsTable(prefix)) }
  }))
}

export { startMarker as optionsTableStart, endMarker as optionsTableEnd }
