import { BenchError } from '../errors.ts'
import type { PreparedWorkload } from '../types.ts'
import { expectedBytes } from './check-response.ts'
import { startAndTimeFirstResponse } from './first-response.ts'
import { startHey } from './hey.ts'
import { checkLoad } from './check-load.ts'
import type { PreparedServer } from './types.ts'
import { runWrk } from './wrk.ts'

/** Throughput of hey and wrk against the same server, round by round. */
export interface GeneratorComparison {
  heyRequestsPerSec: number[]
  wrkRequestsPerSec: number[]
  /** hey's throughput divided by wrk's in the same round (1 = as fast as wrk). */
  heyToWrkRatio: number[]
}

/**
 * Runs hey and wrk against one server, interleaved (hey, wrk, hey, wrk, …) so that drift in the
 * machine's load hits both alike, `rounds` times each, keep-alive on, `connections` connections.
 * Every hey response is checked as in an HTTP row (status 200, Content-Length); wrk's non-2xx and
 * socket errors must be 0. The server is started once and always stopped.
 */
export async function compareLoadGenerators(server: PreparedServer, workload: PreparedWorkload, settings: {
  heyPath: string; wrkPath: string; connections: number; durationMs: number; rounds: number; timeoutMs: number; title: string
}): Promise<GeneratorComparison> {
  const running = await startAndTimeFirstResponse(server, { expected: workload.expected, timeoutMs: settings.timeoutMs, title: settings.title })
  const comparison: GeneratorComparison = { heyRequestsPerSec: [], wrkRequestsPerSec: [], heyToWrkRatio: [] }
  try {
    const { url } = running.instance
    for (let round = 0; round < settings.rounds; round++) {
      const hey = await startHey(settings.heyPath, { url, concurrency: settings.connections, durationMs: settings.durationMs, maxRequests: 10_000_000, keepAlive: true, requestTimeoutMs: settings.timeoutMs }).report
      checkLoad(hey, { bytesPerResponse: expectedBytes(workload.expected), title: `${settings.title} under hey`, url, keepAlive: true, concurrency: settings.connections })
      const wrk = await runWrk(settings.wrkPath, { url, connections: settings.connections, durationMs: settings.durationMs })
      if (wrk.non2xx > 0 || wrk.socketErrors > 0) throw new BenchError('wrong-output', `${settings.title} under wrk: ${wrk.non2xx} non-2xx responses and ${wrk.socketErrors} socket errors of ${wrk.requests} requests; every response must be 200 for the comparison with hey to count. Check the server's log, or lower the connections.`)
      const heyRate = hey.latenciesMs.length / hey.durationSeconds
      comparison.heyRequestsPerSec.push(heyRate)
      comparison.wrkRequestsPerSec.push(wrk.requestsPerSec)
      comparison.heyToWrkRatio.push(heyRate / wrk.requestsPerSec)
    }
  } finally {
    await running.instance.close()
    await running.cleanup()
  }
  return comparison
}
