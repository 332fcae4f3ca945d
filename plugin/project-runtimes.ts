import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { BenchError, formatNames } from './errors.ts'
import type { RuntimeAdapter } from './types.ts'

/** What a project's runtime module exports: `runtime` (one adapter) and/or `runtimes` (several). */
interface RuntimeModule {
  runtime?: unknown
  runtimes?: unknown
}

function isAdapter(value: unknown): value is RuntimeAdapter {
  const adapter = value as Partial<RuntimeAdapter> | null
  return typeof adapter === 'object' && adapter !== null && typeof adapter.name === 'string' && /^[a-z0-9][a-z0-9-]*$/.test(adapter.name)
    && typeof adapter.title === 'string' && Array.isArray(adapter.modes) && typeof adapter.detect === 'function' && typeof adapter.start === 'function'
}

/** Absolute paths of the project's runtime modules (`runtimeModules` option, relative to the Vitest root). */
export function resolveRuntimeModulePaths(root: string, modules: readonly string[]): string[] {
  return modules.map((path) => resolve(root, path))
}

/**
 * Imports the project's runtime modules and returns their adapters by name. Each module exports
 * `runtime` (a {@link RuntimeAdapter}) or `runtimes` (an array of them); a name may not repeat a
 * built-in runtime's (`builtinRuntimes`, the registry's) or another module's.
 * @throws BenchError `invalid-option` naming the module and the fix.
 */
export async function loadProjectRuntimes(paths: readonly string[], builtinRuntimes: Readonly<Record<string, RuntimeAdapter>>): Promise<Map<string, RuntimeAdapter>> {
  const found = new Map<string, RuntimeAdapter>()
  for (const path of paths) {
    let module: RuntimeModule
    try {
      module = (await import(pathToFileURL(path).href)) as RuntimeModule
    } catch (error) {
      throw new BenchError('invalid-option', `Runtime module \`${path}\` (option \`runtimeModules\`) failed to load: ${String(error)}. Fix the path or the error in that file.`, { cause: error })
    }
    const exported = [...(module.runtime === undefined ? [] : [module.runtime]), ...(Array.isArray(module.runtimes) ? module.runtimes as unknown[] : [])]
    if (exported.length === 0 || !exported.every(isAdapter)) {
      throw new BenchError('invalid-option', `Runtime module \`${path}\` must export \`runtime\` (or \`runtimes\`, an array): an adapter with a kebab-case \`name\`, \`title\`, \`modes\`, \`detect()\` and \`start()\` (see RuntimeAdapter in wasm-faas-bench's types).`)
    }
    for (const adapter of exported) {
      if (Object.hasOwn(builtinRuntimes, adapter.name) || found.has(adapter.name)) {
        throw new BenchError('invalid-option', `Runtime \`${adapter.name}\` from \`${path}\` is already defined (built-in or in another module). Give it another name.`)
      }
      found.set(adapter.name, adapter)
    }
  }
  return found
}

/**
 * The adapter of a runtime by name: a built-in one, else one of the project's modules (imported
 * again inside a bench worker, which cannot receive functions from the main process).
 * @throws BenchError `unknown-runtime` naming the valid ones.
 */
export async function resolveRuntimeAdapter(name: string, modulePaths: readonly string[], builtinRuntimes: Readonly<Record<string, RuntimeAdapter>>): Promise<RuntimeAdapter> {
  const builtin = Object.hasOwn(builtinRuntimes, name) ? builtinRuntimes[name] : undefined
  if (builtin !== undefined) return builtin
  const project = await loadProjectRuntimes(modulePaths, builtinRuntimes)
  const adapter = project.get(name)
  if (adapter === undefined) throw new BenchError('unknown-runtime', `Unknown runtime \`${name}\`. Use one of: ${formatNames([...Object.keys(builtinRuntimes), ...project.keys()])}.`)
  return adapter
}

/**
 * The built-in runtimes and the project's (`runtimeModules`, or a command's `--runtime-module`) in
 * one map by name, built-in ones first.
 * @throws BenchError `invalid-option` as {@link loadProjectRuntimes} does.
 */
export async function withProjectRuntimes(builtinRuntimes: Readonly<Record<string, RuntimeAdapter>>, modulePaths: readonly string[]): Promise<Record<string, RuntimeAdapter>> {
  if (modulePaths.length === 0) return { ...builtinRuntimes }
  return { ...builtinRuntimes, ...Object.fromEntries(await loadProjectRuntimes(modulePaths, builtinRuntimes)) }
}
