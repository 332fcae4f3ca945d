import { readdir } from 'node:fs/promises'
import { relative, resolve } from 'node:path'
import type { Comparison, ResultsFile } from '../../schema/results.d.ts'
import type { ResolvedBaselineOptions } from './baseline-options.ts'
import { baselinePath, readBaseline, updateBaseline } from './baseline-store.ts'
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

async function otherMachines(dir: string, machineId: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[])
  return names.filter((name) => name.endsWith('.json') && name !== `${machineId}.json`).map((name) => name.slice(0, -'.json'.length))
}

/**
 * The regression gate for one finished run: records the baseline (update) or judges the run against
 * the stored baseline of its machine, and returns the results file's `comparison` section. `failed`
 * is set for any regressed verdict, and under `baseline.missing: 'fail'` for nothing to compare with.
 * Throws a BenchError when the stored baseline is corrupt (it is left untouched).
 */
export async function runGate(results: ResultsFile, settings: GateSettings): Promise<Comparison> {
  const dir = resolve(settings.root, settings.baseline.dir)
  const path = baselinePath(dir, results.machine.id)
  const fromRoot = relative(settings.root, path)
  const shownPath = fromRoot.startsWith('..') ? path : fromRoot
  if (settings.update) {
    const written = await updateBaseline(path, results)
    return { status: 'recorded', baselinePath: shownPath, baselineUpdatedAt: written.updatedAt, failed: false, message: `recorded ${results.rows.length} rows as the baseline in ${shownPath} (${written.entries.length} entries in all). Commit it.`, verdicts: [] }
  }
  const baseline = await readBaseline(path)
  const { policy, missing } = settings.baseline
  const verdicts = judge(sideOfResults(results), baseline === undefined ? undefined : sideOfBaseline(baseline), policy)
  const regressed = verdicts.some((verdict) => verdict.verdict === 'regressed')
  const nothingToCompare = verdicts.some((verdict) => verdict.verdict === 'no-baseline' || verdict.verdict === 'incomparable')
  const failed = regressed || (missing === 'fail' && (nothingToCompare || baseline === undefined))
  const base = { baselinePath: shownPath, failed, falseDiscoveryRate: policy.falseDiscoveryRate, verdicts }
  if (baseline === undefined) {
    const others = await otherMachines(dir, results.machine.id)
    const elsewhere = others.length === 0 ? '' : ` (${settings.baseline.dir}/ has baselines of other machines only: ${others.join(', ')}; results of different machines are never compared)`
    const outcome = missing === 'fail' ? 'The run fails (`baseline.missing: \'fail\'`).' : 'The run passes (`baseline.missing: \'pass\'`).'
    return { ...base, status: 'no-baseline', message: `no baseline for this machine (\`${results.machine.id}\`) at ${shownPath}${elsewhere}. ${outcome} Record one with \`vitest bench -u\`.` }
  }
  const outcome = regressed ? 'FAILED' : failed ? 'FAILED (nothing to compare with, `baseline.missing: \'fail\'`)' : 'passed'
  return { ...base, status: 'compared', baselineUpdatedAt: baseline.updatedAt, message: `${outcome}: ${countVerdicts(verdicts)} against ${shownPath} (updated ${baseline.updatedAt}).` }
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
