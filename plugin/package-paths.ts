import { homedir } from 'node:os'
import { isAbsolute, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The folder that holds the package's own files (`plugin/`, `fixtures/`, `workloads/`, `schema/`,
 * `runners/`): the repository root when run from source, `node_modules/wasm-faas-bench/dist` once
 * installed (the build copies every asset beside the JavaScript, at the same relative path).
 * Read-only: nothing is ever written below it.
 */
export const packageRoot: string = resolve(fileURLToPath(new URL('..', import.meta.url)))

/** An absolute path below {@link packageRoot}: `packagePath('workloads', 'common')`. */
export function packagePath(...segments: string[]): string {
  return join(packageRoot, ...segments)
}

/** Environment variable that moves the cache folder (builds and, unless `WFB_TOOLS_DIR` says otherwise, tools). */
export const cacheDirEnv = 'WFB_CACHE_DIR'

/**
 * The user's cache folder for wasm-faas-bench: env `WFB_CACHE_DIR`, else `$XDG_CACHE_HOME/wasm-faas-bench`,
 * else `~/.cache/wasm-faas-bench`. Shared by every project of the user; everything in it is keyed by a hash
 * of its inputs or pinned by version, so projects cannot see each other's stale files. CI caches this folder.
 */
export function resolveCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env[cacheDirEnv]?.trim()
  if (fromEnv !== undefined && fromEnv !== '') return resolve(fromEnv)
  const xdg = env.XDG_CACHE_HOME?.trim()
  const base = xdg !== undefined && xdg !== '' && isAbsolute(xdg) ? xdg : join(homedir(), '.cache')
  return join(base, 'wasm-faas-bench')
}

/**
 * Where built artefacts are cached (native builds, the launcher, precompiled modules, container rootfs
 * folders): `<cache>/build/<kind>`. Delete the folder to rebuild everything.
 */
export function buildCacheDir(kind: string, env: NodeJS.ProcessEnv = process.env): string {
  return join(resolveCacheDir(env), 'build', kind)
}
