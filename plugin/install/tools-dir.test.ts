import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { expect, test } from 'vitest'
import { buildCacheDir, resolveCacheDir } from '../package-paths.ts'
import { resolveToolsDir, toolsBinDir } from './tools-dir.ts'

test('the tools folder defaults to the user cache folder, never the package', () => {
  expect(resolveToolsDir({})).toBe(join(homedir(), '.cache', 'wasm-faas-bench', 'tools'))
  expect(resolveToolsDir({ WFB_TOOLS_DIR: '  ', XDG_CACHE_HOME: '/xdg' })).toBe('/xdg/wasm-faas-bench/tools')
  expect(resolveToolsDir({ WFB_CACHE_DIR: '/c' })).toBe('/c/tools')
})

test('WFB_TOOLS_DIR moves it: absolute as given, relative to the current folder', () => {
  expect(resolveToolsDir({ WFB_TOOLS_DIR: '/opt/wfb/../tools' })).toBe('/opt/tools')
  expect(resolveToolsDir({ WFB_TOOLS_DIR: 'my-tools' })).toBe(resolve(process.cwd(), 'my-tools'))
})

test('builds are cached by kind below the cache folder; a relative XDG_CACHE_HOME is ignored', () => {
  expect(buildCacheDir('native', { WFB_CACHE_DIR: '/c' })).toBe('/c/build/native')
  expect(resolveCacheDir({ XDG_CACHE_HOME: 'relative' })).toBe(join(homedir(), '.cache', 'wasm-faas-bench'))
})

test('executables live in its bin folder', () => {
  expect(toolsBinDir('/opt/tools')).toBe('/opt/tools/bin')
})
