import { join, resolve } from 'node:path'
import { expect, test } from 'vitest'
import { repoRoot } from '../workloads/load-workloads.ts'
import { resolveToolsDir, toolsBinDir } from './tools-dir.ts'

test('the tools folder defaults to <repo>/.wfb-tools', () => {
  expect(resolveToolsDir({})).toBe(join(repoRoot, '.wfb-tools'))
  expect(resolveToolsDir({ WFB_TOOLS_DIR: '  ' }, '/repo')).toBe('/repo/.wfb-tools')
})

test('WFB_TOOLS_DIR moves it: absolute as given, relative to the current folder', () => {
  expect(resolveToolsDir({ WFB_TOOLS_DIR: '/opt/wfb/../tools' }, '/repo')).toBe('/opt/tools')
  expect(resolveToolsDir({ WFB_TOOLS_DIR: 'my-tools' }, '/repo')).toBe(resolve(process.cwd(), 'my-tools'))
})

test('executables live in its bin folder', () => {
  expect(toolsBinDir('/opt/tools')).toBe('/opt/tools/bin')
})
