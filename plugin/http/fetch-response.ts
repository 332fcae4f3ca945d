import { request } from 'node:http'
import { request as requestTls } from 'node:https'
import { BenchError } from '../errors.ts'
import type { ServerRequest } from './types.ts'

/** One HTTP response as the harness checks it. */
export interface FetchedResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: Buffer
}

/**
 * GETs `url` on a new connection (no agent, `Connection: close`) and reads the whole body; a
 * `spec` (a user's endpoint) sets another method, extra headers and a body. Rejects on a
 * connection error, on a body cut short of its Content-Length (Node's parser reports an aborted
 * response) and after `timeoutMs`.
 */
/** A response whose status line and headers came but whose body was cut short: the server answered, wrongly. */
export class TruncatedResponseError extends Error {
  override name = 'TruncatedResponseError'
}

export function fetchResponse(url: string, timeoutMs: number, spec?: ServerRequest): Promise<FetchedResponse> {
  return new Promise((resolve, reject) => {
    const send = url.startsWith('https:') ? requestTls : request
    const options = { agent: false, method: spec?.method ?? 'GET', headers: { ...spec?.headers, connection: 'close' }, timeout: timeoutMs } as const
    const outgoing = send(url, options, (incoming) => {
      const chunks: Buffer[] = []
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk))
      const cut = (): TruncatedResponseError => new TruncatedResponseError(`a truncated page: the connection closed after ${Buffer.concat(chunks).length} bytes of the body (status ${incoming.statusCode ?? 0}, Content-Length ${incoming.headers['content-length'] ?? 'none'})`)
      incoming.on('error', (error) => reject(incoming.complete ? error : cut()))
      incoming.on('aborted', () => reject(cut()))
      incoming.on('end', () => {
        if (incoming.complete) resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body: Buffer.concat(chunks) })
        else reject(cut())
      })
    })
    outgoing.on('timeout', () => outgoing.destroy(new BenchError('timeout', `no complete response within ${timeoutMs} ms`)))
    outgoing.on('error', reject)
    outgoing.end(spec?.body)
  })
}
