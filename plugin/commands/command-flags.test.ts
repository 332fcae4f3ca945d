import { expect, test } from 'vitest'
import { BenchError } from '../errors.ts'
import { commands } from './index.ts'

/** The commands that take flags; each parses them with parseCommandArgs. */
const withFlags = ['setup', 'init', 'calibrate', 'self-check', 'report', 'scale', 'merge', 'gate', 'compare', 'claims']

test.each(withFlags)('`%s` answers a mistyped flag with its usage, not a stack trace', async (name) => {
  const command = commands.find((candidate) => candidate.words.join(' ') === name)
  if (command === undefined) throw new Error(`no command ${name}`)
  const error: unknown = await command.run(['--no-such-flag']).then(() => undefined, (reason: unknown) => reason)
  expect(error).toBeInstanceOf(BenchError)
  expect((error as BenchError).code).toBe('invalid-option')
  expect((error as BenchError).message).toMatch(new RegExp(`^Unknown option '--no-such-flag'[\\s\\S]*\\. Usage: wasm-faas-bench ${name} `))
})
