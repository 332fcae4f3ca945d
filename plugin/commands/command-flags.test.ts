import { execa } from 'execa'
import { fileURLToPath } from 'node:url'
import { expect, test } from 'vitest'
import { builtinRegistry } from '../../fixtures/builtin-registry.ts'
import { BenchError } from '../errors.ts'
import { commands } from './index.ts'

const cli = fileURLToPath(new URL('../cli.ts', import.meta.url))

test.each(commands.map((command) => command.words.join(' ')))('`%s` answers an unknown flag with its usage, not a stack trace', async (name) => {
  const command = commands.find((candidate) => candidate.words.join(' ') === name)
  if (command === undefined) throw new Error(`no command ${name}`)
  const error: unknown = await command.run(['--no-such-flag'], builtinRegistry).then(() => undefined, (reason: unknown) => reason)
  expect(error).toBeInstanceOf(BenchError)
  expect((error as BenchError).code).toBe('invalid-option')
  expect((error as BenchError).message).toMatch(new RegExp(`^Unknown option '--no-such-flag'[\\s\\S]*\\. Usage: wasm-faas-bench ${name}\\b`))
})

// Through the real CLI process: the message and usage on stderr, exit code 1, no stack frames.
test.each([
  ['calibrate', '--run', '5'],
  ['self-check', '--repeat', '2'],
  ['runtimes', 'list', '--all'],
  ['build', '--dir', 'x'],
].map((argv) => [argv.join(' '), argv] as const))('`wasm-faas-bench %s` prints the usage and exits 1 without a stack trace', async (_name, argv) => {
  const result = await execa(process.execPath, [cli, ...argv], { reject: false, timeout: 60_000 })
  expect(result.exitCode).toBe(1)
  expect(result.stderr).toMatch(/^wasm-faas-bench: Unknown option '--\w+'.*Usage: wasm-faas-bench /s)
  expect(result.stderr).not.toMatch(/^\s+at /m)
})
