import { createHash } from 'node:crypto'
import type { MachineClass, MachineFingerprint } from '../schema/results.d.ts'

export type { MachineClass } from '../schema/results.d.ts'

/** Bytes in one GiB: memory is compared rounded to whole GiB. */
const bytesPerGiB = 1024 ** 3

/** `Debian GNU/Linux 12` and release `12.5` -> `linux Debian GNU/Linux 12`: platform, distribution and its major version. */
function osOfClass(os: MachineFingerprint['os']): string {
  const major = os.release.split(/[.\s]/)[0] ?? os.release
  const name = os.distro.endsWith(os.release) ? os.distro.slice(0, -os.release.length).trim() : os.distro
  return `${os.platform} ${name} ${major}`.trim()
}

/**
 * The class of machine a fingerprint belongs to: what makes timings comparable between machines
 * (CPU model, logical cores, memory rounded to GiB, architecture, OS and major version, hardware
 * counters, Node and V8). Kernel builds, exact memory and clock readings vary between fresh VMs of
 * one kind and are left out. `id` is a hash of those fields, or the user's testbed name. Pure.
 */
export function machineClassOf(machine: MachineFingerprint, testbed?: string): MachineClass {
  const fields = {
    cpuModel: machine.cpu.model,
    cores: machine.cpu.cores,
    memoryGiB: Math.round(machine.memoryBytes / bytesPerGiB),
    arch: machine.os.arch,
    os: osOfClass(machine.os),
    hardwareCounters: machine.hardwareCounters.supported,
    node: machine.node,
    v8: machine.v8,
  }
  const hash = createHash('sha256').update(JSON.stringify(fields)).digest('hex').slice(0, 12)
  return { id: testbed ?? `class-${hash}`, ...(testbed === undefined ? {} : { testbed }), ...fields }
}

/** The class recorded in a fingerprint, or computed from it for files written before classes existed (baseline schema 1, results without `class`). */
export function classOf(machine: MachineFingerprint): MachineClass {
  return machine.class ?? machineClassOf(machine)
}

/** `Intel Xeon (2 cores, 24 GiB, x64, linux Debian GNU/Linux 12, Node 24.21.0, no counters)` for messages. */
export function describeMachineClass(machineClass: MachineClass): string {
  return `${machineClass.cpuModel} (${machineClass.cores} cores, ${machineClass.memoryGiB} GiB, ${machineClass.arch}, ${machineClass.os}, Node ${machineClass.node}, ${machineClass.hardwareCounters ? 'hardware counters' : 'no counters'})`
}

/**
 * Why two machines are never compared, or undefined when they may be: another CPU model or another
 * core count, whatever the testbed names say. Pure.
 */
export function hardwareMismatch(current: MachineFingerprint, baseline: MachineFingerprint): string | undefined {
  const problems: string[] = []
  if (current.cpu.model !== baseline.cpu.model) problems.push(`CPU \`${baseline.cpu.model}\` -> \`${current.cpu.model}\``)
  if (current.cpu.cores !== baseline.cpu.cores) problems.push(`${baseline.cpu.cores} -> ${current.cpu.cores} cores`)
  return problems.length === 0 ? undefined : problems.join(', ')
}

/** `25,276,510,208` */
function grouped(value: number): string {
  return value.toLocaleString('en-US')
}

/**
 * How the baseline's machine differs from this one inside their class (kernel build, exact memory,
 * CPU vendor string, clock, distribution string, other class fields under a testbed name), one
 * `field a -> b` item each; empty when the fingerprints agree. Pure.
 */
export function machineDifferences(current: MachineFingerprint, baseline: MachineFingerprint): string[] {
  const pairs: [string, string | number | boolean | null, string | number | boolean | null][] = [
    ['CPU model', baseline.cpu.model, current.cpu.model],
    ['cores', baseline.cpu.cores, current.cpu.cores],
    ['physical cores', baseline.cpu.physicalCores, current.cpu.physicalCores],
    ['CPU vendor', baseline.cpu.vendor, current.cpu.vendor],
    ['CPU GHz', baseline.cpu.speedGHz, current.cpu.speedGHz],
    ['kernel', baseline.os.kernel, current.os.kernel],
    ['OS', baseline.os.distro, current.os.distro],
    ['arch', baseline.os.arch, current.os.arch],
    ['Node', baseline.node, current.node],
    ['V8', baseline.v8, current.v8],
    ['hardware counters', baseline.hardwareCounters.supported, current.hardwareCounters.supported],
  ]
  const changes = pairs.filter(([, before, now]) => before !== now).map(([name, before, now]) => `${name} ${String(before)} -> ${String(now)}`)
  if (current.memoryBytes !== baseline.memoryBytes) changes.push(`memory ${grouped(baseline.memoryBytes)} -> ${grouped(current.memoryBytes)} bytes`)
  return changes
}
