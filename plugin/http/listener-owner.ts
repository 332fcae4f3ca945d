/**
 * Who listens on a 127.0.0.1 port, read from /proc (Linux): the listening socket's inode from
 * /proc/net/tcp, then the process holding it from /proc/<pid>/fd. The harness picks a free port and
 * the server binds it later, so another process can take the port in between; this tells whether
 * the process that answered is the server that was started.
 */
import { readdir, readFile, readlink } from 'node:fs/promises'
import { listDescendants } from '../collectors/process-tree.ts'
import { readProcCmdline } from '../system/proc-stat.ts'

/** TCP state LISTEN in /proc/net/tcp. */
const listenState = '0A'

/** The inodes of the sockets listening on 127.0.0.1:`port` (or 0.0.0.0:`port`), from a /proc/net/tcp text. */
export function parseListenerInodes(procNetTcp: string, port: number): number[] {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0')
  const addresses = new Set([`0100007F:${hexPort}`, `00000000:${hexPort}`])
  const inodes: number[] = []
  for (const line of procNetTcp.split('\n').slice(1)) {
    const fields = line.trim().split(/\s+/)
    // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode
    if (fields.length > 9 && addresses.has(fields[1] ?? '') && fields[3] === listenState) inodes.push(Number(fields[9]))
  }
  return inodes
}

async function socketInodesOf(pid: number): Promise<Set<number>> {
  const inodes = new Set<number>()
  const fds = await readdir(`/proc/${pid}/fd`).catch(() => [] as string[])
  for (const fd of fds) {
    const target = await readlink(`/proc/${pid}/fd/${fd}`).catch(() => '')
    const match = /^socket:\[(\d+)\]$/.exec(target)
    if (match?.[1] !== undefined) inodes.add(Number(match[1]))
  }
  return inodes
}

/** Who listens on 127.0.0.1:`port`. */
export type ListenerOwner =
  | { kind: 'ours' }
  | { kind: 'other'; pid?: number; command?: string }
  | { kind: 'nobody' }

/**
 * Whether the socket listening on 127.0.0.1:`port` belongs to `serverPid` or one of its descendants
 * (a runtime's worker, the process in a runc container). Otherwise it names the process that holds
 * it, when this user may see it.
 */
export async function findListenerOwner(port: number, serverPid: number): Promise<ListenerOwner> {
  const inodes = parseListenerInodes(await readFile('/proc/net/tcp', 'utf8'), port)
  if (inodes.length === 0) return { kind: 'nobody' }
  const tree = [serverPid, ...(await listDescendants(serverPid)).map((entry) => entry.pid)]
  for (const pid of tree) {
    const held = await socketInodesOf(pid)
    if (inodes.some((inode) => held.has(inode))) return { kind: 'ours' }
  }
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue
    const held = await socketInodesOf(Number(name))
    if (inodes.some((inode) => held.has(inode))) {
      const command = ((await readProcCmdline(name)) ?? []).join(' ')
      return { kind: 'other', pid: Number(name), ...(command === '' ? {} : { command: command.slice(0, 200) }) }
    }
  }
  return { kind: 'other' }
}
