import { join } from 'node:path'
import { cruise, type ICruiseResult } from 'dependency-cruiser'
import { packageRoot } from '../package-paths.ts'

/** One import between two files of the repository (paths relative to the repository root). */
export interface FileImport {
  from: string
  to: string
}

/** The import graph of plugin/ and fixtures/ that `npm run deps:graph` prints and import-graph.test.ts checks. */
export interface ImportGraph {
  /** Every import between two source files (tests excluded). */
  fileImports: FileImport[]
  /** Import cycles between files, as dependency-cruiser reports them: each a list of files, the first repeated at the end. */
  fileCycles: string[][]
}

/**
 * The files that may import the built-in adapters (fixtures/): the entry points that hand the
 * registries down to the core (the Vitest plugin, the bench-file API and the CLI). Tests are not
 * part of the graph.
 */
export const entryPoints: readonly string[] = ['plugin/index.ts', 'plugin/bench.ts', 'plugin/cli.ts']

/** The folders the graph covers. */
export const graphRoots: readonly string[] = ['plugin', 'fixtures']

/**
 * The node of the folder graph a file belongs to: its folder below plugin/ or fixtures/
 * (`plugin/harness/`, `fixtures/runc/`); a file directly in plugin/ or fixtures/ is a node of its
 * own (`plugin/types.ts`), as those are the package's entry points and shared modules.
 */
export function folderOf(path: string): string {
  const match = /^((?:plugin|fixtures)\/[^/]+\/)/.exec(path)
  return match?.[1] ?? path
}

/**
 * Reads the import graph of plugin/ and fixtures/ with dependency-cruiser (type-only imports
 * included: they tie folders together as much as value imports do). Test files, node_modules and
 * Node's own modules are left out.
 */
export async function readImportGraph(root: string = packageRoot): Promise<ImportGraph> {
  const reported = await cruise([...graphRoots], {
    baseDir: root,
    exclude: { path: String.raw`\.test\.ts$|(^|/)node_modules/|^dist/` },
    doNotFollow: { path: 'node_modules' },
    includeOnly: { path: '^(plugin|fixtures)/' },
    tsPreCompilationDeps: true,
    validate: true,
    ruleSet: { forbidden: [{ name: 'no-file-cycle', severity: 'error', from: {}, to: { circular: true } }] },
  }, undefined, { tsConfig: { fileName: join(root, 'tsconfig.json') } })
  const result = reported.output as ICruiseResult
  const fileImports: FileImport[] = []
  for (const module of result.modules) {
    for (const dependency of module.dependencies) {
      if (dependency.coreModule || dependency.couldNotResolve) continue
      fileImports.push({ from: module.source, to: dependency.resolved })
    }
  }
  const fileCycles = result.summary.violations
    .filter((violation) => violation.rule.name === 'no-file-cycle')
    .map((violation) => [violation.from, ...(violation.cycle ?? []).map((step) => step.name)])
  return { fileImports, fileCycles: dedupeCycles(fileCycles) }
}

/** Each cycle once, whichever of its files dependency-cruiser started it from. */
function dedupeCycles(cycles: string[][]): string[][] {
  const seen = new Set<string>()
  return cycles.filter((cycle) => {
    const key = [...new Set(cycle)].sort().join('\n')
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/** Imports between folder nodes (see {@link folderOf}), with how many file imports each stands for. */
export function folderEdges(fileImports: readonly FileImport[]): Map<string, Map<string, number>> {
  const edges = new Map<string, Map<string, number>>()
  for (const { from, to } of fileImports) {
    const source = folderOf(from)
    const target = folderOf(to)
    if (source === target) continue
    const targets = edges.get(source) ?? new Map<string, number>()
    targets.set(target, (targets.get(target) ?? 0) + 1)
    edges.set(source, targets)
  }
  return edges
}

/**
 * The strongly connected components of more than one node of a directed graph (Tarjan's
 * algorithm): each is a set of folders that import each other, directly or around a loop.
 */
export function findCycles(edges: ReadonlyMap<string, ReadonlyMap<string, number>>): string[][] {
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const components: string[][] = []
  const visit = (node: string): void => {
    index.set(node, index.size)
    low.set(node, index.get(node) as number)
    stack.push(node)
    onStack.add(node)
    for (const next of edges.get(node)?.keys() ?? []) {
      if (!index.has(next)) {
        visit(next)
        low.set(node, Math.min(low.get(node) as number, low.get(next) as number))
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node) as number, index.get(next) as number))
      }
    }
    if (low.get(node) !== index.get(node)) return
    const component: string[] = []
    for (let member = stack.pop(); member !== undefined; member = member === node ? undefined : stack.pop()) {
      onStack.delete(member)
      component.push(member)
    }
    if (component.length > 1) components.push(component.sort())
  }
  for (const node of [...edges.keys()].sort()) if (!index.has(node)) visit(node)
  return components.sort((a, b) => (a[0] ?? '').localeCompare(b[0] ?? ''))
}

/** Pairs of folder nodes that import each other directly. */
export function twoWayPairs(edges: ReadonlyMap<string, ReadonlyMap<string, number>>): [string, string][] {
  const pairs: [string, string][] = []
  for (const [source, targets] of edges) {
    for (const target of targets.keys()) if (source < target && edges.get(target)?.has(source) === true) pairs.push([source, target])
  }
  return pairs.sort(([a], [b]) => a.localeCompare(b))
}

/** Imports from plugin/ (the core) into fixtures/ (the built-in adapters) by a file that is not an entry point. */
export function coreImportsOfFixtures(fileImports: readonly FileImport[]): FileImport[] {
  return fileImports.filter(({ from, to }) => from.startsWith('plugin/') && to.startsWith('fixtures/') && !entryPoints.includes(from))
}

/** Imports from fixtures/ (the built-in adapters) into plugin/ other than through the public adapter API. */
export function fixtureImportsOfInternals(fileImports: readonly FileImport[], publicModules: readonly string[]): FileImport[] {
  return fileImports.filter(({ from, to }) => from.startsWith('fixtures/') && to.startsWith('plugin/') && !publicModules.includes(to))
}

/** The public module the built-in adapters import, as a user's adapter does (`wasm-faas-bench/adapter`). */
export const adapterApiModules: readonly string[] = ['plugin/adapter-api.ts']

/**
 * Internals the built-in adapters may still import, and why: the installers of the programs this
 * package builds from runners/ (WAMR, wasm3, the WAMR, wasm3 and wasmi scale hosts) and of the Wasmtime
 * C API it downloads from PyPI. They are how these built-in runtimes are installed, not something a
 * project's own adapter needs (it brings its own tool and finds it with `detectRuntimeTool`).
 */
export const adapterApiExceptions: readonly string[] = [
  'plugin/install/wamr.ts',
  'plugin/install/wasm3.ts',
  'plugin/install/wamr-scale.ts',
  'plugin/install/wasm-c-runner.ts',
  'plugin/install/wasm3-scale.ts',
  'plugin/install/wasmi-scale.ts',
  'plugin/install/wasmtime-c-api.ts',
]

/** The text `npm run deps:graph` prints: folder edges, folder cycles, file cycles and the imports that cross the core/adapter line. */
export function renderImportGraph(graph: ImportGraph): string {
  const edges = folderEdges(graph.fileImports)
  const lines = [
    'Import graph of plugin/ and fixtures/ (dependency-cruiser; tests left out).',
    'A node is a folder below plugin/ or fixtures/, or a file directly in one of them; (n) counts the file imports.',
    '',
  ]
  for (const source of [...edges.keys()].sort()) {
    const targets = [...(edges.get(source) ?? new Map<string, number>()).entries()].sort(([a], [b]) => a.localeCompare(b))
    lines.push(`${source} → ${targets.map(([target, count]) => `${target} (${count})`).join(', ')}`)
  }
  const pairs = twoWayPairs(edges)
  lines.push('', `Folders that import each other directly: ${pairs.length}`, ...pairs.map(([a, b]) => `  ${a} ⇄ ${b}`))
  const cycles = findCycles(edges)
  lines.push('', `Cycles between folders (groups that reach each other): ${cycles.length}`, ...cycles.map((cycle) => `  ${cycle.join(', ')}`))
  lines.push('', `Cycles between files: ${graph.fileCycles.length}`, ...graph.fileCycles.map((cycle) => `  ${cycle.join(' → ')}`))
  const core = coreImportsOfFixtures(graph.fileImports)
  lines.push('', `Imports of fixtures/ by plugin/ outside the entry points (${entryPoints.join(', ')}): ${core.length}`, ...core.map(({ from, to }) => `  ${from} → ${to}`))
  const internal = fixtureImportsOfInternals(graph.fileImports, adapterApiModules)
  lines.push('', `Imports of plugin/ by fixtures/ other than ${adapterApiModules.join(', ')}: ${internal.length}`, ...internal.map(({ from, to }) => `  ${from} → ${to}${adapterApiExceptions.includes(to) ? '  (allowed: a built-in runtime\'s installer)' : ''}`))
  return `${lines.join('\n')}\n`
}
