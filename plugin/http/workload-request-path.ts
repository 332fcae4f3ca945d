import type { PreparedWorkload } from '../types.ts'

/**
 * The path and query one request for a workload uses: `/<workload>` plus the workload's arguments as
 * the query, joined by `&` (`/html`, `/fib?25`). Every server adapter serves this path, so that
 * the harness asks every server the same thing.
 */
export function workloadRequestPath(prepared: PreparedWorkload): string {
  const query = prepared.args.map((arg) => encodeURIComponent(arg)).join('&')
  return `/${prepared.workload.name}${query === '' ? '' : `?${query}`}`
}

/** `http://127.0.0.1:PORT/<workload>?<args>`: the URL of a local server on `port`. */
export function localWorkloadUrl(port: number, prepared: PreparedWorkload): string {
  return `http://127.0.0.1:${port}${workloadRequestPath(prepared)}`
}
