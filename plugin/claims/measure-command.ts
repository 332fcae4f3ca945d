import type { Claim } from '../../schema/claims.d.ts'

/**
 * The command that measures what a claim needs: the claim's own `measureWith` when it has one (an
 * endpoint or planner URL to point at), otherwise the environment variables that select its
 * runtimes, workloads, parameters and concurrency, then `npx vitest bench --run` on its bench files.
 */
export function measureCommand(claim: Claim): string {
  if (claim.measureWith !== undefined) return claim.measureWith
  const { setup } = claim
  const env: string[] = []
  if (setup.runtimes.length > 0) env.push(`WFB_RUNTIMES=${setup.runtimes.join(',')}`)
  if (setup.workloads.length > 0) env.push(`WFB_WORKLOADS=${setup.workloads.join(',')}`)
  const params = Object.entries(setup.params ?? {}).flatMap(([workload, values]) => Object.entries(values).map(([name, value]) => `${workload}.${name}=${value}`))
  if (params.length > 0) env.push(`WFB_PARAMS=${params.join(',')}`)
  if (setup.concurrency !== undefined && setup.concurrency.length > 0) env.push(`WFB_HTTP_CONCURRENCY=${setup.concurrency.join(',')}`)
  return [...env, 'npx vitest bench --run', ...(setup.benches ?? [])].join(' ')
}
