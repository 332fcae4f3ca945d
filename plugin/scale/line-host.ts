/**
 * The client of a scale host process that speaks the line protocol of
 * fixtures/scale/wasmtime-scale-host.c (commands on stdin, replies on stdout):
 * `ready <compileNs>` once; `add K` -> `output <count> <hex>`… then `added <K> <live> <elapsedNs>`;
 * `instantiate K` -> `output …`… then `instantiated <ns>…`; `firstcall K` -> `output …`… then
 * `firstcalled <ns>…` (hosts started with `firstCall`); `error <message>` on failure.
 * The host exits when its stdin closes, so this process dying (even by SIGKILL) ends it too.
 */
import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { BenchError } from '../errors.ts'
import type { AddedInstances, ScaleSession } from './types.ts'

/** The host program to start. */
export interface LineHostCommand {
  file: string
  args: string[]
  env?: Record<string, string>
  /** For messages: `Wasmtime C API (pooling)`. */
  title: string
  /** How long one command (or the start) may take before the host is killed, in milliseconds. */
  timeoutMs: number
  /** Whether the host answers `firstcall K` (then the session has `firstCall`). Default false. */
  firstCall?: boolean
}

/** Parses one `output <count> <hex>` line, or undefined for any other line. */
export function parseOutputLine(line: string): { stdout: Buffer; count: number } | undefined {
  const match = /^output (\d+) ([0-9a-f]*)$/.exec(line)
  if (match?.[1] === undefined || match[2] === undefined) return undefined
  return { count: Number(match[1]), stdout: Buffer.from(match[2], 'hex') }
}

/**
 * Starts the host and waits for its `ready` line.
 * @throws BenchError `invocation-failed` when it exits or says `error` first, `timeout` when it is silent too long.
 */
export async function startLineHost(command: LineHostCommand): Promise<ScaleSession> {
  const child = spawn(command.file, command.args, { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...command.env } })
  let stderr = ''
  child.stderr.setEncoding('utf8')
  child.stderr.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000)
  })
  const exited = new Promise<string>((resolve) => {
    child.on('error', (error) => resolve(`could not start: ${error.message}`))
    child.on('exit', (code, signal) => resolve(`exited (${signal ?? `code ${code}`})`))
  })
  // One queue of lines; a reader waits for the next.
  const lines: string[] = []
  let wake: (() => void) | undefined
  let ended = false
  const reader = createInterface({ input: child.stdout })
  reader.on('line', (line) => {
    lines.push(line)
    wake?.()
  })
  reader.on('close', () => {
    ended = true
    wake?.()
  })
  const fail = (problem: string): never => {
    throw new BenchError('invocation-failed', `${command.title} ${problem}.${stderr.trim() === '' ? '' : ` Its stderr ends: ${stderr.trim().slice(-1000)}`}`)
  }
  const nextLine = async (): Promise<string> => {
    const deadline = Date.now() + command.timeoutMs
    while (lines.length === 0) {
      if (ended) fail(`stopped answering: it ${await exited}`)
      const left = deadline - Date.now()
      if (left <= 0) {
        child.kill('SIGKILL')
        throw new BenchError('timeout', `${command.title} did not answer within ${command.timeoutMs} ms and was killed. Raise the timeout or lower the number of instances.`)
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left)
        wake = () => {
          clearTimeout(timer)
          resolve()
        }
      })
      wake = undefined
    }
    return lines.shift() as string
  }
  // Reads `output` lines until the final reply that starts with `word`.
  const readReply = async (word: string): Promise<{ fields: string[]; outputs: AddedInstances['outputs'] }> => {
    const outputs: AddedInstances['outputs'] = []
    for (;;) {
      const line = await nextLine()
      const output = parseOutputLine(line)
      if (output !== undefined) {
        outputs.push(output)
        continue
      }
      if (line.startsWith('error ')) fail(`failed: ${line.slice(6)}`)
      const fields = line.split(' ')
      if (fields[0] === word) return { fields: fields.slice(1), outputs }
      fail(`sent an unexpected line \`${line.slice(0, 200)}\` (wanted \`${word} …\`)`)
    }
  }
  const send = (text: string): void => {
    if (!child.stdin.writable) fail('has closed its input')
    child.stdin.write(`${text}\n`)
  }

  let closed = false
  const close = async (): Promise<void> => {
    if (closed) return
    closed = true
    child.stdin.end()
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
    if (child.exitCode === null && child.signalCode === null) await exited
    clearTimeout(timer)
  }

  try {
    await readReply('ready')
  } catch (error) {
    child.kill('SIGKILL')
    await close()
    throw error
  }
  const firstCall: ScaleSession['firstCall'] = async (samples) => {
    send(`firstcall ${samples}`)
    const { fields, outputs } = await readReply('firstcalled')
    return { samplesNs: fields.map(Number), outputs }
  }
  return {
    ...(command.firstCall === true ? { firstCall } : {}),
    async add(count) {
      send(`add ${count}`)
      const { fields, outputs } = await readReply('added')
      return { count, elapsedNs: Number(fields[2]), outputs }
    },
    async instantiate(samples) {
      send(`instantiate ${samples}`)
      const { fields, outputs } = await readReply('instantiated')
      return { samplesNs: fields.map(Number), outputs }
    },
    pids: () => Promise.resolve(child.pid === undefined || closed ? [] : [child.pid]),
    close,
  }
}
