/**
 * One promise per key, shared by every caller that asks while it runs or after it settled (a build,
 * a compile, a prepared server). A rejected promise is forgotten, so the next caller tries again and
 * every caller sees its own failure.
 */
export interface PromiseCache<T> {
  /** The promise for `key`, made by `create` when there is none. */
  get: (key: string, create: () => Promise<T>) => Promise<T>
  /** Removes every promise and returns them (to dispose of what they made). */
  takeAll: () => Promise<T>[]
}

/** An empty cache. */
export function createPromiseCache<T>(): PromiseCache<T> {
  const entries = new Map<string, Promise<T>>()
  return {
    get(key, create) {
      let entry = entries.get(key)
      if (entry === undefined) {
        entry = create()
        entries.set(key, entry)
        entry.catch(() => {
          if (entries.get(key) === entry) entries.delete(key)
        })
      }
      return entry
    },
    takeAll() {
      const all = [...entries.values()]
      entries.clear()
      return all
    },
  }
}
