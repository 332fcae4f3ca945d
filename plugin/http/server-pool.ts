import { createPromiseCache } from '../shared/promise-cache.ts'
import type { PreparedWorkload } from '../types.ts'
import type { PreparedServer, ServerAdapter } from './types.ts'
import type { ServerMode } from '../types.ts'

/** Prepares each server x workload x mode once per bench file and disposes of all of them at its end, whatever failed. */
export interface ServerPool {
  prepare: (adapter: ServerAdapter, workload: PreparedWorkload, mode: ServerMode) => Promise<PreparedServer>
  disposeAll: () => Promise<void>
}

/** An empty pool; `prepare` through it and call `disposeAll` in teardown. */
export function createServerPool(): ServerPool {
  // A failed preparation is retried by the next row (and reported by each).
  const prepared = createPromiseCache<PreparedServer>()
  return {
    prepare: (adapter, workload, mode) => prepared.get(`${adapter.name}/${workload.label}/${mode}`, () => adapter.prepare(workload, mode)),
    async disposeAll() {
      const entries = prepared.takeAll()
      const outcomes = await Promise.allSettled(entries.map(async (entry) => (await entry.catch(() => undefined))?.dispose()))
      const failures = outcomes.filter((outcome) => outcome.status === 'rejected')
      if (failures.length > 0) throw new AggregateError(failures.map((failure): unknown => failure.reason), 'Some prepared servers failed to dispose')
    },
  }
}
