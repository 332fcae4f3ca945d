import { describe, expect, test } from 'vitest'
import { createPromiseCache } from './promise-cache.ts'

describe('createPromiseCache', () => {
  test('callers of one key share one promise; a failure is forgotten, so the next caller tries again', async () => {
    const cache = createPromiseCache<number>()
    let made = 0
    const make = (fail: boolean) => () => { made += 1; return fail ? Promise.reject(new Error('build failed')) : Promise.resolve(made) }
    const [a, b] = [cache.get('k', make(true)), cache.get('k', make(false))]
    expect(a).toBe(b)
    await expect(a).rejects.toThrow('build failed')
    expect(await cache.get('k', make(false))).toBe(2)
    expect(await cache.get('k', make(false))).toBe(2)
    expect(made).toBe(2)
    expect(cache.takeAll()).toHaveLength(1)
    expect(cache.takeAll()).toHaveLength(0)
  })
})
