import { countWithValgrind } from '../collectors/valgrind-instructions.ts'
import type { PreparedWorkload, RuntimeInstance } from '../types.ts'
import { checkOutput } from '../workloads/check-output.ts'

/** valgrind is 20-100 times slower than the program it runs: each counted invocation gets this many times `timeoutMs`. */
const valgrindTimeoutFactor = 20

/** The plugin options {@link countValgrindRow} reads (a part of the resolved options). */
export interface ValgrindRowOptions {
  /** `valgrind` counts instructions; `off` (the default) does not. */
  instructionCount: 'off' | 'valgrind'
  /** Invocations counted per row. */
  valgrindRuns: number
  /** An invocation's timeout, ms (valgrind gets 20 times it). */
  timeoutMs: number
}

/**
 * The `valgrindInstructions` samples of one row: `valgrindRuns` extra invocations under callgrind,
 * outside the timed series, each with its output checked. Undefined when `instructionCount` is off;
 * the reason instead of numbers for in-process rows or when valgrind cannot run the runtime, so the
 * row's other metrics survive.
 */
export async function countValgrindRow(instance: RuntimeInstance, prepared: PreparedWorkload, title: string, options: ValgrindRowOptions): Promise<number[] | { unsupported: string } | undefined> {
  if (options.instructionCount !== 'valgrind') return undefined
  if (instance.command === undefined) return { unsupported: 'not counted without a process per invocation (in-process or remote mode): valgrind would count a whole host process or cannot reach the instance; see a process-mode row' }
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
    // The whole message on one line: the cause (valgrind's assertion, the runtime's stderr) follows the first line.
    const message = (error as Error).message.split('\n').map((line) => line.trim()).filter((line) => line !== '').join(' ')
    return { unsupported: `valgrind could not count it: ${message.length > 600 ? `${message.slice(0, 600)}…` : message}` }
  }
  return counts
}
