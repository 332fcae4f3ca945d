import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, test, vi } from 'vitest'
import { builtinRegistry } from '../../fixtures/builtin-registry.ts'
import { init, scaffold } from './init.ts'

const scratch = await mkdtemp(join(tmpdir(), 'wfb-init-'))
afterAll(() => rm(scratch, { recursive: true, force: true }))

test('scaffolds config, bench file, workloads folder, scripts and .gitignore; a second run keeps everything', async () => {
  await writeFile(join(scratch, 'package.json'), JSON.stringify({ name: 'p', scripts: { test: 'vitest run' } }))
  await writeFile(join(scratch, 'vitest.config.ts'), '// mine\n')
  const log = vi.spyOn(console, 'log').mockImplementation(() => undefined)
  try {
    await init.run(['--dir', scratch], builtinRegistry)
    expect(await readFile(join(scratch, 'vitest.config.ts'), 'utf8')).toBe('// mine\n')
    expect(await readFile(join(scratch, 'benches', 'workloads.bench.ts'), 'utf8')).toBe(scaffold['benches/workloads.bench.ts'])
    const pkg = JSON.parse(await readFile(join(scratch, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
    expect(pkg.scripts).toEqual({ bench: 'wasm-faas-bench setup && vitest bench --run', 'bench:update': 'vitest bench --run --update', test: 'vitest run' })
    expect(await readFile(join(scratch, '.gitignore'), 'utf8')).toBe('bench-results/\n')
    await init.run(['--dir', scratch], builtinRegistry)
    expect(await readFile(join(scratch, '.gitignore'), 'utf8')).toBe('bench-results/\n')
    expect(log.mock.calls.flat()).toContain('init: kept the existing vitest.config.ts')
  } finally {
    log.mockRestore()
  }
})

test('outside an npm project, and with a mistyped flag, it says what to do', async () => {
  await expect(init.run(['--dir', join(scratch, 'nowhere')], builtinRegistry)).rejects.toThrow(/package.json` not found: run init in an npm project/)
  await expect(init.run(['--dri', scratch], builtinRegistry)).rejects.toThrow(/Unknown option '--dri'[\s\S]*Usage: wasm-faas-bench init \[--dir DIR\]/)
})
