import { BenchError } from '../errors.ts'
import type { PreparedWorkload } from '../types.ts'
import { expectedBytes, responseProblem } from './check-response.ts'
import { fetchResponse, TruncatedResponseError } from './fetch-response.ts'
import { startAndTimeFirstResponse, type AnsweringServer } from './first-response.ts'
import { checkLoad } from './check-load.ts'
import { startHey, type LoadReport } from './hey.ts'
import { assertOpenFileLimit } from './open-file-limit.ts'
import { startTreeSampler, type TreeSamples } from './sample-process-tree.ts'
import { describeExit, formatTail } from './spawn-server-process.ts'
import type { PreparedServer, ServerAdapter, ServerExit } from './types.ts'
import type { ServerMode } from '../types.ts'

/** How one HTTP row is measured. */
export interface HttpRowSettings {
  /** Concurrent connections of the load phase. */
  concurrency: number
  keepAlive: boolean
  /** Length of the load phase, in milliseconds. */
  durationMs: number
  /** The load phase also stops after this many requests. */
  maxRequests: number
  /** Server starts timed to their first correct response. */
  coldSamples: number
  /** Bound of a server's start-up to its first correct response, and of each request, in milliseconds. */
  timeoutMs: number
  /** Path of the load generator (hey). */
  heyPath: string
  /** For messages: `node-wasi (one-instance)`. */
  title: string
  /** Extra environment for the server. */
  env?: Record<string, string>
  /** Full body checks on a separate connection during the load phase, every this many milliseconds. Default 500. */
  checkIntervalMs?: number
}

/** The samples of one HTTP row, by metric name (units in the names). */
export interface HttpMeasurement {
  samples: Record<string, number[]>
  /** Metrics that could not be measured, with the reason. */
  unsupported: Record<string, string>
  /** Responses whose whole body was checked (SHA-256): cold starts, and before, during and after load. */
  checkedBodies: number
  load: LoadReport
}

/** Width of the windows that requests per second are counted in, in milliseconds. */
export const throughputWindowMs = 250
/** The header a server may send with the linear memory of the instance that made the page, in bytes. */
export const instanceMemoryHeader = 'x-wfb-instance-memory-bytes'

/**
 * Measures one HTTP row of a prepared server: `coldSamples` cold starts (spawn to first correct
 * response, each server stopped after), then a server under load from hey for `durationMs` at
 * `concurrency`, with its process tree sampled and full body checks before, during and after load.
 * The server is always stopped and no process remains.
 * @throws BenchError naming what went wrong (an open-file limit too low for `concurrency`, a wrong or truncated page, errors or non-200 under load,
 * the server exiting, no answer in time) with the server's output tail.
 */
export async function measureHttpRow(prepared: PreparedServer, workload: PreparedWorkload, settings: HttpRowSettings): Promise<HttpMeasurement> {
  // Before any server starts: a limit too low for the connections would fail the load phase half-way.
  assertOpenFileLimit(settings.concurrency)
  const expected = prepared.expected ?? workload.expected
  const start = (): Promise<AnsweringServer> => startAndTimeFirstResponse(prepared, { expected, timeoutMs: settings.timeoutMs, title: settings.title, ...(settings.env === undefined ? {} : { env: settings.env }) })
  const firstResponseMs: number[] = []
  const instanceMemoryBytes: number[] = []
  const noteMemory = (headers: Record<string, string | string[] | undefined>): void => {
    const value = Number(headers[instanceMemoryHeader])
    if (Number.isFinite(value) && value > 0) instanceMemoryBytes.push(value)
  }
  let server: AnsweringServer | undefined
  try {
    for (let sample = 0; sample < settings.coldSamples; sample++) {
      server = await start()
      firstResponseMs.push(server.firstResponseMs)
      noteMemory(server.headers)
      // The last one stays up for the load phase.
      if (sample < settings.coldSamples - 1) await stop(server)
    }
    if (server === undefined) throw new BenchError('invalid-option', 'An HTTP row needs at least one cold sample.')
    const { instance } = server
    let exit: ServerExit | undefined
    void instance.exited?.then((value) => { exit = value })
    let checkedBodies = settings.coldSamples
    const check = async (when: string): Promise<void> => {
      let response
      try {
        response = await fetchResponse(instance.url, settings.timeoutMs, prepared.request)
      } catch (error) {
        if (exit !== undefined) throw crashed(settings.title, exit, when)
        if (error instanceof TruncatedResponseError) throw new BenchError('wrong-output', `${settings.title} answered ${instance.url} ${when} with ${error.message}. The server's page is wrong; its numbers would not count.`)
        throw new BenchError('invocation-failed', `${settings.title}: the check ${when} got no complete response from ${instance.url}: ${(error as Error).message}.`)
      }
      const problem = responseProblem(expected, response)
      if (problem !== undefined) throw new BenchError('wrong-output', `${settings.title} answered ${instance.url} ${when} with ${problem}. The server's page is wrong; its numbers would not count.`)
      noteMemory(response.headers)
      checkedBodies++
    }
    await check('before the load phase')

    const sampler = instance.pid === undefined ? undefined : startTreeSampler(instance.pid)
    const phase = startHey(settings.heyPath, {
      url: instance.url, concurrency: settings.concurrency, durationMs: settings.durationMs,
      maxRequests: settings.maxRequests, keepAlive: settings.keepAlive, requestTimeoutMs: settings.timeoutMs,
      ...(prepared.request === undefined ? {} : { request: prepared.request }),
    })
    let loadDone = false
    // Ends the wait between two checks at once when the load phase ends.
    let wake = (): void => undefined
    const during = (async () => {
      const intervalMs = settings.checkIntervalMs ?? 500
      while (!loadDone) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, intervalMs)
          wake = () => { clearTimeout(timer); resolve() }
        })
        if (!loadDone) await check('during the load phase')
      }
    })()
    const crash = instance.exited?.then((value) => { throw crashed(settings.title, value, 'during the load phase') })
    let load: LoadReport
    let tree: TreeSamples | undefined
    try {
      load = await Promise.race([phase.report, during.then(() => phase.report), ...(crash === undefined ? [] : [crash])])
    } catch (error) {
      phase.abort()
      throw error
    } finally {
      loadDone = true
      wake()
      crash?.catch(() => undefined)
      phase.report.catch(() => undefined)
      tree = await sampler?.stop()
      await during.catch(() => undefined)
    }
    if (exit !== undefined) throw crashed(settings.title, exit, 'during the load phase')
    checkLoad(load, { bytesPerResponse: expectedBytes(expected), title: settings.title, url: instance.url, keepAlive: settings.keepAlive, concurrency: settings.concurrency })
    await check('after the load phase')
    return toMeasurement(load, { firstResponseMs, instanceMemoryBytes, tree, checkedBodies, bytesPerResponse: expectedBytes(expected) })
  } finally {
    if (server !== undefined) await stop(server)
  }
}

async function stop(server: AnsweringServer): Promise<void> {
  await server.instance.close()
  await server.cleanup()
}

function crashed(title: string, exit: ServerExit, when: string): BenchError {
  return new BenchError('invocation-failed', `${title} exited ${when} (${describeExit(exit)}).${formatTail(exit.outputTail)}`)
}

/**
 * Requests completed per {@link throughputWindowMs} window of the load phase, as requests per second:
 * the last, partial window left out, and with more than four windows the first and last full ones too.
 */
export function throughputWindows(load: LoadReport): number[] {
  const ends = load.latenciesMs.map((latency, index) => (load.startOffsetsMs[index] ?? 0) + latency)
  const fullWindows = Math.floor((load.durationSeconds * 1000) / throughputWindowMs)
  if (fullWindows < 2) return [load.latenciesMs.length / load.durationSeconds]
  const counts = Array.from({ length: fullWindows }, () => 0)
  for (const end of ends) {
    const window = Math.floor(end / throughputWindowMs)
    if (window < fullWindows) counts[window] = (counts[window] ?? 0) + 1
  }
  const rates = counts.map((count) => count * (1000 / throughputWindowMs))
  // With enough windows, leave out the first (connections opening) and the last (hey stopping) too.
  return rates.length > 4 ? rates.slice(1, -1) : rates
}

function toMeasurement(load: LoadReport, parts: { firstResponseMs: number[]; instanceMemoryBytes: number[]; tree: TreeSamples | undefined; checkedBodies: number; bytesPerResponse: number }): HttpMeasurement {
  const requestsPerSec = throughputWindows(load)
  const samples: Record<string, number[]> = {
    firstResponseMs: parts.firstResponseMs,
    requestsPerSec,
    latencyMs: load.latenciesMs,
    bytesPerSec: requestsPerSec.map((rate) => rate * parts.bytesPerResponse),
    errorCount: [Object.values(load.errors).reduce((sum, count) => sum + count, 0)],
    non2xxCount: [Object.entries(load.statusCounts).filter(([status]) => !status.startsWith('2')).reduce((sum, [, count]) => sum + count, 0)],
  }
  const unsupported: Record<string, string> = {}
  if (parts.tree === undefined || parts.tree.rssBytes.length === 0) {
    const reason = parts.tree === undefined ? 'the server has no local process (a remote endpoint)' : 'the load phase was shorter than one sampling interval'
    unsupported.serverCpuUtilisation = reason
    unsupported.serverRssBytes = reason
  } else {
    samples.serverCpuUtilisation = parts.tree.cpuUtilisation
    samples.serverRssBytes = parts.tree.rssBytes
  }
  if (parts.instanceMemoryBytes.length > 0) samples.instanceMemoryBytes = parts.instanceMemoryBytes
  return { samples, unsupported, checkedBodies: parts.checkedBodies, load }
}

/**
 * One HTTP row from scratch, for callers outside the bench files (Sledge, endpoints, scripts):
 * prepares `adapter` for the workload and mode, measures, and disposes of what it prepared.
 */
export async function measureServer(adapter: ServerAdapter, workload: PreparedWorkload, mode: ServerMode, settings: Omit<HttpRowSettings, 'title'>): Promise<HttpMeasurement> {
  const prepared = await adapter.prepare(workload, mode)
  try {
    return await measureHttpRow(prepared, workload, { ...settings, title: `${adapter.name} (${mode})` })
  } finally {
    await prepared.dispose()
  }
}
