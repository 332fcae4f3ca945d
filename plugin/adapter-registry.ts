import type { ServerAdapter } from './http/types.ts'
import type { ScaleHost } from './scale/types.ts'
import type { RuntimeAdapter } from './types.ts'

/**
 * The adapters a run can choose from, by registry name. The core never imports them: the entry
 * points (the Vitest plugin in plugin/index.ts, the bench-file API in plugin/bench.ts and the CLI in
 * plugin/cli.ts) hand down the built-in ones (fixtures/builtin-registry.ts); a project's own
 * runtimes (`runtimeModules`) join `runtimes`.
 */
export interface AdapterRegistry {
  /** Runtimes measured per invocation (cold start, warm, CPU, memory): `native`, `wasmtime`, … */
  runtimes: Readonly<Record<string, RuntimeAdapter>>
  /** HTTP servers measured under load (`benchHttp`). */
  servers: Readonly<Record<string, ServerAdapter>>
  /** Hosts of the `scale` command (instances held resident). */
  scaleHosts: Readonly<Record<string, ScaleHost>>
}
