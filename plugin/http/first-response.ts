import { rm } from 'node:fs/promises'
import { BenchError } from '../errors.ts'
import { makeScratchDir } from '../shared/scratch-dir.ts'
import type { ExpectedOutput } from '../types.ts'
import { responseProblem } from './check-response.ts'
import { fetchResponse, TruncatedResponseError } from './fetch-response.ts'
import { assertPortFree, findFreePort } from './free-port.ts'
import { httpTimeoutAdvice } from './http-options.ts'
import { findListenerOwner } from './listener-owner.ts'
import { describeExit, formatTail } from './spawn-server-process.ts'
import type { PreparedServer, ServerExit, ServerInstance } from './types.ts'

/** How often the harness asks a starting server for the page, in milliseconds. */
export const pollIntervalMs = 1

/** A started server that has answered correctly once. */
export interface AnsweringServer {
  instance: ServerInstance
  /** From just before `spawn` to the end of the first correct response, in milliseconds. */
  firstResponseMs: number
  /** Removes the server's scratch folder; call after `instance.close()`. */
  cleanup: () => Promise<void>
  /** The headers of that first response (servers may report e.g. `x-wfb-instance-memory-bytes`). */
  headers: Record<string, string | string[] | undefined>
}

/** What one cold start needs. */
export interface FirstResponseSettings {
  expected: ExpectedOutput
  /** The server must answer correctly within this many milliseconds of its spawn. */
  timeoutMs: number
  /** Extra environment for the server. */
  env?: Record<string, string>
  /** The port to use; default a free one. */
  port?: number
  /** For messages: `node-wasi (one-instance)`. */
  title: string
}

/**
 * Spawns a server and times its first correct response: the page is requested every
 * {@link pollIntervalMs} (a refused connection means "not listening yet") until one comes back
 * right. A wrong page, the server exiting, or no answer within `timeoutMs` fails with the reason and
 * the server's output tail; the server is then stopped and no process remains.
 * @throws BenchError `timeout`, `invocation-failed` or `wrong-output`.
 */
export async function startAndTimeFirstResponse(prepared: PreparedServer, settings: FirstResponseSettings): Promise<AnsweringServer> {
  const port = settings.port ?? await findFreePort()
  await assertPortFree(port)
  // Untimed: a remote endpoint left idle scales to zero, so the response below is a cold start.
  if ((prepared.idleBeforeColdStartMs ?? 0) > 0) await new Promise((resolve) => setTimeout(resolve, prepared.idleBeforeColdStartMs))
  const scratchDir = await makeScratchDir('http')
  const cleanup = (): Promise<void> => rm(scratchDir, { recursive: true, force: true })
  const started = performance.now()
  let instance: ServerInstance | undefined
  try {
    instance = await prepared.spawn({ port, scratchDir, env: settings.env ?? {} })
    // A server with no local process (a remote endpoint) keeps nothing there: nothing to leave behind if the run is killed.
    if (instance.pid === undefined) await cleanup()
    let exit: ServerExit | undefined
    void instance.exited?.then((value) => { exit = value })
    const deadline = started + settings.timeoutMs
    let lastError = 'no attempt'
    while (performance.now() < deadline) {
      if (exit !== undefined) {
        throw new BenchError('invocation-failed', `${settings.title} exited before it answered on 127.0.0.1:${port} (${describeExit(exit)}).${formatTail(exit.outputTail)}`)
      }
      try {
        const response = await fetchResponse(instance.url, Math.max(1, deadline - performance.now()), prepared.request)
        const firstResponseMs = performance.now() - started
        // Untimed: the process that answered must be the one started, not one that took the port first.
        if (instance.pid !== undefined) await assertOwnListener(instance, port, settings.title, () => exit)
        const problem = responseProblem(settings.expected, response)
        if (problem !== undefined) {
          throw new BenchError('wrong-output', `${settings.title} answered ${instance.url} with ${problem}. The server's page is wrong; its numbers would not count.`)
        }
        return { instance, firstResponseMs, cleanup, headers: response.headers }
      } catch (error) {
        if (error instanceof BenchError) throw error
        if (error instanceof TruncatedResponseError) throw new BenchError('wrong-output', `${settings.title} answered ${instance.url} with ${error.message}. The server's page is wrong; its numbers would not count.`)
        lastError = (error as Error).message
      }
      await new Promise((resolve) => setTimeout(resolve, pollIntervalMs))
    }
    await instance.close()
    const tail = (await instance.exited)?.outputTail ?? ''
    throw new BenchError('timeout', `${settings.title} did not answer on 127.0.0.1:${port} within ${settings.timeoutMs} ms (last attempt: ${lastError}). ${httpTimeoutAdvice} if it is just slow to start.${formatTail(tail)}`)
  } catch (error) {
    await instance?.close()
    await cleanup()
    throw error
  }
}

/** How long the harness waits for a server whose port someone else holds to exit, for its own message, in milliseconds. */
const foreignListenerGraceMs = 2_000

/**
 * Checks that the socket that answered on 127.0.0.1:`port` is the started server's (its process or a
 * descendant). When another process holds it (it took the port between the harness's probe and the
 * server's bind), the server usually exits with "address in use": the error names both.
 * @throws BenchError `port-taken` naming the other process, the server's exit and output tail, and the fix.
 */
async function assertOwnListener(instance: ServerInstance, port: number, title: string, exitNow: () => ServerExit | undefined): Promise<void> {
  const owner = await findListenerOwner(port, instance.pid ?? 0)
  if (owner.kind !== 'other') return
  const exit = exitNow() ?? await Promise.race([instance.exited, new Promise<undefined>((resolve) => setTimeout(resolve, foreignListenerGraceMs, undefined))])
  const who = owner.pid === undefined ? 'another process' : `another process (pid ${owner.pid}${owner.command === undefined ? '' : `: ${owner.command}`})`
  const server = exit === undefined
    ? `${title} is still running but does not hold the port.${formatTail((await instance.close().then(() => instance.exited))?.outputTail ?? '')}`
    : `${title} exited (${describeExit(exit)}), most likely because the port was taken.${formatTail(exit.outputTail)}`
  throw new BenchError('port-taken', `The response on 127.0.0.1:${port} came from ${who}, not from the server the harness started: it took the port between the harness's check and the server's start. ${server} This cold start does not count; run again, and stop whatever grabs free ports on 127.0.0.1 if it keeps happening.`)
}
