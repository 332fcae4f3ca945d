import type { InstanceMode, PreparedWorkload, RuntimeAdapter, RuntimeInstance } from '../types.ts'

/** Tracks every instance a bench file starts, so that all are closed at the end of the file, whatever failed. */
export interface InstancePool {
  start: (adapter: RuntimeAdapter, workload: PreparedWorkload, mode: InstanceMode) => Promise<RuntimeInstance>
  closeAll: () => Promise<void>
}

/** Creates an empty pool; `start` instances through it and call `closeAll` in teardown. */
export function createInstancePool(): InstancePool {
  const live = new Set<RuntimeInstance>()
  return {
    async start(adapter, workload, mode) {
      const instance = await adapter.start(workload, mode)
      live.add(instance)
      return {
        ...instance,
        close: async () => {
          live.delete(instance)
          await instance.close()
        },
      }
    },
    async closeAll() {
      const closing = [...live].map((instance) => instance.close())
      live.clear()
      const failures = (await Promise.allSettled(closing)).filter((outcome) => outcome.status === 'rejected')
      if (failures.length > 0) throw new AggregateError(failures.map((failure): unknown => failure.reason), 'Some runtime instances failed to close')
    },
  }
}
