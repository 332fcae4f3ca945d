import { relative, resolve } from 'node:path'
import type { Comparison, ResultsFile } from '../../schema/results.d.ts'
import { BenchError } from '../errors.ts'
import type { ResolvedBaselineOptions } from './baseline-options.ts'
import { classOf, describeMachineClass, hardwareMismatch, machineDifferences } from '../machine-class.ts'
import { baselinePath, findBaseline, otherBaselines, updateBaseline } from './baseline-store.ts'
import { judge } from './judge.ts'
import { countVerdicts, renderGate } from './render-gate.ts'
import { sideOfBaseline, sideOfResults } from './to-judge-side.ts'

/** What the gate needs besides the results: the project root, the baseline options and whether this run records. */
export interface GateSettings {
  root: string
  baseline: ResolvedBaselineOptions
  /** Record the run as the baseline (`vitest bench -u` or WFB_UPDATE_BASELINE=1) instead of judging it. */
  update: boolean
}

/** Whether a run records the baseline: the `baseline.update` option or WFB_UPDATE_BASELINE when set, else Vitest's `-u` flag. */
export function resolveUpdate(option: boolean | undefined, vitestConfig: { update?: boolean | string; snapshotOptions?: { updateSnapshot?: string } } | undefined): boolean {
  if (option !== undefined) return option
  return vitestConfig?.update === true || vitestConfig?.update === 'all' || vitestConfig?.snapshotOptions?.updateSnapshot === 'all'
}

/** The values Vitest's `-u`/`--update` takes itself. */
const updateValues = new Set(['true', 'false', 'all', 'new', 'none'])

/**
 * Vitest's `-u` takes an optional value, so `-u benches/fib.bench.ts` makes the file name the value
 * and the run measures every bench file. Such a value is refused before anything is measured.
 * @throws BenchError `invalid-option` naming the swallowed word and the order that works.
 */
export function assertUpdateValue(vitestConfig: { update?: boolean | string } | undefined): void {
  const value = vitestConfig?.update
  if (typeof value !== 'string' || updateValues.has(value)) return
  throw new BenchError('invalid-option', `Vitest's \`-u\` took \`${value}\` as its value (it accepts true, new, all or none), so the run would measure every bench file instead of that one. Put \`-u\` last (\`npm run bench -- ${value} -u\`), or record with WFB_UPDATE_BASELINE=1.`)
}

/**
 * The regression gate for one finished run: records the baseline (update) or judges the run against
 * the stored baseline of its machine class, and returns the results file's `comparison` section.
 * Differences between the baseline's machine and this one inside the class go in `machineNote`.
 * `failed` is set for any regressed verdict, and under `baseline.missing: 'fail'` for nothing to
 * compare with. Throws a BenchError when the stored baseline is corrupt (it is left untouched).
 */
export async function runGate(results: ResultsFile, settings: GateSettings): Promise<Comparison> {
  const dir = resolve(settings.root, settings.baseline.dir)
  const machineClass = classOf(results.machine)
  const shown = (path: string): string => {
    const fromRoot = relative(settings.root, path)
    return fromRoot.startsWith('..') ? path : fromRoot
  }
  if (settings.update && results.incomplete !== undefined) {
    throw new BenchError('invalid-results', `Refusing to record this run as the baseline: it did not finish (${results.incomplete.reason}), so rows are missing or cut short. The baseline of machine class \`${machineClass.id}\` in ${shown(baselinePath(dir, machineClass.id))} is left as it was. Run the benchmarks again to the end with \`-u\`.`)
  }
  if (settings.update) {
    const written = await updateBaseline(dir, results)
    const migrated = written.migratedFrom === undefined ? '' : ` (migrated from ${shown(written.migratedFrom)}, schema 1, which was removed)`
    return { status: 'recorded', baselinePath: shown(written.path), baselineUpdatedAt: written.baseline.updatedAt, machineClass: machineClass.id, failed: false, message: `recorded ${results.rows.length} rows as the baseline of machine class \`${machineClass.id}\` in ${shown(written.path)}${migrated} (${written.baseline.entries.length} entries in all). Commit it.`, verdicts: [] }
  }
  const found = await findBaseline(dir, results.machine)
  const { policy, missing } = settings.baseline
  const verdicts = judge(sideOfResults(results), found === undefined ? undefined : sideOfBaseline(found.baseline), policy)
  const regressed = verdicts.some((verdict) => verdict.verdict === 'regressed')
  const nothingToCompare = verdicts.some((verdict) => verdict.verdict === 'no-baseline' || verdict.verdict === 'incomparable')
  const failed = regressed || (missing === 'fail' && (nothingToCompare || found === undefined))
  const base = { machineClass: machineClass.id, failed, falseDiscoveryRate: policy.falseDiscoveryRate, verdicts }
  if (found === undefined) {
    const path = baselinePath(dir, machineClass.id)
    const others = await otherBaselines(dir, machineClass.id, undefined)
    const elsewhere = others.length === 0 ? '' : ` (${settings.baseline.dir}/ has baselines of other machine classes only: ${others.join(', ')}; another CPU model, core count, memory size, OS, counters or Node/V8 is never compared)`
    const outcome = missing === 'fail' ? 'The run fails (`baseline.missing: \'fail\'`).' : 'The run passes (`baseline.missing: \'pass\'`).'
    return { ...base, baselinePath: shown(path), status: 'no-baseline', message: `no baseline for this machine class (\`${machineClass.id}\`: ${describeMachineClass(machineClass)}) at ${shown(path)}${elsewhere}. ${outcome} Record one with \`vitest bench -u\`.` }
  }
  const differences = machineDifferences(results.machine, found.baseline.machine)
  const mismatch = hardwareMismatch(results.machine, found.baseline.machine)
  const note = mismatch !== undefined
    ? `the baseline's machine has other hardware (${mismatch}): never compared.`
    : differences.length === 0 ? undefined : `same machine class \`${machineClass.id}\`, recorded on machine \`${found.baseline.machine.id}\` (this is \`${results.machine.id}\`); differences: ${differences.join('; ')}.`
  const outcome = regressed ? 'FAILED' : failed ? 'FAILED (nothing to compare with, `baseline.missing: \'fail\'`)' : 'passed'
  return { ...base, baselinePath: shown(found.path), status: 'compared', baselineUpdatedAt: found.baseline.updatedAt, ...(note === undefined ? {} : { machineNote: note }), message: `${outcome}: ${countVerdicts(verdicts)} against ${shown(found.path)} (updated ${found.baseline.updatedAt}).` }
}

/** The gate's outcome for the reporter: the comparison for the results file (none when the gate could not run), the text to print, and whether the run fails. */
export interface GateOutcome {
  comparison?: Comparison
  text: string
  failed: boolean
}

/** `runGate`, with a gate that cannot run (a corrupt baseline, a refused update) turned into a failed outcome whose text says why. */
export async function applyGate(results: ResultsFile, settings: GateSettings): Promise<GateOutcome> {
  try {
    const comparison = await runGate(results, settings)
    return { comparison, text: renderGate(comparison), failed: comparison.failed }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return { text: `regression gate: FAILED, it could not run.\n${message}`, failed: true }
  }
}
