import { runtimeNames, runtimes } from '../../fixtures/index.ts'
import { detectRuntimes } from '../detect-runtimes.ts'
import type { CliCommand } from './types.ts'

/** `runtimes list`: every known runtime, whether it runs here, its version, where it was found and how to install it. */
export const runtimesList: CliCommand = {
  words: ['runtimes', 'list'],
  summary: 'every known runtime: available or not, version, where found, how to install',
  async run() {
    const detected = await detectRuntimes(runtimeNames.map((name) => runtimes[name]))
    for (const runtime of detected) {
      const state = runtime.available ? `available  ${runtime.version ?? ''}` : `missing    ${runtime.reason ?? ''}`
      console.log(`${runtime.name.padEnd(22)} ${runtime.modes.join(',').padEnd(19)} ${state}`)
      if (runtime.path !== undefined) console.log(`${''.padEnd(42)} at ${runtime.path}`)
      console.log(`${''.padEnd(42)} install: ${runtime.install}`)
    }
  },
}
