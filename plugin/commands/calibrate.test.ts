import { describe, expect, test } from 'vitest'
import { runtimes } from '../../fixtures/index.ts'
import { processRuntimeCommands } from './calibrate.ts'

describe('processRuntimeCommands (what `calibrate` times)', () => {
  test('every process runtime asked for, in registry order: the command its adapter runs, or why it is skipped', async () => {
    const { commands, skipped } = await processRuntimeCommands(runtimes, 'noop', {}, ['native', 'node-wasi', 'runc'])
    expect(commands.map((command) => command.label)).toEqual(['node-wasi noop', 'native noop'])
    expect(commands[0]?.args.at(-1)).toMatch(/noop\.wasm$/)
    expect(skipped).toEqual(['runc: each run needs a container id of its own (the launcher numbers them; hyperfine cannot)'])
  })

  test('an unknown runtime names the known ones', async () => {
    await expect(processRuntimeCommands(runtimes, 'noop', {}, ['wasmtme'])).rejects.toThrow('Unknown runtime `wasmtme`. Use one of:')
  })
})
