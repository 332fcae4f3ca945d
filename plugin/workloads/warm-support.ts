import type { Workload } from '../types.ts'

/**
 * Why warm repetitions cannot be asked of `workload`, or undefined when they can: C workloads
 * always speak the warm protocol (their harness, workloads/common/wfb-main.c); a prebuilt module
 * only when it declares `warm: 'wfb-repeat'`. Its warm metrics are then `{ unsupported: reason }`.
 */
export function warmUnsupportedReason(workload: Workload): string | undefined {
  if (workload.kind === 'c' || workload.warm === 'wfb-repeat') return undefined
  return `not measured: prebuilt module \`${workload.name}\` does not declare the warm protocol (\`warm: 'wfb-repeat'\`: \`--wfb-repeat K\` first, one \`wfb-warm-ns <ns>\` stderr line per repetition; docs/workloads.md), so it cannot be called again inside one live instance`
}
