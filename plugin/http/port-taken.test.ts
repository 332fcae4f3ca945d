// The harness picks a free port and the server binds it a moment later; a process that takes the
// port in between must not be measured as the server, and the server's own "address in use" exit
// must be what the failure says.
import { once } from 'node:events'
import { createServer, type Server } from 'node:http'
import { afterEach, expect, test } from 'vitest'
import { listDescendants } from '../collectors/process-tree.ts'
import { BenchError } from '../errors.ts'
import { startAndTimeFirstResponse } from './first-response.ts'
import { findListenerOwner, parseListenerInodes } from './listener-owner.ts'
import { spawnServerProcess } from './spawn-server-process.ts'
import type { PreparedServer } from './types.ts'

let intruder: Server | undefined
afterEach(async () => {
  if (intruder !== undefined) await new Promise((resolve) => intruder?.close(resolve))
  intruder = undefined
  expect(await listDescendants(process.pid)).toEqual([])
})

/** A node server on `port` answering `ok`; it exits 1 with EADDRINUSE when the port is taken. */
const serverScript = `require('node:http').createServer((q, s) => s.end('ok\\n')).listen(Number(process.argv[1]), '127.0.0.1')`

function preparedServer(takePortFirst: boolean): PreparedServer {
  return {
    keepAlive: true,
    async spawn({ port, scratchDir }) {
      if (takePortFirst) {
        // Another process grabs the port between the harness's probe and the server's bind.
        intruder = createServer((_request, response) => response.end('ok\n'))
        intruder.listen(port, '127.0.0.1')
        await once(intruder, 'listening')
      }
      return spawnServerProcess({ file: process.execPath, args: ['-e', serverScript, String(port)], url: `http://127.0.0.1:${port}/`, scratchDir })
    },
    dispose: () => Promise.resolve(),
  }
}

test('parseListenerInodes reads listening sockets on 127.0.0.1 and 0.0.0.0 only', () => {
  const table = [
    '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode',
    '   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1111 1 0 100 0 0 10 0',
    '   1: 0100007F:1F90 0100007F:C350 01 00000000:00000000 00:00000000 00000000     0        0 2222 1 0 100 0 0 10 0',
    '   2: 00000000:1F91 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 3333 1 0 100 0 0 10 0',
  ].join('\n')
  expect(parseListenerInodes(table, 8080)).toEqual([1111])
  expect(parseListenerInodes(table, 8081)).toEqual([3333])
  expect(parseListenerInodes(table, 8082)).toEqual([])
})

test('the started server holds its listener: the cold start counts', async () => {
  const answered = await startAndTimeFirstResponse(preparedServer(false), { expected: { kind: 'exact', stdout: 'ok\n' }, timeoutMs: 20_000, title: 'node (test)' })
  try {
    const port = Number(new URL(answered.instance.url).port)
    expect(await findListenerOwner(port, answered.instance.pid ?? 0)).toEqual({ kind: 'ours' })
  } finally {
    await answered.instance.close()
    await answered.cleanup()
  }
})

test('a process that took the port is not measured; the server\'s own "address in use" exit is reported', async () => {
  const error: unknown = await startAndTimeFirstResponse(preparedServer(true), { expected: { kind: 'exact', stdout: 'ok\n' }, timeoutMs: 20_000, title: 'node (test)' }).then(() => undefined, (reason: unknown) => reason)
  expect(error).toBeInstanceOf(BenchError)
  expect((error as BenchError).code).toBe('port-taken')
  expect((error as BenchError).message).toMatch(new RegExp(`^The response on 127\\.0\\.0\\.1:\\d+ came from another process \\(pid ${process.pid}: .*\\), not from the server the harness started`))
  expect((error as BenchError).message).toMatch(/node \(test\) exited \(exit code 1\), most likely because the port was taken\.\nServer output \(last lines\):\nstderr:\n[\s\S]*EADDRINUSE/)
})
