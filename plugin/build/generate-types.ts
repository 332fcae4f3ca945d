import { readdir, readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { compile, type JSONSchema } from 'json-schema-to-typescript'
import { annotateOptionDescriptions } from './options-table.ts'

/** Absolute path of the folder holding the JSON Schemas (`*.schema.json`) and the types generated from them (`*.d.ts`). */
export const schemaDir = fileURLToPath(new URL('../../schema/', import.meta.url))

/** One schema and the TypeScript declarations generated from it. */
export interface GeneratedTypes {
  /** Absolute path of `schema/<name>.schema.json`. */
  schemaPath: string
  /** Absolute path of `schema/<name>.d.ts`, where the text belongs. */
  typesPath: string
  text: string
}

/**
 * Generates TypeScript declarations from one JSON Schema file with json-schema-to-typescript:
 * one named type per titled definition (all definitions, used or not), exact objects unless the
 * schema allows more, and a banner saying how to regenerate. Deterministic for a given schema.
 * Options (schema/options.schema.json) get their default, limits and environment variable in their doc comment.
 */
export async function generateTypes(schemaPath: string): Promise<string> {
  const name = schemaPath.split(/[\\/]/).at(-1) ?? schemaPath
  const banner = [
    '/**',
    ` * Generated from schema/${name} by plugin/build/generate-types.ts. Do not edit:`,
    ' * change the schema, then run `npm run gen:types`.',
    ' */',
  ].join('\n')
  const schema = annotateOptionDescriptions(JSON.parse(await readFile(schemaPath, 'utf8'))) as JSONSchema
  return compile(schema, schemaPath.replace(/\.json$/, ''), {
    cwd: dirname(schemaPath),
    bannerComment: banner,
    additionalProperties: false,
    unreachableDefinitions: true,
    // `minItems: 1` would otherwise become tuple types such as `[number, ...number[]]`.
    ignoreMinAndMaxItems: true,
    // The repository's own style, so the generated file reads like the rest.
    style: { semi: false, singleQuote: true, printWidth: 120, trailingComma: 'all' },
  })
}

/** Generates the types of every `*.schema.json` in `dir` (default: the repository's schema folder), sorted by name. */
export async function generateAllTypes(dir: string = schemaDir): Promise<GeneratedTypes[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.schema.json')).sort()
  return Promise.all(names.map(async (name) => {
    const schemaPath = join(dir, name)
    return { schemaPath, typesPath: join(dir, name.replace(/\.schema\.json$/, '.d.ts')), text: await generateTypes(schemaPath) }
  }))
}

/** The text of schema/results.d.ts, generated from schema/results.schema.json. */
export async function generateResultTypes(): Promise<string> {
  return generateTypes(join(schemaDir, 'results.schema.json'))
}
