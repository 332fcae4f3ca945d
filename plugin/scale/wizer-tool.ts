/**
 * Wizer, the WebAssembly pre-initialiser: runs a module's `wizer.initialize` export once and writes
 * a new module whose memory starts in the state it left (a snapshot). The binary comes from npm
 * `@bytecodealliance/wizer` (pinned at 10.0.0: newer releases fail `npm ci` here), resolved from
 * this package or the project, never from PATH.
 */
import { rename, rm } from 'node:fs/promises'
import { execa } from 'execa'
import { BenchError } from '../errors.ts'
import type { Detection } from '../types.ts'

/** How to get Wizer. */
export const wizerInstall = 'npm i -D -E @bytecodealliance/wizer@10.0.0'

/** Wizer's binary and its version line (`wizer 10.0.0`). */
export interface WizerTool {
  path: string
  version: string
}

/** Finds Wizer's binary through its npm package and asks its version. */
export async function detectWizer(): Promise<Detection & { tool?: WizerTool }> {
  let path: string
  try {
    // A specifier in a variable: the package ships no type declarations.
    const specifier = '@bytecodealliance/wizer'
    path = ((await import(specifier)) as { default: string }).default
  } catch (error) {
    return { available: false, install: wizerInstall, reason: `npm package @bytecodealliance/wizer cannot be loaded (${error instanceof Error ? error.message.split('\n')[0] : String(error)})` }
  }
  const check = await execa(path, ['--version'], { reject: false, stdin: 'ignore', timeout: 10_000 })
  if (check.failed) return { available: false, install: wizerInstall, path, reason: `\`${path} --version\` failed: ${check.stderr.slice(-300) || check.shortMessage}` }
  const version = check.stdout.trim()
  return { available: true, install: wizerInstall, path, version, tool: { path, version } }
}

/**
 * Pre-initialises `inPath` into `outPath` (atomically): `wizer --allow-wasi -o out in`. WASI is
 * allowed only so that a WASI module can be instantiated; the initialisation must call no import.
 * @throws BenchError `build-failed` with Wizer's stderr.
 */
export async function runWizer(tool: WizerTool, inPath: string, outPath: string): Promise<void> {
  const tempPath = `${outPath}.tmp-${process.pid}`
  const result = await execa(tool.path, ['--allow-wasi', '-o', tempPath, inPath], { reject: false, stdin: 'ignore', timeout: 120_000 })
  if (result.failed) {
    await rm(tempPath, { force: true })
    throw new BenchError('build-failed', `Wizer could not pre-initialise ${inPath}: ${result.stderr.trim().slice(-1000) || result.shortMessage}. Check that the module exports \`wizer.initialize\` and that its initialisation calls no import.`)
  }
  await rename(tempPath, outPath)
}
