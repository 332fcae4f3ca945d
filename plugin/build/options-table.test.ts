import { readFile } from 'node:fs/promises'
import { describe, expect, test } from 'vitest'
import { defaultPolicy } from '../baseline/policy.ts'
import { resolveOptions } from '../options.ts'
import { generateOptionTables, listOptions, optionsTableEnd, optionsTableStart, optionTables, replaceOptionsTable } from './options-table.ts'

/** The rows of the generated table in a documentation file: option name -> default cell. */
async function documentedDefaults(path: string): Promise<Map<string, string>> {
  const text = await readFile(path, 'utf8')
  const block = text.slice(text.indexOf(optionsTableStart), text.indexOf(optionsTableEnd))
  const rows = block.split('\n').filter((line) => line.startsWith('| `'))
  return new Map(rows.map((line) => {
    const [name = '', defaultText = ''] = line.split(' | ').map((cell) => cell.trim())
    return [name.replace(/^\| /, '').replaceAll('`', ''), defaultText]
  }))
}

describe('the option tables of the docs', () => {
  test('each is what `npm run gen:types` generates from schema/options.schema.json', async () => {
    for (const { path, current, updated } of await generateOptionTables()) {
      expect(updated, `${path} lost its option-table markers`).toBeDefined()
      expect(current, `${path}: option table stale, run \`npm run gen:types\``).toBe(updated)
    }
  })

  test('docs/configuration.md lists every schema option with its schema default, and nothing else', async () => {
    const documented = await documentedDefaults(optionTables[0].path)
    const rows = listOptions()
    expect([...documented.keys()]).toEqual(rows.map((row) => row.name))
    for (const row of rows) expect(documented.get(row.name), row.name).toBe(row.defaultText)
  })

  test('the documented defaults are what the options resolve to (warmBatches 10, minWarmBatches 5, …)', async () => {
    const documented = await documentedDefaults(optionTables[0].path)
    const resolved = resolveOptions({}, ['native'], {})
    for (const name of ['coldSamples', 'minColdSamples', 'warmupRuns', 'warmBatches', 'minWarmBatches', 'warmRepeats', 'precision', 'phaseBudgetMs', 'timeoutMs', 'valgrindRuns'] as const) {
      expect(documented.get(name), name).toBe(String(resolved[name]))
    }
    expect(documented.get('warmBatches')).toBe('10')
    expect(documented.get('http.durationMs')).toBe(String(resolved.http.durationMs))
    expect(documented.get('baseline.dir')).toBe(`\`${resolved.baseline.dir}\``)
  })

  test('the judging policy defaults in words are plugin/baseline/policy.ts\'s', async () => {
    const documented = await documentedDefaults(optionTables[0].path)
    expect(documented.get('baseline.policy.falseDiscoveryRate')).toBe(String(defaultPolicy.falseDiscoveryRate))
    expect(documented.get('baseline.policy.maxOtherLoadCores')).toBe(String(defaultPolicy.maxOtherLoadCores))
    expect(documented.get('baseline.policy.otherMachineMinEffect')).toBe(String(defaultPolicy.otherMachineMinEffect))
    expect(documented.get('baseline.policy.referenceRuntime')).toBe(`\`${defaultPolicy.referenceRuntime}\``)
    expect(documented.get('baseline.policy.minEffect')).toBe(String(defaultPolicy.metrics.coldStartMs?.minEffect))
  })

  test('the block between the markers is replaced, the text around it kept; no markers, no table', () => {
    const text = `intro\n${optionsTableStart}\nold\n${optionsTableEnd}\nafter\n`
    expect(replaceOptionsTable(text, '| new |')).toBe(`intro\n${optionsTableStart}\n| new |\n${optionsTableEnd}\nafter\n`)
    expect(replaceOptionsTable('no markers', '| new |')).toBeUndefined()
  })
})
