/**
 * Hardware counters (user-space instructions and cycles) through `perf stat`, where the machine
 * has them. Most VMs expose no PMU: then the probe says so and no number is made up.
 * Counting runs separately from timing: perf's own start-up would distort a cold start.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { execa } from 'execa'
import { BenchError } from '../errors.ts'
import { findOnPath } from '../system/find-on-path.ts'
import { formatCommand } from '../shared/format-command.ts'

/** Whether `perf stat` can count hardware events here, and if not, why and what fixes it. */
export type HardwareCounterProbe =
  | { supported: true; perfPath: string }
  | { supported: false; reason: string }

/** Counts parsed from `perf stat -x,` output. Events perf could not count are listed in `unsupported`. */
export interface PerfStatCounts {
  instructions?: number
  cycles?: number
  /** Event names as perf printed them, for `<not supported>` and `<not counted>` lines. */
  unsupported: string[]
}

/** Events counted, in user space only (`:u` works with perf_event_paranoid <= 2 without privileges). */
const perfEvents = 'instructions:u,cycles:u'
const installHint = 'apt-get install -y linux-perf'
const paranoidPath = '/proc/sys/kernel/perf_event_paranoid'
const pmuDevicesPath = '/sys/bus/event_source/devices'

/** Reduces `cpu_core/instructions:u/` or `instructions:u` to `instructions`. */
function baseEventName(event: string): string {
  const inner = /^[\w-]+\/([^/]+)\/[a-zA-Z]*$/.exec(event)?.[1] ?? event
  return inner.replace(/:[a-zA-Z]+$/, '')
}

/**
 * Parses `perf stat -x,` output: `value,unit,event,run-time,enabled-%,metric,metric-unit` per
 * line, `#` lines are comments. Hybrid CPUs print one line per core type (`cpu_core/…/`,
 * `cpu_atom/…/`): their counts are summed, and a `<not counted>` part is ignored when another part counted.
 */
export function parsePerfStat(csv: string): PerfStatCounts {
  const counts = new Map<string, number>()
  const uncounted = new Map<string, string[]>()
  for (const line of csv.split('\n')) {
    if (line.trim() === '' || line.startsWith('#')) continue
    const [value = '', , event = ''] = line.split(',')
    if (event === '') continue
    const name = baseEventName(event)
    if (value.startsWith('<')) {
      uncounted.set(name, [...(uncounted.get(name) ?? []), event])
      continue
    }
    const count = Number(value)
    if (Number.isFinite(count)) counts.set(name, (counts.get(name) ?? 0) + count)
  }
  const unsupported = [...uncounted].filter(([name]) => !counts.has(name)).flatMap(([, events]) => events)
  const instructions = counts.get('instructions')
  const cycles = counts.get('cycles')
  return {
    ...(instructions === undefined ? {} : { instructions }),
    ...(cycles === undefined ? {} : { cycles }),
    unsupported,
  }
}

/** What the probe read from the machine besides perf's output. */
export interface PerfProbeContext {
  /** Content of /proc/sys/kernel/perf_event_paranoid; undefined when unreadable. */
  paranoid?: string
  /** Entries of /sys/bus/event_source/devices (the kernel's PMUs); undefined when unreadable. */
  pmuDevices?: string[]
}

/** Core CPU PMUs: `cpu` (x86), `cpu_core`/`cpu_atom` (hybrid x86), `armv8_pmuv3_0` and the like (Arm). */
const cpuPmuPattern = /^(cpu|armv|arm_)/

/** Decides from one `perf stat -x, -e instructions:u,cycles:u -- true` run whether counters work. */
export function judgePerfProbe(
  perfPath: string,
  run: { exitCode: number | undefined; stderr: string },
  context: PerfProbeContext,
): HardwareCounterProbe {
  const stderr = run.stderr
  if (/perf_event_paranoid|Access to performance monitoring|No permission|Permission denied/i.test(stderr)) {
    const level = context.paranoid?.trim() ?? 'unknown'
    const fix = Number(level) <= 2
      ? 'That level allows user-space counting, so something else denies it, typically a container\'s seccomp profile or missing CAP_PERFMON: run outside the container, or give it CAP_PERFMON and a seccomp profile that allows perf_event_open.'
      : 'Counting user-space events of your own processes needs 2 or less: `sysctl -w kernel.perf_event_paranoid=2` (as root; persist it in /etc/sysctl.d/), or run with CAP_PERFMON.'
    return {
      supported: false,
      reason: `perf is not allowed to count: kernel.perf_event_paranoid is ${level}. ${fix}`,
    }
  }
  const counts = parsePerfStat(stderr)
  if (counts.instructions !== undefined && counts.cycles !== undefined) {
    return { supported: true, perfPath }
  }
  if (/<not supported>/.test(stderr)) {
    const events = counts.unsupported.join(', ')
    const cpuPmus = context.pmuDevices?.filter((device) => cpuPmuPattern.test(device)) ?? []
    if (cpuPmus.length > 0) {
      return {
        supported: false,
        reason: `perf stat reports <not supported> for ${events} although the kernel lists a CPU PMU (${cpuPmus.join(', ')}): this CPU, or the hypervisor's virtual PMU, does not offer these events. Check \`perf list hw\`.`,
      }
    }
    const evidence = context.pmuDevices === undefined
      ? 'typical for VMs'
      : `no CPU PMU among /sys/bus/event_source/devices: ${context.pmuDevices.join(', ') || 'none'}`
    return {
      supported: false,
      reason: `perf stat reports <not supported> for ${events}: this machine exposes no hardware PMU (${evidence}). Hardware counters need bare metal or a VM with PMU passthrough (e.g. KVM \`-cpu host,pmu=on\`).`,
    }
  }
  if (/<not counted>/.test(stderr)) {
    return {
      supported: false,
      reason: `perf stat reports <not counted> for ${counts.unsupported.join(', ')}: the PMU exists but could not schedule these events (counters busy, e.g. the NMI watchdog; try \`sysctl -w kernel.nmi_watchdog=0\`).`,
    }
  }
  if (/not installed|not found/i.test(stderr)) {
    return { supported: false, reason: `perf cannot run for this kernel (${lastLine(stderr)}). Install the matching package: \`${installHint}\`.` }
  }
  return {
    supported: false,
    reason: `\`${perfPath} stat -x, -e ${perfEvents} -- true\` failed (exit ${run.exitCode ?? 'none'}): ${lastLine(stderr) || 'no output'}.`,
  }
}

function lastLine(text: string): string {
  return text.trim().split('\n').at(-1)?.trim() ?? ''
}

let probe: Promise<HardwareCounterProbe> | undefined

/** Checks once per process whether `perf stat` can count user-space instructions and cycles here. */
export function probeHardwareCounters(): Promise<HardwareCounterProbe> {
  probe ??= runProbe()
  return probe
}

async function runProbe(): Promise<HardwareCounterProbe> {
  const perfPath = await findOnPath('perf')
  if (perfPath === undefined) {
    return { supported: false, reason: `perf is not installed (no \`perf\` on PATH). Install it: \`${installHint}\`.` }
  }
  const run = await execa(perfPath, ['stat', '-x,', '-e', perfEvents, '--', 'true'], {
    reject: false,
    stdin: 'ignore',
    timeout: 10_000,
  })
  const [paranoid, pmuDevices] = await Promise.all([
    readFile(paranoidPath, 'utf8').catch(() => undefined),
    readdir(pmuDevicesPath).then((names) => names.toSorted()).catch(() => undefined),
  ])
  return judgePerfProbe(perfPath, { exitCode: run.exitCode, stderr: run.stderr }, {
    ...(paranoid === undefined ? {} : { paranoid }),
    ...(pmuDevices === undefined ? {} : { pmuDevices }),
  })
}

/**
 * Runs a command under `perf stat` and returns its user-space instructions and cycles.
 * Not for timing: perf adds its own start-up. Throws `invocation-failed` when the command fails
 * or the counters are unsupported (check `probeHardwareCounters()` first).
 */
export async function countWithPerf(
  perfPath: string,
  spec: { file: string; args: string[]; timeoutMs: number },
): Promise<{ instructions: number; cycles: number }> {
  const command = formatCommand(spec.file, spec.args)
  const dir = await mkdtemp(join(tmpdir(), 'wfb-perf-'))
  try {
    const outputPath = join(dir, 'perf-stat.csv')
    const run = await execa(perfPath, ['stat', '-x,', '-e', perfEvents, '-o', outputPath, '--', spec.file, ...spec.args], {
      reject: false,
      stdin: 'ignore',
      timeout: spec.timeoutMs,
    })
    if (run.failed) {
      throw new BenchError(
        'invocation-failed',
        `Cannot count instructions of \`${command}\` with perf: ${run.shortMessage}${run.stderr === '' ? '' : `\n${run.stderr}`}`,
        { cause: run.cause },
      )
    }
    const counts = parsePerfStat(await readFile(outputPath, 'utf8'))
    if (counts.instructions === undefined || counts.cycles === undefined) {
      throw new BenchError(
        'invocation-failed',
        `perf could not count ${counts.unsupported.join(', ') || perfEvents} for \`${command}\`: no hardware counters here. Hardware counters need bare metal or a VM with PMU passthrough.`,
      )
    }
    return { instructions: counts.instructions, cycles: counts.cycles }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
