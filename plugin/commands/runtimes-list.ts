import { detectRuntimes } from '../detect-runtimes.ts'
import { detectLoadGenerator } from '../http/load-generator.ts'
import { parseCommandArgs } from './parse-command-args.ts'
import type { CliCommand } from './types.ts'

/** `runtimes list`: every known runtime, whether it runs here, its version, where it was found and how to install it. */
export const runtimesList: CliCommand = {
  words: ['runtimes', 'list'],
  summary: 'every known runtime: available or not, version, where found, how to install',
  async run(args, { runtimes, servers }) {
    parseCommandArgs(args, 'wasm-faas-bench runtimes list', {})
    const detected = await detectRuntimes(Object.values(runtimes))
    for (const runtime of detected) {
      const state = runtime.available ? `available  ${runtime.version ?? ''}` : `missing    ${runtime.reason ?? ''}`
      console.log(`${runtime.name.padEnd(22)} ${runtime.modes.join(',').padEnd(19)} ${state}`)
      if (runtime.path !== undefined) console.log(`${''.padEnd(42)} at ${runtime.path}`)
      console.log(`${''.padEnd(42)} install: ${runtime.install}`)
    }
    // The load generators of the HTTP benches are installed the same way.
    for (const generator of await Promise.all([detectLoadGenerator('hey'), detectLoadGenerator('wrk')])) {
      const role = generator.name === 'hey' ? 'http load' : 'http reference'
      const state = generator.available ? `available  ${generator.version ?? ''}` : `missing    ${generator.reason ?? ''}`
      console.log(`${generator.name.padEnd(22)} ${role.padEnd(19)} ${state}`)
      if (generator.path !== undefined) console.log(`${''.padEnd(42)} at ${generator.path}`)
      console.log(`${''.padEnd(42)} install: ${generator.install}`)
    }
    // Servers the user points at (an endpoint URL) are in the plan only once configured.
    for (const server of Object.values(servers)) {
      const optIn = server.optIn?.()
      if (optIn === undefined) continue
      const state = optIn.configured ? `configured ${(await server.detect()).path ?? ''}` : optIn.reason
      console.log(`${server.name.padEnd(22)} ${server.modes.join(',').padEnd(19)} ${state}`)
    }
  },
}
