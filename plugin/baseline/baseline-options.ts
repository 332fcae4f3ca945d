import type { BaselineOptions, BaselinePolicyOptions } from '../../schema/options.d.ts'
import { applyEnvOverrides, type EnvParser } from '../apply-env-overrides.ts'
import { checkOptions } from '../check-options.ts'
import { BenchError } from '../errors.ts'
import { defaultMinEffect, defaultPolicy, type JudgePolicy, type JudgePolicyOverrides, type MetricPolicy } from './policy.ts'

/** The `baseline` option of the plugin, generated from schema/options.schema.json: where baselines live and how the regression gate judges a run. */
export type { BaselineOptions }

/** Baseline options with every default filled in. `update` stays undefined when only Vitest's `-u` can decide. */
export interface ResolvedBaselineOptions {
  dir: string
  missing: 'pass' | 'fail'
  update: boolean | undefined
  policy: JudgePolicy
}

/** Applies the user's overrides to the default policy, after checking them against the options schema (`BaselinePolicyOptions`). */
export function resolvePolicy(overrides: JudgePolicyOverrides = {}, base: JudgePolicy = defaultPolicy): JudgePolicy {
  const checked = checkOptions<BaselinePolicyOptions>(overrides, { definition: 'BaselinePolicyOptions', prefix: 'baseline.policy' })
  const metrics: Record<string, MetricPolicy> = {}
  for (const [name, policy] of Object.entries(base.metrics)) {
    metrics[name] = checked.minEffect === undefined ? policy : { ...policy, minEffect: checked.minEffect }
  }
  for (const [name, override] of Object.entries(checked.metrics ?? {})) {
    if (override === false) {
      delete metrics[name]
      continue
    }
    const current = metrics[name] ?? { kind: 'sampled', statistic: 'median', minEffect: checked.minEffect ?? defaultMinEffect, reference: 'never', samplesOption: 'coldSamples' }
    metrics[name] = { ...current, ...override }
  }
  return {
    falseDiscoveryRate: checked.falseDiscoveryRate ?? base.falseDiscoveryRate,
    referenceRuntime: checked.referenceRuntime ?? base.referenceRuntime,
    maxOtherLoadCores: checked.maxOtherLoadCores ?? base.maxOtherLoadCores,
    otherMachineMinEffect: checked.otherMachineMinEffect ?? base.otherMachineMinEffect,
    metrics,
  }
}

/** Reads `WFB_UPDATE_BASELINE`: `1`/`true` records, `0`/`false` judges (unset leaves it to `-u`). */
export function parseUpdateEnv(value: string): boolean {
  if (value === '1' || value === 'true') return true
  if (value === '0' || value === 'false') return false
  throw new BenchError('invalid-option', `WFB_UPDATE_BASELINE is \`${value}\`; use 1 to record the baseline or 0 to compare with it.`)
}

/** Reads `WFB_BASELINE_POLICY`: policy overrides as JSON (`{"minEffect":0.1,"maxOtherLoadCores":2}`). */
export function parsePolicyEnv(value: string): JudgePolicyOverrides {
  try {
    const parsed: unknown = JSON.parse(value)
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed
  } catch {
    // Reported below.
  }
  throw new BenchError('invalid-option', `WFB_BASELINE_POLICY is not a JSON object: \`${value}\`. Write the policy overrides as JSON, e.g. \`{"minEffect":0.1}\`.`)
}

/** The baseline variables with a syntax of their own; the policy variable is applied on top of the configured policy. */
export const baselineEnvParsers: Readonly<Record<string, EnvParser>> = {
  WFB_UPDATE_BASELINE: (text) => parseUpdateEnv(text),
  WFB_BASELINE_POLICY: (text, configured) => ({ ...(configured as object | undefined), ...parsePolicyEnv(text) }),
}

/** Checks the `baseline` option against the options schema and fills in its defaults; the environment (`WFB_BASELINE_*`, `WFB_UPDATE_BASELINE`) overrides the config. */
export function resolveBaselineOptions(user: BaselineOptions = {}, env: NodeJS.ProcessEnv = process.env): ResolvedBaselineOptions {
  const where = { definition: 'BaselineOptions', prefix: 'baseline' }
  const { options, fromEnv } = applyEnvOverrides(user, env, baselineEnvParsers, where)
  const checked = checkOptions<BaselineOptions & Required<Pick<BaselineOptions, 'dir' | 'missing'>>>(options, { ...where, fromEnv })
  return { dir: checked.dir, missing: checked.missing, update: checked.update, policy: resolvePolicy(checked.policy) }
}
