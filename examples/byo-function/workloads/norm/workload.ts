// A type-only import: nothing from the package is needed at run time (`defineWorkload({...})` does the same).
import type { CWorkloadDefinition } from 'wasm-faas-bench'

/** The same sum in JavaScript (BigInt for the 64-bit generator, the same doubles for the sum). */
export function normReference(n: number): number {
  const mask = (1n << 64n) - 1n
  let state = 42n
  let sum = 0
  for (let i = 0; i < n; i++) {
    state = (state * 6364136223846793005n + 1442695040888963407n) & mask
    const x = Number(state >> 11n) / 9007199254740992
    sum += x * x
  }
  return Math.sqrt(sum)
}

/**
 * A C function against wfb.h that calls libm (`sqrt`): built to norm.wasm with `npx wasm-faas-bench build`
 * and to a native executable (linked with -lm) by the native runtime. Floating-point output is
 * checked with a tolerance, as a check function, rather than byte for byte.
 */
export const workload = {
  name: 'norm',
  description: 'C with libm: Euclidean norm of n pseudo-random doubles (floating-point loop, sqrt).',
  params: {
    n: { description: 'Number of values.', default: 100_000, min: 0, max: 10_000_000 },
  },
  args: (params) => [String(params.n)],
  expected: (params) => {
    const n = params.n ?? 0
    const reference = normReference(n)
    return {
      kind: 'check',
      description: `\`norm of ${n} values: ${reference.toFixed(6)}\` within 1e-6`,
      check(stdout) {
        const match = /^norm of (\d+) values: (\d+\.\d{6})\n$/.exec(stdout)
        if (match === null) return 'not one line `norm of <n> values: <x.xxxxxx>`'
        if (Number(match[1]) !== n) return `it counted ${match[1]} values instead of ${n}`
        const value = Number(match[2])
        return Math.abs(value - reference) <= 1e-6 ? undefined : `${value} is not within 1e-6 of ${reference}`
      },
    }
  },
} satisfies CWorkloadDefinition
