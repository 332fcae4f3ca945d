import { checkOptions } from '../check-options.ts'
import { BenchError } from '../errors.ts'
import type { PreparedWorkload } from '../types.ts'
import type { InjectedSlowdown } from '../../schema/options.d.ts'

/**
 * A known, real slowdown for testing the regression gate (the `injectSlowdown` option, generated from
 * schema/options.schema.json): the workload harness (wfb-main.c, `--wfb-extra-work P`) does P% extra
 * integer compute after every workload call, inside the timed region. Rows keep their keys, so they
 * compare with the same baseline as an unslowed run.
 */
export type { InjectedSlowdown }

/** The harness flag that asks for the extra work (see workloads/common/wfb-main.c). */
export const extraWorkFlag = '--wfb-extra-work'

/**
 * Parses `WFB_INJECT_SLOWDOWN`: `fib:10` (every runtime's fib rows 10% slower) or
 * `fib@node-wasi:10` (only node-wasi's). Empty means none.
 */
export function parseInjectSlowdown(text: string | undefined): InjectedSlowdown | undefined {
  if (text === undefined || text.trim() === '') return undefined
  const match = /^([\w-]+)(?:@([\w-]+))?:(\d+)$/.exec(text.trim())
  if (match === null) {
    throw new BenchError('invalid-option', `Cannot read WFB_INJECT_SLOWDOWN=\`${text}\`. Write \`workload:percent\` (\`fib:10\`) or \`workload@runtime:percent\` (\`fib@node-wasi:10\`).`)
  }
  const [, workload = '', runtime, percent = ''] = match
  const slowdown = { workload, ...(runtime === undefined ? {} : { runtime }), percent: Number(percent) }
  return checkOptions<InjectedSlowdown>(slowdown, { definition: 'InjectedSlowdown', prefix: 'injectSlowdown', fromEnv: new Map([['injectSlowdown.percent', percent]]) })
}

/** The prepared workload with the harness's extra-work flag in front of its arguments, when the slowdown applies to this runtime and workload. */
export function applySlowdown(prepared: PreparedWorkload, runtime: string, slowdown: InjectedSlowdown | undefined): PreparedWorkload {
  if (slowdown === undefined || slowdown.workload !== prepared.workload.name) return prepared
  if (slowdown.runtime !== undefined && slowdown.runtime !== runtime) return prepared
  if (prepared.workload.kind === 'prebuilt') {
    throw new BenchError('invalid-option', `Option \`injectSlowdown\` (or WFB_INJECT_SLOWDOWN) names prebuilt workload \`${prepared.workload.name}\`; the extra work is done by the C harness (wfb-main.c), so only C workloads can be slowed down. Name a C workload (\`fib\`).`)
  }
  return { ...prepared, args: [extraWorkFlag, String(slowdown.percent), ...prepared.args] }
}
