import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { generateAllTypes, generateResultTypes, schemaDir } from './generate-types.ts'

describe('generated schema types', () => {
  test('schema/results.d.ts is what `npm run gen:types` generates from schema/results.schema.json', async () => {
    const committed = await readFile(join(schemaDir, 'results.d.ts'), 'utf8')
    expect(await generateResultTypes(), 'schema/results.d.ts is stale: run `npm run gen:types`').toBe(committed)
  })

  test('every schema/*.d.ts (baseline.d.ts too) is what `npm run gen:types` generates', async () => {
    for (const { typesPath, text } of await generateAllTypes()) {
      expect(text, `${typesPath} is stale: run \`npm run gen:types\``).toBe(await readFile(typesPath, 'utf8'))
    }
  })

  test('the banner says the file is generated and how to regenerate it', async () => {
    expect((await generateResultTypes()).split('\n').slice(0, 4)).toEqual([
      '/**',
      ' * Generated from schema/results.schema.json by plugin/build/generate-types.ts. Do not edit:',
      ' * change the schema, then run `npm run gen:types`.',
      ' */',
    ])
  })

  test('every *.schema.json in a folder gets its own .d.ts, references between schemas included', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wfb-schemas-'))
    try {
      await copyFile(join(schemaDir, 'results.schema.json'), join(dir, 'results.schema.json'))
      await writeFile(join(dir, 'baseline.schema.json'), JSON.stringify({
        $schema: 'http://json-schema.org/draft-07/schema#',
        title: 'BaselineFile',
        description: 'A stored baseline.',
        type: 'object',
        additionalProperties: false,
        required: ['coldStartMs'],
        properties: { coldStartMs: { $ref: 'results.schema.json#/definitions/MetricSummary' } },
      }))
      await writeFile(join(dir, 'notes.json'), '{}')
      const generated = await generateAllTypes(dir)
      expect(generated.map(({ schemaPath, typesPath }) => [schemaPath, typesPath])).toEqual([
        [join(dir, 'baseline.schema.json'), join(dir, 'baseline.d.ts')],
        [join(dir, 'results.schema.json'), join(dir, 'results.d.ts')],
      ])
      expect(generated[0]?.text).toContain('export interface BaselineFile {\n  coldStartMs: MetricSummary\n}')
      expect(generated[0]?.text).toContain('export interface MetricSummary {')
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
