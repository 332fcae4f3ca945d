import { BenchError, formatNames } from '../errors.ts'
import { defaultMinEffect, defaultPolicy, type JudgePolicy, type JudgePolicyOverrides, type MetricKind, type MetricPolicy, type MetricStatistic } from './policy.ts'

/** The `baseline` option of the plugin: where baselines live and how the regression gate judges a run. */
export interface BaselineOptions {
  /** Folder of baseline files, one `<machine class id>.json` per machine class (see machine-class.ts), relative to the project root. Default `baselines`; env `WFB_BASELINE_DIR`. */
  dir?: string
  /**
   * What happens when there is nothing to compare with (no baseline for this machine or a row, or one
   * recorded with another runtime version or flags): `pass` (default) reports it, `fail` fails the run.
   * Env `WFB_BASELINE_MISSING`.
   */
  missing?: 'pass' | 'fail'
  /** Record this run as the baseline instead of judging it. Default: Vitest's `-u` flag (`vitest bench -u`); env `WFB_UPDATE_BASELINE=1`. */
  update?: boolean
  /** Overrides of the judging policy (minimum effect, false discovery rate, per-metric settings). Env `WFB_BASELINE_POLICY` (the same as JSON) is applied on top. */
  policy?: JudgePolicyOverrides
}

/** Baseline options with every default filled in. `update` stays undefined when only Vitest's `-u` can decide. */
export interface ResolvedBaselineOptions {
  dir: string
  missing: 'pass' | 'fail'
  update: boolean | undefined
  policy: JudgePolicy
}

const knownKeys = ['dir', 'missing', 'update', 'policy']
const policyKeys = ['falseDiscoveryRate', 'referenceRuntime', 'maxOtherLoadCores', 'otherMachineMinEffect', 'minEffect', 'metrics']
const metricKeys = ['kind', 'statistic', 'minEffect', 'minAbsoluteChange', 'reference', 'samplesOption', 'speedDependent']
const metricKinds: readonly MetricKind[] = ['sampled', 'exact']

function checkKeys(where: string, value: object, known: readonly string[]): void {
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) throw new BenchError('invalid-option', `Unknown option \`${where}.${key}\`. Use one of: ${formatNames(known)}.`)
  }
}
const references: ReadonlyArray<MetricPolicy['reference']> = ['auto', 'always', 'never']
const statistics: readonly MetricStatistic[] = ['median', 'p10']

function checkFraction(name: string, value: number | undefined, max: number): void {
  if (value === undefined) return
  if (!(value > 0 && value < max)) {
    throw new BenchError('invalid-option', `Option \`${name}\` is ${String(value)}; it must be a fraction above 0 and below ${max} (0.05 = 5%).`)
  }
}

/** Applies the user's overrides to the default policy, checking every value. */
export function resolvePolicy(overrides: JudgePolicyOverrides = {}, base: JudgePolicy = defaultPolicy): JudgePolicy {
  checkKeys('baseline.policy', overrides, policyKeys)
  for (const [name, override] of Object.entries(overrides.metrics ?? {})) if (override !== false) checkKeys(`baseline.policy.metrics.${name}`, override, metricKeys)
  checkFraction('baseline.policy.falseDiscoveryRate', overrides.falseDiscoveryRate, 0.5)
  checkFraction('baseline.policy.minEffect', overrides.minEffect, 10)
  checkFraction('baseline.policy.otherMachineMinEffect', overrides.otherMachineMinEffect, 10)
  if (overrides.maxOtherLoadCores !== undefined && !(overrides.maxOtherLoadCores >= 0)) {
    throw new BenchError('invalid-option', `Option \`baseline.policy.maxOtherLoadCores\` is ${String(overrides.maxOtherLoadCores)}; it must be a number of CPU cores, 0 or more (default 0.5).`)
  }
  const metrics: Record<string, MetricPolicy> = {}
  for (const [name, policy] of Object.entries(base.metrics)) {
    metrics[name] = overrides.minEffect === undefined ? policy : { ...policy, minEffect: overrides.minEffect }
  }
  for (const [name, override] of Object.entries(overrides.metrics ?? {})) {
    if (override === false) {
      delete metrics[name]
      continue
    }
    checkFraction(`baseline.policy.metrics.${name}.minEffect`, override.minEffect, 10)
    if (override.minAbsoluteChange !== undefined && !(Number.isFinite(override.minAbsoluteChange) && override.minAbsoluteChange >= 0)) {
      throw new BenchError('invalid-option', `Option \`baseline.policy.metrics.${name}.minAbsoluteChange\` is \`${String(override.minAbsoluteChange)}\`. Give a number of at least 0, in the metric's unit.`)
    }
    if (override.kind !== undefined && !metricKinds.includes(override.kind)) {
      throw new BenchError('invalid-option', `Option \`baseline.policy.metrics.${name}.kind\` is \`${String(override.kind)}\`. Use one of: ${formatNames(metricKinds)}.`)
    }
    if (override.reference !== undefined && !references.includes(override.reference)) {
      throw new BenchError('invalid-option', `Option \`baseline.policy.metrics.${name}.reference\` is \`${String(override.reference)}\`. Use one of: ${formatNames(references)}.`)
    }
    if (override.statistic !== undefined && !statistics.includes(override.statistic)) {
      throw new BenchError('invalid-option', `Option \`baseline.policy.metrics.${name}.statistic\` is \`${String(override.statistic)}\`. Use one of: ${formatNames(statistics)}.`)
    }
    const current = metrics[name] ?? { kind: 'sampled', statistic: 'median', minEffect: overrides.minEffect ?? defaultMinEffect, reference: 'never', samplesOption: 'coldSamples' }
    metrics[name] = { ...current, ...override }
  }
  return {
    falseDiscoveryRate: overrides.falseDiscoveryRate ?? base.falseDiscoveryRate,
    referenceRuntime: overrides.referenceRuntime ?? base.referenceRuntime,
    maxOtherLoadCores: overrides.maxOtherLoadCores ?? base.maxOtherLoadCores,
    otherMachineMinEffect: overrides.otherMachineMinEffect ?? base.otherMachineMinEffect,
    metrics,
  }
}

/** Reads `WFB_UPDATE_BASELINE`: `1`/`true` records, `0`/`false` judges, unset leaves it to `-u`. */
function parseUpdateEnv(value: string | undefined): boolean | undefined {
  if (value === undefined || value === '') return undefined
  if (value === '1' || value === 'true') return true
  if (value === '0' || value === 'false') return false
  throw new BenchError('invalid-option', `WFB_UPDATE_BASELINE is \`${value}\`; use 1 to record the baseline or 0 to compare with it.`)
}

/** Checks the `baseline` option and fills in defaults; the environment overrides the config. */
export function resolveBaselineOptions(user: BaselineOptions = {}, env: NodeJS.ProcessEnv = process.env): ResolvedBaselineOptions {
  for (const key of Object.keys(user)) {
    if (!knownKeys.includes(key)) throw new BenchError('invalid-option', `Unknown option \`baseline.${key}\`. Use one of: ${formatNames(knownKeys)}.`)
  }
  const missing = env.WFB_BASELINE_MISSING === undefined || env.WFB_BASELINE_MISSING === '' ? user.missing ?? 'pass' : env.WFB_BASELINE_MISSING
  if (missing !== 'pass' && missing !== 'fail') {
    throw new BenchError('invalid-option', `Option \`baseline.missing\` (or WFB_BASELINE_MISSING) is \`${String(missing)}\`. Use one of: \`pass\`, \`fail\`.`)
  }
  return {
    dir: env.WFB_BASELINE_DIR === undefined || env.WFB_BASELINE_DIR === '' ? user.dir ?? 'baselines' : env.WFB_BASELINE_DIR,
    missing,
    update: parseUpdateEnv(env.WFB_UPDATE_BASELINE) ?? user.update,
    policy: resolvePolicy({ ...user.policy, ...parsePolicyEnv(env.WFB_BASELINE_POLICY) }),
  }
}

/** Reads `WFB_BASELINE_POLICY`: policy overrides as JSON (`{"minEffect":0.1,"maxOtherLoadCores":2}`). */
function parsePolicyEnv(value: string | undefined): JudgePolicyOverrides {
  if (value === undefined || value.trim() === '') return {}
  try {
    const parsed: unknown = JSON.parse(value)
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed
  } catch {
    // Reported below.
  }
  throw new BenchError('invalid-option', `WFB_BASELINE_POLICY is not a JSON object: \`${value}\`. Write the policy overrides as JSON, e.g. \`{"minEffect":0.1}\`.`)
}
