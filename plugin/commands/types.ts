import type { AdapterRegistry } from '../adapter-registry.ts'

/** One auxiliary command of the `wasm-faas-bench` CLI: one file in plugin/commands/, one line in its index. */
export interface CliCommand {
  /** `runtimes list`: the words that select it. */
  words: string[]
  /** One line for the usage text, after the words. */
  summary: string
  /** Runs the command on its arguments (after the words), with the adapters the CLI entry point hands down. */
  run: (args: string[], registry: AdapterRegistry) => Promise<void>
}
