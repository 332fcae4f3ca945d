import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { countWithPerf, judgePerfProbe, parsePerfStat, probeHardwareCounters } from './hardware-counters.ts'

// `perf stat -x, -e instructions:u,cycles:u -- true` on a machine with a PMU (perf 6.x).
const supportedOutput = `# started on Mon Jan  1 00:00:00 2026

987654321,,instructions:u,123456789,100.00,0.80,insn per cycle
1234567890,,cycles:u,123456789,100.00,,
`

// The same command on this project's VMs (perf 6.1, no PMU exposed).
const unsupportedOutput = `<not supported>,,instructions:u,0,100.00,,
<not supported>,,cycles:u,0,100.00,,
`

// A hybrid CPU: one line per core type; `true` never ran on an efficiency core.
const hybridOutput = `402561,,cpu_core/instructions:u/,585103,100.00,,
<not counted>,,cpu_atom/instructions:u/,0,0.00,,
671239,,cpu_core/cycles:u/,585103,100.00,,
<not counted>,,cpu_atom/cycles:u/,0,0.00,,
`

// `perf stat -x, -a -e task-clock -- true` as an unprivileged user (perf 6.1).
const permissionOutput = `Error:
Access to performance monitoring and observability operations is limited.
Consider adjusting /proc/sys/kernel/perf_event_paranoid setting to open
access to performance monitoring and observability operations for processes
without CAP_PERFMON, CAP_SYS_PTRACE or CAP_SYS_ADMIN Linux capability.
More information can be found at 'Perf events and tool security' document:
https://www.kernel.org/doc/html/latest/admin-guide/perf-security.html
perf_event_paranoid setting is 3:
  -1: Allow use of (almost) all events by all users
      Ignore mlock limit after perf_event_mlock_kb without CAP_IPC_LOCK
>= 0: Disallow raw and ftrace function tracepoint access
>= 1: Disallow CPU event access
>= 2: Disallow kernel profiling
To make the adjusted perf_event_paranoid setting permanent preserve it
in /etc/sysctl.conf (e.g. kernel.perf_event_paranoid = <setting>)
`

const perfPath = (process.env.PATH ?? '').split(':').map((dir) => join(dir, 'perf')).find((path) => existsSync(path))
const pmuDevicesDir = '/sys/bus/event_source/devices'
const hasCpuPmu = existsSync(pmuDevicesDir) && readdirSync(pmuDevicesDir).some((device) => /^(cpu|armv|arm_)/.test(device))

describe('parsePerfStat', () => {
  test('reads counts from a machine with a PMU', () => {
    expect(parsePerfStat(supportedOutput)).toEqual({ instructions: 987654321, cycles: 1234567890, unsupported: [] })
  })

  test('lists <not supported> events without inventing counts', () => {
    expect(parsePerfStat(unsupportedOutput)).toEqual({ unsupported: ['instructions:u', 'cycles:u'] })
  })

  test('sums hybrid core types and ignores a <not counted> part', () => {
    expect(parsePerfStat(hybridOutput)).toEqual({ instructions: 402561, cycles: 671239, unsupported: [] })
  })

  test('an event that was only <not counted> is listed', () => {
    expect(parsePerfStat('<not counted>,,instructions:u,0,0.00,,\n5000,,cycles:u,1000,100.00,,\n')).toEqual({ cycles: 5000, unsupported: ['instructions:u'] })
  })
})

describe('judgePerfProbe', () => {
  test('supported when both counts are there', () => {
    expect(judgePerfProbe('/usr/bin/perf', { exitCode: 0, stderr: supportedOutput }, {})).toEqual({ supported: true, perfPath: '/usr/bin/perf' })
  })

  test('no PMU: names the missing device and what would provide one', () => {
    const probe = judgePerfProbe('/usr/bin/perf', { exitCode: 0, stderr: unsupportedOutput }, {
      paranoid: '2\n',
      pmuDevices: ['breakpoint', 'msr', 'power', 'software', 'tracepoint', 'uprobe'],
    })
    expect(probe).toEqual({
      supported: false,
      reason: 'perf stat reports <not supported> for instructions:u, cycles:u: this machine exposes no hardware PMU (no CPU PMU among /sys/bus/event_source/devices: breakpoint, msr, power, software, tracepoint, uprobe). Hardware counters need bare metal or a VM with PMU passthrough (e.g. KVM `-cpu host,pmu=on`).',
    })
  })

  test('a CPU PMU without these events says so instead of blaming the VM', () => {
    const probe = judgePerfProbe('/usr/bin/perf', { exitCode: 0, stderr: unsupportedOutput }, { pmuDevices: ['cpu', 'software'] })
    expect(probe).toEqual({
      supported: false,
      reason: 'perf stat reports <not supported> for instructions:u, cycles:u although the kernel lists a CPU PMU (cpu): this CPU, or the hypervisor\'s virtual PMU, does not offer these events. Check `perf list hw`.',
    })
  })

  test('permission: gives the paranoid level and how to lower it', () => {
    const probe = judgePerfProbe('/usr/bin/perf', { exitCode: 255, stderr: permissionOutput }, { paranoid: '3\n' })
    expect(probe).toEqual({
      supported: false,
      reason: 'perf is not allowed to count: kernel.perf_event_paranoid is 3. Counting user-space events of your own processes needs 2 or less: `sysctl -w kernel.perf_event_paranoid=2` (as root; persist it in /etc/sysctl.d/), or run with CAP_PERFMON.',
    })
  })

  test('permission denied at a permissive level points at the container', () => {
    const probe = judgePerfProbe('/usr/bin/perf', { exitCode: 255, stderr: permissionOutput }, { paranoid: '1' })
    expect(probe.supported).toBe(false)
    expect(probe).toHaveProperty('reason', expect.stringContaining('seccomp') as unknown)
  })
})

describe('on this machine', () => {
  test.skipIf(perfPath === undefined || hasCpuPmu)('probeHardwareCounters says why there are no counters (skipped: perf absent or this machine has a CPU PMU)', async () => {
    const probe = await probeHardwareCounters()
    expect(probe.supported).toBe(false)
    expect(probe).toHaveProperty('reason', expect.stringMatching(/<not supported>.*no hardware PMU/) as unknown)
    expect(await probeHardwareCounters()).toBe(probe)
  })

  test.skipIf(perfPath !== undefined)('without perf the probe says how to install it (skipped: perf is installed)', async () => {
    expect(await probeHardwareCounters()).toEqual({
      supported: false,
      reason: 'perf is not installed (no `perf` on PATH). Install it: `apt-get install -y linux-perf`.',
    })
  })

  test.skipIf(perfPath === undefined || hasCpuPmu)('countWithPerf refuses to make up counts (skipped: perf absent or this machine has a CPU PMU)', async () => {
    const counting = countWithPerf(perfPath ?? 'perf', { file: 'true', args: [], timeoutMs: 10_000 })
    await expect(counting).rejects.toMatchObject({ code: 'invocation-failed' })
    await expect(counting).rejects.toThrow('perf could not count instructions:u, cycles:u for `true`')
  })

  test.skipIf(perfPath === undefined || !hasCpuPmu)('countWithPerf counts a real process (skipped: no perf or no CPU PMU here)', async () => {
    const counts = await countWithPerf(perfPath ?? 'perf', { file: 'true', args: [], timeoutMs: 10_000 })
    expect(counts.instructions).toBeGreaterThan(0)
    expect(counts.cycles).toBeGreaterThan(0)
  })
})
