import { describe, expect, test } from 'vitest'
import type { MachineFingerprint } from '../schema/results.d.ts'
import { hardwareMismatch, machineClassOf, machineDifferences } from './machine-class.ts'

/** The two fresh VMs of issue 12: they differ only in kernel build and exact memory. */
const first: MachineFingerprint = {
  id: '83a7e90caf17',
  cpu: { model: 'Intel Xeon® Processor', vendor: 'Intel', cores: 2, physicalCores: 2, speedGHz: null },
  memoryBytes: 25_276_510_208,
  os: { platform: 'linux', distro: 'Debian GNU/Linux 12', release: '12', kernel: '6.18.44-fc-v657', arch: 'x64' },
  node: '24.21.0',
  v8: '13.6.233.17-node.53',
  hardwareCounters: { supported: false, reason: 'no PMU' },
}
const second: MachineFingerprint = { ...first, id: 'a1b61f530cef', memoryBytes: 25_324_953_600, os: { ...first.os, kernel: '6.18.44-fc-v1272' } }

describe('machineClassOf', () => {
  test('two fresh VMs of one kind are one class; the class names what makes timings comparable', () => {
    const a = machineClassOf(first)
    expect(machineClassOf(second)).toEqual(a)
    expect(a).toEqual({
      id: a.id, cpuModel: 'Intel Xeon® Processor', cores: 2, memoryGiB: 24, arch: 'x64', os: 'linux Debian GNU/Linux 12',
      hardwareCounters: false, node: '24.21.0', v8: '13.6.233.17-node.53',
    })
    expect(a.id).toMatch(/^class-[0-9a-f]{12}$/)
  })

  test('another CPU model, core count, memory size, OS major, Node or counters is another class', () => {
    const id = machineClassOf(first).id
    const variants: MachineFingerprint[] = [
      { ...first, cpu: { ...first.cpu, model: 'AMD EPYC 7B13' } },
      { ...first, cpu: { ...first.cpu, cores: 4 } },
      { ...first, memoryBytes: 16 * 1024 ** 3 },
      { ...first, os: { ...first.os, distro: 'Debian GNU/Linux 13', release: '13' } },
      { ...first, node: '24.22.0' },
      { ...first, hardwareCounters: { supported: true } },
    ]
    for (const variant of variants) expect(machineClassOf(variant).id).not.toBe(id)
    // A point release of the OS stays in the class.
    expect(machineClassOf({ ...first, os: { ...first.os, distro: 'Debian GNU/Linux 12.5', release: '12.5' } }).id).toBe(id)
  })

  // The name itself is checked with the other options (schema/options.schema.json; plugin/options.test.ts).
  test('a testbed name is the id', () => {
    expect(machineClassOf(first, 'ci-x64')).toMatchObject({ id: 'ci-x64', testbed: 'ci-x64', cores: 2 })
  })
})

describe('comparing two fingerprints', () => {
  test('differences inside a class, one item each', () => {
    expect(machineDifferences(second, first)).toEqual(['kernel 6.18.44-fc-v657 -> 6.18.44-fc-v1272', 'memory 25,276,510,208 -> 25,324,953,600 bytes'])
    expect(machineDifferences(first, first)).toEqual([])
  })

  test('another CPU model or core count is a mismatch; memory is not', () => {
    expect(hardwareMismatch(second, first)).toBeUndefined()
    expect(hardwareMismatch({ ...first, cpu: { ...first.cpu, model: 'AMD EPYC 7B13', cores: 4 } }, first)).toBe('CPU `Intel Xeon® Processor` -> `AMD EPYC 7B13`, 2 -> 4 cores')
  })
})
