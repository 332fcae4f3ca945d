import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { thrownBenchError } from '../testing/thrown-bench-error.ts'
import { builtInClaimsPath, loadClaims, readClaimsFile, validateClaims } from './load-claims.ts'

const dir = await mkdtemp(join(tmpdir(), 'wfb-claims-'))
afterAll(() => rm(dir, { recursive: true, force: true }))

const claim = {
  id: 'my-claim',
  statement: 'x is twice y.',
  source: { title: 'My paper', where: 'Table 1', checked: true },
  published: { text: '2x', unit: 'ratio', value: 2, comparison: 'about' },
  quantity: { kind: 'ratio', of: { row: { runtime: 'wasm3', workload: 'fib' }, metric: 'coldStartMs' }, per: { row: { runtime: 'native', workload: 'fib' }, metric: 'coldStartMs' } },
  tolerance: 0.25,
  setup: { runtimes: ['wasm3', 'native'], workloads: ['fib'] },
}

describe('the built-in claims file', () => {
  test('validates, has at least 12 claims, each with a source and a place in it', async () => {
    const { claims } = await readClaimsFile(builtInClaimsPath)
    expect(claims.length).toBeGreaterThanOrEqual(12)
    for (const each of claims) {
      expect(each.source.where.length).toBeGreaterThan(0)
      // A claim whose number could not be read in its source must say why.
      if (!each.source.checked) expect(each.source.note).toMatch(/not (be )?(checked|read)/i)
    }
  })
})

describe('validateClaims', () => {
  test('a schema problem names the field and the fix', () => {
    const error = thrownBenchError(() => validateClaims({ schemaVersion: 1, claims: [{ ...claim, tolerance: -1 }] }, 'mine.json'))
    expect(error.code).toBe('invalid-claims')
    expect(error.message).toContain('`mine.json`')
    expect(error.message).toContain('/claims/0/tolerance')
  })

  test('a ratio without its denominator, a published value without a number, low above high', () => {
    expect(thrownBenchError(() => validateClaims({ schemaVersion: 1, claims: [{ ...claim, quantity: { kind: 'ratio', of: claim.quantity.of } }] }, 'a.json')).message).toContain('a ratio needs `per`')
    expect(thrownBenchError(() => validateClaims({ schemaVersion: 1, claims: [{ ...claim, published: { text: '2x', unit: 'ratio', comparison: 'about' } }] }, 'a.json')).message).toContain('published has no number')
    expect(thrownBenchError(() => validateClaims({ schemaVersion: 1, claims: [{ ...claim, published: { text: '3–2x', unit: 'ratio', low: 3, high: 2, comparison: 'about' } }] }, 'a.json')).message).toContain('low 3 is above high 2')
  })

  test('an id used twice in one file', () => {
    expect(thrownBenchError(() => validateClaims({ schemaVersion: 1, claims: [claim, claim] }, 'a.json')).message).toContain('the id is used twice')
  })
})

describe('loadClaims', () => {
  test('a project file adds claims and replaces a built-in claim with the same id in place', async () => {
    const builtIn = (await readClaimsFile(builtInClaimsPath)).claims
    const replaced = { ...claim, id: builtIn[0]!.id, statement: 'corrected' }
    const path = join(dir, 'claims.json')
    await writeFile(path, JSON.stringify({ schemaVersion: 1, claims: [claim, replaced] }))
    const loaded = await loadClaims([path])
    expect(loaded).toHaveLength(builtIn.length + 1)
    expect(loaded[0]).toMatchObject({ id: builtIn[0]!.id, statement: 'corrected' })
    expect(loaded.at(-1)?.id).toBe('my-claim')
    expect((await loadClaims([path], { builtIn: false })).map((each) => each.id)).toEqual(['my-claim', builtIn[0]!.id])
  })

  test('a file that is missing or not JSON says so', async () => {
    await expect(loadClaims([join(dir, 'nope.json')])).rejects.toThrow(/Cannot read claims file/)
    await writeFile(join(dir, 'bad.json'), '{')
    await expect(loadClaims([join(dir, 'bad.json')])).rejects.toThrow(/is not JSON/)
  })
})
