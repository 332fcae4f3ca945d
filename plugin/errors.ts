/** Every error wasm-faas-bench raises on purpose. Messages name the problem, the value and the fix. */
export type BenchErrorCode =
  | 'unknown-runtime'
  | 'unknown-workload'
  | 'invalid-option'
  | 'invalid-workload'
  | 'runtime-unavailable'
  | 'wrong-output'
  | 'invocation-failed'
  | 'timeout'
  | 'build-failed'
  | 'install-failed'
  | 'invalid-results'
  | 'invalid-baseline'
  | 'report-failed'
  | 'invalid-claims'
  | 'unwritable-output'
  | 'port-taken'

/** The one error class of the project: a `code` for programs, a message for people, the original `cause`. */
export class BenchError extends Error {
  override name = 'BenchError'
  readonly code: BenchErrorCode

  constructor(code: BenchErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.code = code
  }
}

/** Formats a list of names as `` `a`, `b`, `c` `` for messages. */
export function formatNames(names: readonly string[]): string {
  return names.map((name) => `\`${name}\``).join(', ')
}
