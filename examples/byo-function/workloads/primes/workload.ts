// A type-only import: nothing from the package is needed at run time (`defineWorkload({...})` does the same).
import type { PrebuiltWorkloadDefinition } from 'wasm-faas-bench'

/** The number of primes below `n`, by a plain sieve: the reference the module's output is checked against. */
export function countPrimesReference(n: number): number {
  if (n < 3) return 0
  const composite = new Uint8Array(n)
  let count = 1
  for (let i = 3; i < n; i += 2) {
    if (composite[i] === 1) continue
    count++
    for (let j = i * i; j < n; j += 2 * i) composite[j] = 1
  }
  return count
}

/**
 * A Go function, prebuilt to a WASI command module (GOOS=wasip1 GOARCH=wasm, Go 1.26; `npm run build:primes`
 * rebuilds primes.wasm from main.go). It speaks the warm protocol, so warm metrics are measured too, and its
 * native floor is the same Go program built for this machine.
 */
export const workload = {
  name: 'primes',
  description: 'Go: counts the primes below n with a sieve of Eratosthenes (allocation plus tight loops).',
  wasm: './primes.wasm',
  warm: 'wfb-repeat',
  native: { build: ['go', 'build', '-trimpath', '-o', 'primes-native', '.'], command: ['./primes-native'] },
  params: {
    n: { description: 'Count the primes below n.', default: 1_000_000, min: 0, max: 100_000_000 },
  },
  args: (params) => [String(params.n)],
  expected: (params) => ({ kind: 'exact', stdout: `primes below ${params.n}: ${countPrimesReference(params.n ?? 0)}\n` }),
} satisfies PrebuiltWorkloadDefinition
