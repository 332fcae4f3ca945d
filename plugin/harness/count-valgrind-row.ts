import { countWithValgrind } from '../collectors/valgrind-instructions.ts'
import type { ResolvedOptions } from '../options.ts'
import type { PreparedWorkload, RuntimeInstance } from '../types.ts'
import { checkOutput } from '../workloads/check-output.ts'

/** valgrind is 20-100 times slower than the program it runs: each counted invocation gets this many times `timeoutMs`. */
const valgrindTimeoutFactor = 20

/**
 * The `valgrindInstructions` samples of one row: `valgrindRuns` extra invocations under callgrind,
 * outside the timed series, each with its output checked. Undefined when `instructionCount` is off;
 * the reason instead of numbers for in-process rows or when valgrind cannot run the runtime, so the
 * row's other metrics survive.
 */
export async function countValgrindRow(instance: RuntimeInstance, prepared: PreparedWorkload, title: string, options: ResolvedOptions): Promise<number[] | { unsupported: string } | undefined> {
  if (options.instructionCount !== 'valgrind') return undefined
  if (instance.command === undefined) return { unsupported: 'not counted in in-process mode: valgrind would count the whole host process, not the instance; see the process-mode row' }
  const counts: number[] = []
  try {
    for (let run = 0; run < options.valgrindRuns; run++) {
      const counted = await countWithValgrind({ ...instance.command, timeoutMs: options.timeoutMs * valgrindTimeoutFactor })
      checkOutput(prepared, {
        stdout: counted.stdout,
        stderrTail: counted.stderr.slice(-4096),
        exitCode: counted.exitCode ?? null,
        signal: null,
        timedOut: false,
        usage: { wallNs: 0, cpuUserUs: 0, cpuSysUs: 0, peakRssBytes: 0, warmNs: [] },
      }, `${title} under valgrind`)
      counts.push(counted.instructions)
    }
  } catch (error) {
    return { unsupported: `valgrind could not count it: ${(error as Error).message.split('\n')[0] ?? ''}` }
  }
  return counts
}
