import { resolve } from 'node:path'
import { withProjectRuntimes } from '../project-runtimes.ts'
import type { RuntimeAdapter } from '../types.ts'

/**
 * `--runtime-module PATH` (repeatable): a project's own runtime module, as the plugin's
 * `runtimeModules` option names it, for the commands that start runtimes outside a Vitest run
 * (calibrate, compare, self-check --paired). Relative paths are read against the current folder.
 */
export const runtimeModuleFlag = { 'runtime-module': { type: 'string', multiple: true } } as const

/** Usage text of {@link runtimeModuleFlag}. */
export const runtimeModuleUsage = '[--runtime-module my-runtime.ts]'

/** The registry's runtimes and those of the `--runtime-module` files, by name. */
export function commandRuntimes(builtinRuntimes: Readonly<Record<string, RuntimeAdapter>>, modules: readonly string[] | undefined): Promise<Record<string, RuntimeAdapter>> {
  return withProjectRuntimes(builtinRuntimes, (modules ?? []).map((path) => resolve(path)))
}
