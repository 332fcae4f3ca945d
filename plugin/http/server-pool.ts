import type { PreparedWorkload } from '../types.ts'
import type { PreparedServer, ServerAdapter, ServerMode } from './types.ts'

/** Prepares each server x workload x mode once per bench file and disposes of all of them at its end, whatever failed. */
export interface ServerPool {
  prepare: (adapter: ServerAdapter, workload: PreparedWorkload, mode: ServerMode) => Promise<PreparedServer>
  disposeAll: () => Promise<void>
}

/** An empty pool; `prepare` through it and call `disposeAll` in teardown. */
export function createServerPool(): ServerPool {
  const prepared = new Map<string, Promise<PreparedServer>>()
  return {
    prepare(adapter, workload, mode) {
      const key = `${adapter.name}/${workload.label}/${mode}`
      let entry = prepared.get(key)
      if (entry === undefined) {
        entry = adapter.prepare(workload, mode)
        prepared.set(key, entry)
        // A failed preparation is retried by the next row (and reported by each).
        entry.catch(() => prepared.delete(key))
      }
      return entry
    },
    async disposeAll() {
      const entries = [...prepared.values()]
      prepared.clear()
      const outcomes = await Promise.allSettled(entries.map(async (entry) => (await entry.catch(() => undefined))?.dispose()))
      const failures = outcomes.filter((outcome) => outcome.status === 'rejected')
      if (failures.length > 0) throw new AggregateError(failures.map((failure): unknown => failure.reason), 'Some prepared servers failed to dispose')
    },
  }
}
