import { join, resolve } from 'node:path'
import { resolveCacheDir } from '../package-paths.ts'

/** Environment variable that moves the tools folder (an absolute path, or relative to the current folder). */
export const toolsDirEnv = 'WFB_TOOLS_DIR'

/**
 * The folder where `wasm-faas-bench runtimes install` puts runtimes: env `WFB_TOOLS_DIR`, or
 * `<cache>/tools` by default (`~/.cache/wasm-faas-bench/tools`: shared by the user's projects, and what CI caches). Executables end up in its `bin/` ({@link toolsBinDir}).
 */
export function resolveToolsDir(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env[toolsDirEnv]?.trim()
  if (fromEnv === undefined || fromEnv === '') return join(resolveCacheDir(env), 'tools')
  // resolve() keeps an absolute path and reads a relative one against the current folder.
  return resolve(fromEnv)
}

/** `<toolsDir>/bin`: every installed runtime's executable (or a symlink to it). */
export function toolsBinDir(toolsDir: string): string {
  return join(toolsDir, 'bin')
}
