import { readdir, readFile } from 'node:fs/promises'

/** For tests: processes anywhere on the machine (orphans included) whose environment carries `marker` (`NAME=value`). */
export async function processesWithEnv(marker: string): Promise<Array<{ pid: number; command: string }>> {
  const found: Array<{ pid: number; command: string }> = []
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    const environ = await readFile(`/proc/${entry}/environ`, 'latin1').catch(() => '')
    if (!environ.split('\0').includes(marker)) continue
    const command = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '')
    found.push({ pid: Number(entry), command: command.replaceAll('\0', ' ').trim() })
  }
  return found
}

/**
 * For Ctrl-C tests: starts a run (`start(env)`) whose processes carry a fresh marker in their
 * environment, waits up to 60 s until `isLive` sees the moment to interrupt among them, sends
 * SIGINT, and returns what is still running with the marker 5 s later (empty when nothing leaked)
 * and whether that moment came at all.
 */
export async function interruptAndListLeftovers(
  start: (env: Record<string, string>) => { kill: (signal: NodeJS.Signals) => boolean } & PromiseLike<unknown>,
  isLive: (command: string) => boolean,
): Promise<{ reachedLive: boolean; leftovers: Array<{ pid: number; command: string }> }> {
  const name = 'WFB_CTRL_C_MARK'
  const marker = `${name}=${process.pid}-${Date.now()}`
  const run = start({ [name]: marker.slice(name.length + 1) })
  const live = async (): Promise<boolean> => (await processesWithEnv(marker)).some(({ command }) => isLive(command))
  const deadline = Date.now() + 60_000
  while (!(await live()) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50))
  const reachedLive = await live()
  run.kill('SIGINT')
  await run
  const settle = Date.now() + 5_000
  while ((await processesWithEnv(marker)).length > 0 && Date.now() < settle) await new Promise((resolve) => setTimeout(resolve, 100))
  return { reachedLive, leftovers: await processesWithEnv(marker) }
}
