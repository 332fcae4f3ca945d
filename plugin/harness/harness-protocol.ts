/**
 * The workload harness (workloads/common/wfb-main.c) speaks a tiny protocol on stderr:
 * `--wfb-repeat K` before the workload's arguments makes it repeat the call K times inside the
 * live instance and print one `wfb-warm-ns <ns>` line per repetition.
 */

/** Flag that asks the workload harness for timed repetitions. */
export const repeatFlag = '--wfb-repeat'

const warmLinePattern = /^wfb-warm-ns (\d+)$/

/** How many bytes of stderr an invocation result keeps (its tail). */
export const stderrTailBytes = 4096

/** Arguments for one invocation: the harness flag (when repeating) followed by the workload's own. */
export function harnessArgs(workloadArgs: readonly string[], warmRepeats: number): string[] {
  return warmRepeats > 0 ? [repeatFlag, String(warmRepeats), ...workloadArgs] : [...workloadArgs]
}

/** Splits harness stderr into the warm durations (ns) and the rest, of which the last `stderrTailBytes` are kept. */
export function parseHarnessStderr(stderr: string): { warmNs: number[]; stderrTail: string } {
  const warmNs: number[] = []
  const rest: string[] = []
  for (const line of stderr.split('\n')) {
    const match = warmLinePattern.exec(line)
    if (match?.[1] === undefined) rest.push(line)
    else warmNs.push(Number(match[1]))
  }
  const text = rest.join('\n').trim()
  return { warmNs, stderrTail: text.length > stderrTailBytes ? `…${text.slice(-stderrTailBytes)}` : text }
}
