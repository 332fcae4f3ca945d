import { access, readdir } from 'node:fs/promises'
import { basename, join, relative } from 'node:path'
import { pathToFileURL } from 'node:url'
import { BenchError, formatNames } from '../errors.ts'
import { packagePath, packageRoot } from '../package-paths.ts'
import type { Workload, WorkloadDefinition } from '../types.ts'

/** Absolute path of the built-in workloads (noop, fib, html) and the shared C harness (`<package>/workloads`). */
export const workloadsDir = packagePath('workloads')

/** Absolute path of the test-only workloads that fail on purpose (`<package>/fixtures/testdata`). */
export const testdataDir = packagePath('fixtures', 'testdata')

/** Folder name inside a workloads folder that holds the shared C harness, not a workload. */
export const harnessFolderName = 'common'

/** Folder names under `dir` that are workloads: every folder except `common` and dot-folders, sorted. */
export async function listWorkloadFolders(dir: string): Promise<string[]> {
  let entries
  try {
    entries = await readdir(dir, { withFileTypes: true })
  } catch (error) {
    throw new BenchError('invalid-workload', `Workloads folder \`${dir}\` cannot be read. Check the path, or create it with one folder per workload.`, { cause: error })
  }
  return entries
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== harnessFolderName)
    .map((entry) => entry.name)
    .sort()
}

/**
 * Discovers every `<dir>/<folder>/workload.ts` of each folder in `dirs`, imports it and checks it
 * against its folder: the exported `workload` is a valid definition named after the folder, and
 * `<name>.c` and `<name>.wasm` exist beside it. Default: the built-in {@link workloadsDir}. Keyed and
 * sorted by name; a name found in two folders is an error (which one would run is a guess).
 * @throws BenchError `invalid-workload` naming the file and the fix.
 */
export async function loadWorkloads(dirs: string | readonly string[] = workloadsDir): Promise<Map<string, Workload>> {
  const workloads = new Map<string, Workload>()
  for (const dir of typeof dirs === 'string' ? [dirs] : dirs) {
    for (const folder of await listWorkloadFolders(dir)) {
      const workload = await loadWorkload(join(dir, folder))
      const earlier = workloads.get(folder)
      if (earlier !== undefined) {
        throw new BenchError('invalid-workload', `Workload \`${folder}\` is defined twice: in \`${displayPath(earlier.dir)}\` and \`${displayPath(workload.dir)}\`. Rename one of the folders (the built-in workloads are ${formatNames(await listWorkloadFolders(workloadsDir))}).`)
      }
      workloads.set(folder, workload)
    }
  }
  return new Map([...workloads].sort(([a], [b]) => a.localeCompare(b)))
}

async function loadWorkload(folderPath: string): Promise<Workload> {
  const folder = displayPath(folderPath)
  const modulePath = await findDefinitionModule(folderPath)
  const shown = displayPath(modulePath ?? join(folderPath, 'workload.ts'))
  if (modulePath === undefined) {
    throw new BenchError(
      'invalid-workload',
      `\`${folder}\` has no workload.ts. Add \`${shown}\` with \`export const workload = defineWorkload({ name, description, params, args, expected })\`, or move the folder out of the workloads folder.`,
    )
  }
  let module: unknown
  try {
    module = await import(pathToFileURL(modulePath).href)
  } catch (error) {
    throw new BenchError('invalid-workload', `\`${shown}\` failed to load: ${String(error)}. Fix the error in that file.`, { cause: error })
  }
  const definition = (module as { workload?: unknown }).workload
  const problem = describeDefinitionProblem(definition)
  if (problem !== undefined) {
    throw new BenchError(
      'invalid-workload',
      `\`${shown}\` ${problem}. It must export \`const workload = defineWorkload({ name, description, params, args, expected })\`.`,
    )
  }
  const valid = definition as WorkloadDefinition
  const expectedName = basename(folderPath)
  if (valid.name !== expectedName) {
    throw new BenchError(
      'invalid-workload',
      `\`${shown}\` declares name \`${valid.name}\` but its folder is \`${expectedName}\`. Rename the folder or the workload so they match.`,
    )
  }
  const sourcePath = join(folderPath, `${valid.name}.c`)
  if (!(await exists(sourcePath))) {
    throw new BenchError('invalid-workload', `Workload \`${valid.name}\` has no C source \`${displayPath(sourcePath)}\`. Add it (it implements \`wfb_main\` from workloads/common/wfb.h).`)
  }
  const wasmPath = join(folderPath, `${valid.name}.wasm`)
  if (!(await exists(wasmPath))) {
    throw new BenchError('invalid-workload', `Workload \`${valid.name}\` has no built module \`${displayPath(wasmPath)}\`. Build it with \`npm run build:workloads\` and commit the .wasm.`)
  }
  return { ...valid, dir: folderPath, wasmPath, sourcePath }
}

/** Why `value` is not a usable WorkloadDefinition, or undefined when it is. */
function describeDefinitionProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return 'does not export `workload`'
  const definition = value as Partial<Record<keyof WorkloadDefinition, unknown>>
  if (typeof definition.name !== 'string' || definition.name === '') return 'exports a `workload` without a `name`'
  if (typeof definition.description !== 'string') return `exports workload \`${definition.name}\` without a \`description\``
  if (typeof definition.args !== 'function') return `exports workload \`${definition.name}\` without an \`args\` function`
  if (typeof definition.expected !== 'function') return `exports workload \`${definition.name}\` without an \`expected\` function`
  if (typeof definition.params !== 'object' || definition.params === null) return `exports workload \`${definition.name}\` without \`params\` (use \`{}\` for none)`
  for (const [param, spec] of Object.entries(definition.params)) {
    const { min, max, default: fallback } = (spec ?? {}) as Partial<Record<'min' | 'max' | 'default', unknown>>
    const integers = [min, max, fallback].every((n) => Number.isSafeInteger(n))
    if (!integers || (min as number) > (fallback as number) || (fallback as number) > (max as number)) {
      return `declares parameter \`${param}\` with min/default/max ${String(min)}/${String(fallback)}/${String(max)}; they must be integers with min <= default <= max`
    }
  }
  return undefined
}

/** File names a workload definition may have: TypeScript (Node strips the types) or JavaScript, as in the built package. */
export const definitionFileNames = ['workload.ts', 'workload.mts', 'workload.js', 'workload.mjs'] as const

async function findDefinitionModule(folderPath: string): Promise<string | undefined> {
  for (const name of definitionFileNames) {
    const path = join(folderPath, name)
    if (await exists(path)) return path
  }
  return undefined
}

function displayPath(path: string): string {
  const inRepo = relative(packageRoot, path)
  return inRepo.startsWith('..') ? path : inRepo
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path)
    return true
  } catch {
    return false
  }
}
