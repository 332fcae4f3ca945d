import { defineWorkload } from '../../plugin/workloads/define-workload.ts'

/** fib(n) by an iterative reference, exact for any n (the workload itself recurses naively). */
export function fibReference(n: number): bigint {
  let previous = 0n
  let current = 1n
  for (let i = 0; i < n; i++) [previous, current] = [current, previous + current]
  return previous
}

/** Naive doubly recursive Fibonacci: pure compute, about 0.4 ms native at n = 25, grows by ~1.6x per step. */
export const workload = defineWorkload({
  name: 'fib',
  description: 'Naive recursive Fibonacci fib(n): pure compute, no memory traffic.',
  params: {
    n: { description: 'Which Fibonacci number to compute (fib(25) = 75025).', default: 25, min: 0, max: 40 },
  },
  args: (params) => [String(params.n)],
  expected: (params) => ({ kind: 'exact', stdout: `${fibReference(params.n ?? 0)}\n` }),
})
