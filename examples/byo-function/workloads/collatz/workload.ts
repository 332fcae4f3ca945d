// A type-only import: nothing from the package is needed at run time (`defineWorkload({...})` does the same).
import type { PrebuiltWorkloadDefinition } from 'wasm-faas-bench'

/** The start below `n` with the longest Collatz chain and its length, as the module prints it. */
export function longestChainReference(n: number): string {
  let bestStart = 0
  let bestSteps = 0
  for (let start = 1; start < n; start++) {
    let x = start
    let steps = 0
    while (x !== 1) {
      x = x % 2 === 1 ? 3 * x + 1 : x / 2
      steps++
    }
    if (steps > bestSteps) {
      bestSteps = steps
      bestStart = start
    }
  }
  return `longest chain below ${n}: ${bestStart} (${bestSteps} steps)\n`
}

/**
 * An AssemblyScript function, prebuilt to a 14 KB WASI command module (`npm run build:collatz`). It speaks
 * the warm protocol. It declares no native command, so its native and runc rows are skipped with that reason.
 */
export const workload = {
  name: 'collatz',
  description: 'AssemblyScript: the start below n with the longest Collatz chain (integer loop, 64-bit values).',
  wasm: './collatz.wasm',
  warm: 'wfb-repeat',
  params: {
    // Chains below 10^7 stay under 2^53, so the JavaScript reference is exact.
    n: { description: 'Search the starts below n.', default: 100_000, min: 1, max: 10_000_000 },
  },
  args: (params) => [String(params.n)],
  expected: (params) => ({ kind: 'exact', stdout: longestChainReference(params.n ?? 1) }),
} satisfies PrebuiltWorkloadDefinition
