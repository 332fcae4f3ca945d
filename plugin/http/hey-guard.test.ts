// hey against a local server: it must not outlive a harness that is killed outright (SIGKILL of a
// Vitest worker, the OOM killer), and a phase that ends at maxRequests says so.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { existsSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { afterAll, expect, test } from 'vitest'
import { listDescendants } from '../collectors/process-tree.ts'
import { startHey } from './hey.ts'
import { detectLoadGenerator } from './load-generator.ts'
import { waitFor } from '../testing/wait-for.ts'

const hey = await detectLoadGenerator('hey')
const skipNote = hey.available ? '' : ` (skipped: ${hey.reason ?? ''}; install: ${hey.install})`
const server = createServer((_request, response) => response.end('ok\n'))
server.listen(0, '127.0.0.1')
await once(server, 'listening')
const port = (server.address() as AddressInfo).port
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

test.skipIf(!hey.available)(`hey started by startHey dies with its harness when that is SIGKILLed${skipNote}`, { timeout: 30_000 }, async () => {
  const heyModule = fileURLToPath(new URL('./hey.ts', import.meta.url))
  const script = `const { startHey } = await import(${JSON.stringify(heyModule)});
startHey(${JSON.stringify(hey.path)}, { url: 'http://127.0.0.1:${port}/', concurrency: 1, durationMs: 60000, maxRequests: 100000000, keepAlive: true, requestTimeoutMs: 1000 }).report.catch(() => {});
setInterval(() => {}, 1000)`
  const harness = spawn(process.execPath, ['--no-warnings', '--input-type=module', '-e', script], { stdio: 'ignore' })
  const exited = once(harness, 'exit')
  const heyPid = await waitFor('hey under the harness', async () => (await listDescendants(harness.pid ?? 0)).find((entry) => entry.command.startsWith(`${hey.path ?? 'hey'} -n`))?.pid, 10_000)
  harness.kill('SIGKILL')
  await exited
  await waitFor(`hey ${heyPid} to be gone`, () => Promise.resolve(existsSync(`/proc/${heyPid}`) ? undefined : true), 5_000)
  expect(existsSync(`/proc/${heyPid}`)).toBe(false)
})

test.skipIf(!hey.available)(`a phase that reaches maxRequests before its duration is marked stoppedByMaxRequests; one stopped by its duration is not${skipNote}`, { timeout: 30_000 }, async () => {
  const url = `http://127.0.0.1:${port}/`
  const cut = await startHey(hey.path ?? 'hey', { url, concurrency: 1, durationMs: 20_000, maxRequests: 20, keepAlive: true, requestTimeoutMs: 1000 }).report
  expect(cut.requests).toBe(20)
  expect(cut.stoppedByMaxRequests).toBe(true)
  const timed = await startHey(hey.path ?? 'hey', { url, concurrency: 1, durationMs: 300, maxRequests: 100_000_000, keepAlive: true, requestTimeoutMs: 1000 }).report
  expect(timed.stoppedByMaxRequests).toBeUndefined()
})
