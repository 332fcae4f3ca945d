import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, test } from 'vitest'
import { defaultSearchDirs, detectRuntimeTool, detectTool, requireTool, type ToolLookup } from './detect-tool.ts'

const root = await mkdtemp(join(tmpdir(), 'detect-tool-test-'))
afterAll(() => rm(root, { recursive: true, force: true }))

const tools = join(root, 'tools-bin')
const onPath = join(root, 'path-bin')
await mkdir(tools)
await mkdir(onPath)
const install = 'npx wasm-faas-bench runtimes install fake'

async function script(dir: string, name: string, body: string, mode = 0o755): Promise<void> {
  await writeFile(join(dir, name), `#!/bin/sh\n${body}\n`, { mode })
}

await script(tools, 'not-executable', 'echo fake 1.2.3', 0o644)
await script(tools, 'garbage', 'echo "hello garbage"')
await script(tools, 'failing', 'echo "segfault-ish trouble" >&2; exit 3')
await script(tools, 'good', 'echo "good 1.2.3 (abc)"')
await script(onPath, 'good', 'echo "good 9.9.9"')
await script(onPath, 'path-only', 'echo "path-only 4.5.6"')
await symlink(join(root, 'gone'), join(tools, 'dangling'))

const lookup = (binary: string): ToolLookup => ({ binary, install, searchDirs: [tools, onPath] })

test('a working binary in the tools folder wins over PATH, with its version', async () => {
  const detection = await detectTool(lookup('good'))
  expect(detection).toMatchObject({ available: true, version: '1.2.3', path: join(tools, 'good'), install })
  expect(detection.tool).toMatchObject({ versionLine: 'good 1.2.3 (abc)', inToolsDir: true })
})

test('a binary only on PATH is found there', async () => {
  const detection = await detectTool(lookup('path-only'))
  expect(detection).toMatchObject({ available: true, version: '4.5.6', path: join(onPath, 'path-only') })
  expect(detection.tool?.inToolsDir).toBe(false)
})

test('a file that is not executable is unavailable, with the reason', async () => {
  expect(await detectTool(lookup('not-executable'))).toEqual({
    available: false,
    path: join(tools, 'not-executable'),
    reason: `${join(tools, 'not-executable')} is not executable (chmod +x it, or reinstall)`,
    install,
  })
})

test('a binary that prints garbage for --version is unavailable, quoting it', async () => {
  const detection = await detectTool(lookup('garbage'))
  expect(detection.available).toBe(false)
  expect(detection.reason).toBe(`\`${join(tools, 'garbage')} --version\` printed no version number ("hello garbage"); the file is not the runtime, or it is damaged`)
})

test('a binary whose --version fails is unavailable, with its stderr', async () => {
  const detection = await detectTool(lookup('failing'))
  expect(detection.available).toBe(false)
  expect(detection.reason).toContain('--version` failed')
  expect(detection.reason).toContain('exit code 3')
  expect(detection.reason).toContain('segfault-ish trouble')
})

test('a dangling symlink is unavailable, and says so', async () => {
  const detection = await detectTool(lookup('dangling'))
  expect(detection).toMatchObject({ available: false, reason: `${join(tools, 'dangling')} is a dangling symlink (its target is gone); reinstall` })
})

test('an absent binary names where it looked and how to install it', async () => {
  expect(await detectTool(lookup('absent'))).toEqual({ available: false, reason: `\`absent\` is neither in ${tools} nor on PATH`, install })
})

test('the default search is the tools folder, then PATH in order', () => {
  expect(defaultSearchDirs({ WFB_TOOLS_DIR: '/opt/tools', PATH: '/a:/b::/c' })).toEqual(['/opt/tools/bin', '/a', '/b', '/c'])
})

test('an adapter\'s version names the tool and the command it runs; a copy from PATH carries a caveat', async () => {
  const inTools = await detectRuntimeTool(lookup('good'), 'good run <module> <args>')
  expect(inTools).toMatchObject({ available: true, version: 'good 1.2.3 (abc); runs: good run <module> <args>' })
  expect(inTools.reason).toBeUndefined()
  await script(onPath, 'bare', 'echo v0.1.2')
  const fromPath = await detectRuntimeTool(lookup('bare'), 'bare <module>')
  expect(fromPath).toMatchObject({ available: true, version: 'bare v0.1.2; runs: bare <module>' })
  expect(fromPath.reason).toContain(`found on PATH (${join(onPath, 'bare')}), not in the tools folder`)
})

test('requireTool throws the reason and the install command', async () => {
  await expect(requireTool(lookup('garbage'))).rejects.toMatchObject({ code: 'runtime-unavailable', message: expect.stringContaining(`Install it: ${install}`) as unknown })
})
