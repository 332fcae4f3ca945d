import type { SkippedRow } from '../../schema/results.d.ts'

/** Skipped cells that share one cause: the same reason and the same fix. */
export interface SkipGroup {
  /** The runtimes or servers skipped for this cause, in first-seen order. */
  runtimes: string[]
  reason: string
  install: string
  /** How many cells (runtime x mode x workload x parameters) it skipped. */
  cells: number
}

/** The `runtimes install` names of a fix, when it is only that command. */
const installCommand = /^npx wasm-faas-bench runtimes install ([\w-]+(?: [\w-]+)*)$/

/**
 * Skipped cells grouped by cause, so that a runtime missing from a 60-cell matrix is one line, not 60.
 * A cell's cause is its runtime, reason and fix; runtimes whose fix is only `runtimes install <name>`
 * are then merged into one "not installed" group with one command for all of them.
 */
export function groupSkips(skipped: readonly SkippedRow[]): SkipGroup[] {
  const byCause = new Map<string, SkipGroup>()
  for (const skip of skipped) {
    const key = `${skip.runtime}\0${skip.reason}\0${skip.install}`
    const group = byCause.get(key)
    if (group === undefined) byCause.set(key, { runtimes: [skip.runtime], reason: skip.reason, install: skip.install, cells: 1 })
    else group.cells++
  }
  const groups: SkipGroup[] = []
  let notInstalled: SkipGroup | undefined
  for (const group of byCause.values()) {
    const names = installCommand.exec(group.install)?.[1]
    if (names === undefined) {
      groups.push(group)
      continue
    }
    if (notInstalled === undefined) {
      notInstalled = { runtimes: [], reason: 'not installed', install: '', cells: 0 }
      groups.push(notInstalled)
    }
    for (const name of group.runtimes) if (!notInstalled.runtimes.includes(name)) notInstalled.runtimes.push(name)
    notInstalled.cells += group.cells
    const installNames = new Set([...installCommand.exec(notInstalled.install)?.[1]?.split(' ') ?? [], ...names.split(' ')])
    notInstalled.install = `npx wasm-faas-bench runtimes install ${[...installNames].join(' ')}`
  }
  return groups
}

/** Fixes that install nothing (the workload or a setting decides) start with this. */
const nothingToInstall = 'nothing to install: '

/**
 * One line per cause: `wasmi, wamr (24 cells): not installed. Install: npx wasm-faas-bench runtimes install wasmi wamr`;
 * a fix that installs nothing reads `Fix: …`.
 */
export function formatSkipGroup(group: SkipGroup): string {
  const cells = `${group.cells} ${group.cells === 1 ? 'cell' : 'cells'}`
  const fix = group.install.startsWith(nothingToInstall) ? `Fix: ${group.install.slice(nothingToInstall.length)}` : `Install: ${group.install}`
  return `${group.runtimes.join(', ')} (${cells}): ${group.reason}. ${fix}`
}
