import { builtinRegistry } from '../fixtures/builtin-registry.ts'
import { benchHttp as benchHttpOf } from './bench-http.ts'
import { benchWorkload as benchWorkloadOf } from './bench-workload.ts'
import { benchPaired as benchPairedOf } from './bench-paired.ts'

// The API of `*.bench.ts` files (runs inside Vitest's bench workers). This entry point hands the
// built-in adapters (and, through the plan, the project's `runtimeModules`) to the core, which does
// not import them itself.
export { benchTest } from './bench-workload.ts'

/** Benchmarks of one workload on every selected runtime and mode: `benchWorkload('fib')`. */
export function benchWorkload(name: string): void {
  benchWorkloadOf(name, builtinRegistry)
}

/** A paired A/B comparison (the `paired` plugin option): `benchPaired()`. */
export function benchPaired(): void {
  benchPairedOf(builtinRegistry)
}

/** HTTP benches of a workload across the selected servers (fixtures/servers/): `benchHttp('html')`. */
export function benchHttp(name: string): void {
  benchHttpOf(name, builtinRegistry)
}

/** The regression gate as a matcher inside bench tests: `expect(row).not.toRegress(baselineEntryFor(row))`. */
export { baselineEntryFor } from './baseline-entry-for.ts'
export { registerBaselineMatchers, toRegress } from './baseline/to-regress.ts'
