import type { RuntimeInfo } from '../schema/results.d.ts'
import type { Detection } from './types.ts'

/** What detection needs of an adapter: runtime adapters and HTTP server adapters alike. */
interface DetectableAdapter<Mode extends string> {
  name: string
  title: string
  modes: readonly Mode[]
  detect: () => Promise<Detection>
}

/** Asks each adapter (runtime or HTTP server) whether it runs here. A detect() that throws makes it unavailable, with the error as the reason. */
export async function detectRuntimes<Mode extends string>(adapters: ReadonlyArray<DetectableAdapter<Mode>>): Promise<Array<Omit<RuntimeInfo, 'modes'> & { modes: Mode[] }>> {
  return Promise.all(adapters.map(async (adapter): Promise<Omit<RuntimeInfo, 'modes'> & { modes: Mode[] }> => {
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
      return { ...base, available: false, reason: `detection failed: ${(error as Error).message}`, install: 'see docs/runtimes.md of wasm-faas-bench' }
    }
  }))
}
