/** The API of `*.bench.ts` files (runs inside Vitest's bench workers): `benchWorkload('fib')`. */
export { benchTest, benchWorkload } from './bench-workload.ts'
