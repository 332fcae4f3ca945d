import { createServer } from 'node:net'
import { BenchError } from '../errors.ts'

/**
 * A TCP port on 127.0.0.1 that is free now: the kernel picks one for a listener that is closed at
 * once. Another process may still take it before the server binds: the harness then checks, after
 * the first response, that the listening socket belongs to the server it started
 * (listener-owner.ts) and reports the other process and the server's own "address in use" exit.
 */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address !== null ? address.port : 0
      probe.close(() => (port > 0 ? resolve(port) : reject(new BenchError('port-taken', 'The kernel gave no free TCP port on 127.0.0.1 for a server. Close idle servers or connections (`ss -ltn` lists the listeners) and run again.'))))
    })
  })
}

/**
 * Checks that nothing listens on 127.0.0.1:`port`.
 * @throws BenchError `port-taken` naming the port and the fix.
 */
export function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE'
        ? new BenchError('port-taken', `Port ${port} on 127.0.0.1 is already in use, so a server cannot listen there. Stop whatever listens on it (\`ss -ltnp 'sport = :${port}'\` shows it) or let the harness choose a free port.`)
        : error)
    })
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()))
  })
}
