import { describe, expect, test } from 'vitest'
import { adapterApiExceptions, adapterApiModules, coreImportsOfFixtures, findCycles, fixtureImportsOfInternals, folderEdges, folderOf, readImportGraph, twoWayPairs, type FileImport } from './import-graph.ts'

const edgesOf = (pairs: Array<[string, string]>): FileImport[] => pairs.map(([from, to]) => ({ from, to }))

describe('the folder graph', () => {
  test('a file below plugin/ or fixtures/ belongs to its folder; a file directly in one is a node of its own', () => {
    expect(folderOf('plugin/harness/row-recorder.ts')).toBe('plugin/harness/')
    expect(folderOf('plugin/harness/deep/x.ts')).toBe('plugin/harness/')
    expect(folderOf('plugin/types.ts')).toBe('plugin/types.ts')
    expect(folderOf('fixtures/runc/runc-config.ts')).toBe('fixtures/runc/')
  })

  test('folders that reach each other are one cycle, whether directly or around a loop', () => {
    const edges = folderEdges(edgesOf([
      ['plugin/harness/a.ts', 'plugin/collectors/b.ts'],
      ['plugin/collectors/c.ts', 'plugin/harness/d.ts'],
      ['plugin/baseline/a.ts', 'plugin/options.ts'],
      ['plugin/options.ts', 'plugin/http/x.ts'],
      ['plugin/http/y.ts', 'plugin/baseline/z.ts'],
      ['plugin/stats/s.ts', 'plugin/types.ts'],
      ['plugin/harness/a.ts', 'plugin/harness/e.ts'],
    ]))
    expect(edges.get('plugin/harness/')).toEqual(new Map([['plugin/collectors/', 1]]))
    expect(twoWayPairs(edges)).toEqual([['plugin/collectors/', 'plugin/harness/']])
    expect(findCycles(edges)).toEqual([
      ['plugin/baseline/', 'plugin/http/', 'plugin/options.ts'],
      ['plugin/collectors/', 'plugin/harness/'],
    ])
  })

  test('a graph without a loop has no cycle', () => {
    expect(findCycles(folderEdges(edgesOf([['plugin/a/x.ts', 'plugin/b/y.ts'], ['plugin/b/y.ts', 'plugin/c/z.ts'], ['plugin/a/x.ts', 'plugin/c/z.ts']])))).toEqual([])
  })

  test('the core may import fixtures/ only from its entry points; fixtures/ import plugin/ only through the adapter API', () => {
    const imports = edgesOf([
      ['plugin/index.ts', 'fixtures/builtin-registry.ts'],
      ['plugin/paired/run-paired.ts', 'fixtures/index.ts'],
      ['fixtures/native.ts', 'plugin/adapter-api.ts'],
      ['fixtures/native.ts', 'plugin/harness/command-instance.ts'],
    ])
    expect(coreImportsOfFixtures(imports)).toEqual([{ from: 'plugin/paired/run-paired.ts', to: 'fixtures/index.ts' }])
    expect(fixtureImportsOfInternals(imports, adapterApiModules)).toEqual([{ from: 'fixtures/native.ts', to: 'plugin/harness/command-instance.ts' }])
  })
})

// The repository itself, read by dependency-cruiser (`npm run deps:graph` prints the same graph).
describe('the import graph of plugin/ and fixtures/', async () => {
  const graph = await readImportGraph()

  test('is read at all (a broken cruise would pass every check below)', () => {
    expect(graph.fileImports.length).toBeGreaterThan(300)
    expect(graph.fileImports).toContainEqual({ from: 'plugin/cli.ts', to: 'fixtures/builtin-registry.ts' })
  })

  test('has no import cycle between folders', () => {
    expect(findCycles(folderEdges(graph.fileImports))).toEqual([])
  })

  test('has no import cycle between files', () => {
    expect(graph.fileCycles).toEqual([])
  })

  test('the core imports the built-in adapters (fixtures/) only from its entry points', () => {
    expect(coreImportsOfFixtures(graph.fileImports)).toEqual([])
  })

  test('the built-in adapters import plugin/ only through the adapter API (and the listed installers)', () => {
    expect(fixtureImportsOfInternals(graph.fileImports, [...adapterApiModules, ...adapterApiExceptions])).toEqual([])
  })
})
