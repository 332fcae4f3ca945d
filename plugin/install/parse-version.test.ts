import { expect, test } from 'vitest'
import { firstLine, parseVersion } from './parse-version.ts'

test('reads the version each runtime prints', () => {
  expect(parseVersion('wasmtime 49.0.3 (f96eabaa1 2026-10-14)\n')).toBe('49.0.3')
  expect(parseVersion('v1.12.0\n')).toBe('1.12.0')
  expect(parseVersion('wasmi 2.0.0\n')).toBe('2.0.0')
  expect(parseVersion('wasmi 2.0.0-beta.2')).toBe('2.0.0-beta.2')
})

test('garbage has no version', () => {
  expect(parseVersion('hello garbage')).toBeUndefined()
  expect(parseVersion('')).toBeUndefined()
  expect(parseVersion('version 12')).toBeUndefined()
  expect(parseVersion('build 1.2')).toBeUndefined()
})

test('the first non-empty line, cut for messages', () => {
  expect(firstLine('\n  wasmtime 49.0.3  \nmore')).toBe('wasmtime 49.0.3')
  expect(firstLine('x'.repeat(10), 4)).toBe('xxxx…')
  expect(firstLine('')).toBe('')
})
