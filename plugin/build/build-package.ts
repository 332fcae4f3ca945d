import { chmod, cp, mkdir, readdir, readFile, rm } from 'node:fs/promises'
import { dirname, join, relative } from 'node:path'
import { execa } from 'execa'
import { packageRoot } from '../package-paths.ts'
import { writeFileAtomic } from '../results/write-file-atomic.ts'

/** The folders whose files the package needs at run time (JavaScript from tsc, every other file copied as is). */
export const packageFolders = ['plugin', 'fixtures', 'workloads', 'schema', 'runners', 'claims'] as const

/** Paths (relative to the package root) that are development-only and never shipped. */
const excluded = [/(^|\/)testdata(\/|$)/, /(^|\/)__snapshots__(\/|$)/, /\.test\.[cm]?[jt]s$/, /^runners\/[^/]+\/target(\/|$)/, /^plugin\/testing\//]

/** Whether a file below the package root is an asset to copy: not TypeScript (tsc emits those), except hand-written declarations. */
export function isPackageAsset(path: string): boolean {
  if (excluded.some((pattern) => pattern.test(path))) return false
  return !path.endsWith('.ts') || path.endsWith('.d.ts')
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true })
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name))
}

/**
 * Builds the published package into `<root>/dist`: `tsc -p tsconfig.build.json` emits JavaScript and
 * declarations, then every asset (C sources, .wasm modules, .mjs entry scripts, JSON schemas, the runner crate)
 * is copied to the same relative path, and a small `dist/package.json` marks the folder as ES modules and
 * carries the version. The result is what `packageRoot` points at once installed. Returns the copied paths.
 */
export async function buildPackage(root: string = packageRoot): Promise<string[]> {
  const dist = join(root, 'dist')
  await rm(dist, { recursive: true, force: true })
  await execa('npx', ['tsc', '-p', join(root, 'tsconfig.build.json')], { cwd: root, stdio: 'inherit' })
  const copied: string[] = []
  for (const folder of packageFolders) {
    for (const file of await listFiles(join(root, folder))) {
      const path = relative(root, file)
      if (!isPackageAsset(path)) continue
      await mkdir(dirname(join(dist, path)), { recursive: true })
      await cp(file, join(dist, path), { preserveTimestamps: true })
      copied.push(path)
    }
  }
  // The CLI runs as `npx wasm-faas-bench` from a clone too (npm sets the bit only when it installs a package).
  await chmod(join(dist, 'plugin', 'cli.js'), 0o755)
  const { name, version } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { name: string; version: string }
  await writeFileAtomic(join(dist, 'package.json'), `${JSON.stringify({ name, version, type: 'module' }, null, 2)}\n`)
  return copied.sort()
}
