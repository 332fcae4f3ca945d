/** The API of `*.bench.ts` files (runs inside Vitest's bench workers): `benchWorkload('fib')`. */
export { benchTest, benchWorkload } from './bench-workload.ts'
/** A paired A/B comparison (the `paired` plugin option): `benchPaired()`. */
export { benchPaired } from './paired/bench-paired.ts'
/** HTTP benches of a workload across the servers of fixtures/servers/: `benchHttp('html')`. */
export { benchHttp } from './bench-http.ts'
/** The regression gate as a matcher inside bench tests: `expect(row).not.toRegress(baselineEntryFor(row))`. */
export { baselineEntryFor } from './baseline/baseline-entry-for.ts'
export { registerBaselineMatchers, toRegress } from './baseline/to-regress.ts'
