import { createHash } from 'node:crypto'
import si from 'systeminformation'
import type { MachineFingerprint } from '../schema/results.d.ts'
import { probeHardwareCounters } from './collectors/hardware-counters.ts'
import { machineClassOf } from './machine-class.ts'

/**
 * Reads what identifies this machine for comparing results: CPU, memory, OS, kernel, Node and V8,
 * and whether hardware counters can be read. `id` hashes every field (this one machine); `class`
 * is its machine class, which baselines are keyed by (see machine-class.ts), named `testbed` when
 * the user gave a name. Takes about 50 ms.
 */
export async function readMachineFingerprint(testbed?: string): Promise<MachineFingerprint> {
  const [cpu, mem, os, counters] = await Promise.all([si.cpu(), si.mem(), si.osInfo(), probeHardwareCounters()])
  const stable = {
    cpu: {
      model: `${cpu.manufacturer} ${cpu.brand}`.trim(),
      vendor: cpu.vendor,
      cores: cpu.cores,
      physicalCores: cpu.physicalCores,
      // systeminformation reads 0 GHz on some VMs: say unknown rather than zero.
      speedGHz: cpu.speed > 0 ? cpu.speed : null,
    },
    memoryBytes: mem.total,
    os: { platform: os.platform, distro: `${os.distro} ${os.release}`.trim(), release: os.release, kernel: os.kernel, arch: os.arch },
    node: process.versions.node,
    v8: process.versions.v8,
  }
  const id = createHash('sha256').update(JSON.stringify(stable)).digest('hex').slice(0, 12)
  const fingerprint: MachineFingerprint = {
    id,
    ...stable,
    hardwareCounters: counters.supported ? { supported: true } : { supported: false, reason: counters.reason },
  }
  return { ...fingerprint, class: machineClassOf(fingerprint, testbed) }
}
