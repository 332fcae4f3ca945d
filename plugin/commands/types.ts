/** One auxiliary command of the `wasm-faas-bench` CLI: one file in plugin/commands/, one line in its index. */
export interface CliCommand {
  /** `runtimes list`: the words that select it. */
  words: string[]
  /** One line for the usage text, after the words. */
  summary: string
  run: (args: string[]) => Promise<void>
}
