import { open, readdir } from 'node:fs/promises'
import { basename, join, relative, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { BenchError, formatNames } from '../errors.ts'
import { packagePath, packageRoot } from '../package-paths.ts'
import { pathExists } from '../system/path-exists.ts'
import type { Workload, WorkloadDefinition } from '../types.ts'
import { describeDefinitionProblem, describeModuleHeader } from './definition-problem.ts'

/** Absolute path of the built-in workloads (noop, fib, html) and the shared C harness (`<package>/workloads`). */
export const workloadsDir = packagePath('workloads')

/** Absolute path of the test-only workloads that fail on purpose (`<repository>/test-data`; not in the published package). */
export const testdataDir = packagePath('test-data')

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
 * `<name>.c` and `<name>.wasm` exist beside it (a C workload) or its `wasm` names a core WebAssembly
 * module (a prebuilt workload). Default: the built-in {@link workloadsDir}. Keyed and
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

/**
 * What a workload's name (its folder) may hold: letters, digits, `_` and `-`, as in WFB_PARAMS
 * (`fib.n=30`). The name reaches a C compiler's `-D`, URL paths and file names, where quotes, `;`,
 * `$` or spaces break the build or the HTTP path.
 */
export const workloadNamePattern = /^[A-Za-z0-9_][\w-]*$/

async function loadWorkload(folderPath: string): Promise<Workload> {
  const folder = displayPath(folderPath)
  const name = basename(folderPath)
  if (!workloadNamePattern.test(name)) {
    throw new BenchError(
      'invalid-workload',
      `Workload folder \`${folder}\` has the name ${JSON.stringify(name)}, which holds characters a workload name cannot: use only letters, digits, \`_\` and \`-\` (the name reaches the C compiler's \`-D\`, URL paths and file names). Rename the folder (and the workload's \`name\`).`,
    )
  }
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
  if (valid.wasm !== undefined) return { ...valid, kind: 'prebuilt', dir: folderPath, wasmPath: await checkPrebuiltModule(valid.name, folderPath, valid.wasm, shown) }
  const sourcePath = join(folderPath, `${valid.name}.c`)
  if (!(await pathExists(sourcePath))) {
    throw new BenchError('invalid-workload', `Workload \`${valid.name}\` has no C source \`${displayPath(sourcePath)}\`. Add it (it implements \`wfb_main\` from workloads/common/wfb.h), or, for a module built in another language, declare it in \`${shown}\` with \`wasm: './${valid.name}.wasm'\` (docs/workloads.md).`)
  }
  const wasmPath = join(folderPath, `${valid.name}.wasm`)
  if (!(await pathExists(wasmPath))) {
    throw new BenchError('invalid-workload', `Workload \`${valid.name}\` has no built module \`${displayPath(wasmPath)}\`. Build it with \`npx wasm-faas-bench build\` (\`npm run build:workloads\` in this repository) and commit the .wasm.`)
  }
  return { ...valid, kind: 'c', dir: folderPath, wasmPath, sourcePath }
}

/** The absolute path of a prebuilt workload's module, checked to be a core WebAssembly module. */
async function checkPrebuiltModule(name: string, folderPath: string, wasm: string, shown: string): Promise<string> {
  const wasmPath = resolve(folderPath, wasm)
  let head: Buffer
  try {
    const file = await open(wasmPath, 'r')
    try {
      head = Buffer.alloc(8)
      const { bytesRead } = await file.read(head, 0, 8, 0)
      head = head.subarray(0, bytesRead)
    } finally {
      await file.close()
    }
  } catch (error) {
    throw new BenchError('invalid-workload', `Prebuilt workload \`${name}\` names module \`${wasm}\`, but \`${displayPath(wasmPath)}\` cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}). Build the module there (docs/workloads.md has the command for each language), or fix \`wasm\` in \`${shown}\` (it is relative to that file's folder).`, { cause: error })
  }
  const problem = describeModuleHeader(head)
  if (problem !== undefined) throw new BenchError('invalid-workload', `Prebuilt workload \`${name}\`: \`${displayPath(wasmPath)}\` ${problem}.`)
  return wasmPath
}

/** File names a workload definition may have: TypeScript (Node strips the types) or JavaScript, as in the built package. */
export const definitionFileNames = ['workload.ts', 'workload.mts', 'workload.js', 'workload.mjs'] as const

async function findDefinitionModule(folderPath: string): Promise<string | undefined> {
  for (const name of definitionFileNames) {
    const path = join(folderPath, name)
    if (await pathExists(path)) return path
  }
  return undefined
}

function displayPath(path: string): string {
  const inRepo = relative(packageRoot, path)
  return inRepo.startsWith('..') ? path : inRepo
}
