import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { BenchError } from '../errors.ts'
import type { ReportAssets } from './render-html-report.ts'

const require = createRequire(import.meta.url)

/** The browser builds the HTML report inlines: each package's minified UMD file, which sets a global. */
const libraries = [
  { name: 'd3', title: 'd3', umd: 'dist/d3.min.js' },
  { name: '@observablehq/plot', title: 'Observable Plot', umd: 'dist/plot.umd.min.js' },
] as const

/**
 * Reads what the HTML report inlines: d3 and Observable Plot (their minified UMD builds, from this
 * package's dependencies) and the drawing script `report-client.mjs`. Throws a BenchError naming the
 * missing file and `npm ci` when a dependency is not installed.
 */
export async function loadReportAssets(): Promise<ReportAssets> {
  const scripts: Array<{ name: string; source: string }> = []
  const credits: string[] = []
  for (const library of libraries) {
    const root = packageRoot(library.name)
    const manifest = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string }
    scripts.push({ name: `${library.name}@${manifest.version}`, source: await readAsset(join(root, library.umd)) })
    credits.push(`${library.title} ${manifest.version}`)
  }
  scripts.push({ name: 'report-client', source: await readAsset(fileURLToPath(new URL('report-client.mjs', import.meta.url))) })
  return { scripts, credits: credits.reverse().join(' and ') }
}

/** The folder of an installed package: the nearest folder above its main entry that holds its package.json. */
function packageRoot(name: string): string {
  let entry: string
  try {
    entry = require.resolve(name)
  } catch (error) {
    throw new BenchError('report-failed', `The HTML report needs the package \`${name}\`, which is not installed. Run \`npm ci\`.`, { cause: error })
  }
  let dir = dirname(entry)
  while (!dir.endsWith(join('node_modules', ...name.split('/')))) {
    const parent = dirname(dir)
    if (parent === dir) throw new BenchError('report-failed', `Cannot find the folder of \`${name}\` above \`${entry}\`. Run \`npm ci\`.`)
    dir = parent
  }
  return dir
}

async function readAsset(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8')
  } catch (error) {
    throw new BenchError('report-failed', `The HTML report needs \`${path}\`, which cannot be read. Run \`npm ci\`.`, { cause: error })
  }
}
