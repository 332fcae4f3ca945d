import { constants } from 'node:fs'
import { access, lstat, realpath, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { execa } from 'execa'
import { formatCommand } from '../shared/format-command.ts'
import { BenchError } from '../errors.ts'
import type { Detection } from '../types.ts'
import { pathDirs } from '../system/find-on-path.ts'
import { firstLine, parseVersion } from './parse-version.ts'
import { resolveToolsDir, toolsBinDir } from './tools-dir.ts'

/** How long a `--version` may take before the binary counts as broken, in milliseconds. */
const versionTimeoutMs = 10_000

/** What to look for and how to ask it its version. */
export interface ToolLookup {
  /** Executable name (`wasmtime`). */
  binary: string
  /** Arguments that make it print its version; default `['--version']`. */
  versionArgs?: string[]
  /** The exact command that installs it (`npx wasm-faas-bench runtimes install wasmtime`). */
  install: string
  /** Folders searched in order; default: {@link defaultSearchDirs}. */
  searchDirs?: readonly string[]
}

/** A working tool: where it is, and what it says its version is. */
export interface FoundTool {
  /** The path found (in the tools folder or on PATH), as given to the launcher. */
  path: string
  /** The file it resolves to (a symlink's target). */
  realPath: string
  /** The version number (`49.0.3`). */
  version: string
  /** The first line of its version output (`wasmtime 49.0.3 (f96eabaa1 2026-10-14)`). */
  versionLine: string
  /** True when found in the first search folder: the tools folder (by default) rather than PATH. */
  inToolsDir: boolean
}

/** `<toolsDir>/bin` first, then each PATH entry. */
export function defaultSearchDirs(env: NodeJS.ProcessEnv = process.env): string[] {
  return [toolsBinDir(resolveToolsDir(env)), ...pathDirs(env)]
}

/** The first `dir/binary` that exists (a file, or a symlink even when dangling), or undefined. */
async function findFirst(binary: string, dirs: readonly string[]): Promise<{ path: string; dirIndex: number } | undefined> {
  for (const [dirIndex, dir] of dirs.entries()) {
    const path = join(dir, binary)
    try {
      await lstat(path)
      return { path, dirIndex }
    } catch {
      // Not in this folder.
    }
  }
  return undefined
}

/**
 * Finds a runtime's executable (tools folder, then PATH) and checks that it runs and reports a
 * version. The first one found is the one that will be benchmarked, so a broken one (dangling
 * link, not executable, `--version` fails or prints no version) makes the tool unavailable with the
 * reason rather than silently falling back to another copy.
 */
export async function detectTool(lookup: ToolLookup): Promise<Detection & { tool?: FoundTool }> {
  const { binary, install } = lookup
  const dirs = lookup.searchDirs ?? defaultSearchDirs()
  const found = await findFirst(binary, dirs)
  if (found === undefined) return { available: false, reason: `\`${binary}\` is neither in ${dirs[0] ?? 'the tools folder'} nor on PATH`, install }
  const { path, dirIndex } = found
  const broken = (reason: string): Detection => ({ available: false, path, reason, install })
  let realPath: string
  try {
    realPath = await realpath(path)
  } catch {
    return broken(`${path} is a dangling symlink (its target is gone); reinstall`)
  }
  if (!(await stat(realPath)).isFile()) return broken(`${path} is not a file`)
  try {
    await access(realPath, constants.X_OK)
  } catch {
    return broken(`${path} is not executable (chmod +x it, or reinstall)`)
  }
  const versionArgs = lookup.versionArgs ?? ['--version']
  const shown = formatCommand(path, versionArgs)
  const result = await execa(path, versionArgs, { reject: false, stdin: 'ignore', timeout: versionTimeoutMs, env: { RUST_BACKTRACE: '0' } })
  if (result.failed) {
    const said = firstLine(`${result.stderr}\n${result.stdout}`)
    return broken(`\`${shown}\` failed (${result.timedOut ? `no answer within ${versionTimeoutMs} ms` : firstLine(result.shortMessage ?? 'error')})${said === '' ? '' : `: ${said}`}`)
  }
  const output = `${result.stdout}\n${result.stderr}`
  const version = parseVersion(output)
  if (version === undefined) {
    const said = firstLine(output)
    return broken(`\`${shown}\` printed no version number (${said === '' ? 'empty output' : JSON.stringify(said)}); the file is not the runtime, or it is damaged`)
  }
  const tool: FoundTool = { path, realPath, version, versionLine: firstLine(output), inToolsDir: dirIndex === 0 }
  return { available: true, version, path: realPath, install, tool }
}

/**
 * {@link detectTool} for a runtime adapter: the version string also names the command every row
 * runs (`wasmtime 49.0.3 (…); runs: wasmtime run -C cache=n <module> <args>`), so a row says exactly
 * what ran, and a copy found on PATH instead of the tools folder carries that as a caveat.
 */
export async function detectRuntimeTool(lookup: ToolLookup, commandTemplate: string): Promise<Detection> {
  const { tool, ...detection } = await detectTool(lookup)
  if (tool === undefined) return detection
  // `wazero version` prints a bare `v1.12.0`: name the tool so the row says which one.
  const versionLine = tool.versionLine.includes(lookup.binary) ? tool.versionLine : `${lookup.binary} ${tool.versionLine}`
  return {
    ...detection,
    version: `${versionLine}; runs: ${commandTemplate}`,
    ...(tool.inToolsDir ? {} : { reason: `found on PATH (${tool.path}), not in the tools folder: its version is not the pinned one unless you installed it with \`${lookup.install}\`` }),
  }
}

/**
 * The working tool for an adapter's `start()`.
 * @throws BenchError `runtime-unavailable` with the reason and the install command.
 */
export async function requireTool(lookup: ToolLookup): Promise<FoundTool> {
  const { tool, reason } = await detectTool(lookup)
  if (tool === undefined) throw new BenchError('runtime-unavailable', `Cannot start \`${lookup.binary}\`: ${reason ?? 'not found'}. Install it: ${lookup.install}`)
  return tool
}
