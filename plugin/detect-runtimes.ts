import type { RuntimeInfo } from '../schema/results.d.ts'
import type { RuntimeAdapter } from './types.ts'

/** Asks each adapter whether it runs here. A detect() that throws makes the runtime unavailable, with the error as the reason. */
export async function detectRuntimes(adapters: readonly RuntimeAdapter[]): Promise<RuntimeInfo[]> {
  return Promise.all(adapters.map(async (adapter): Promise<RuntimeInfo> => {
    const base = { name: adapter.name, title: adapter.title, modes: [...adapter.modes] }
    try {
      const detection = await adapter.detect()
      return {
        ...base,
        available: detection.available,
        install: detection.install,
        ...(detection.version === undefined ? {} : { version: detection.version }),
        ...(detection.path === undefined ? {} : { path: detection.path }),
        ...(detection.flags === undefined ? {} : { flags: detection.flags }),
        ...(detection.reason === undefined ? {} : { reason: detection.reason }),
      }
    } catch (error) {
      return { ...base, available: false, reason: `detection failed: ${(error as Error).message}`, install: 'see the runtime section of README.md' }
    }
  }))
}
