/**
 * The HTTP seam: a server adapter serves one workload's output over HTTP on 127.0.0.1 (or, for
 * platforms that live elsewhere, points at a URL the user gives). The harness (plugin/http/) picks
 * the port, times the first response after spawn, drives the load generator, checks responses and
 * samples the server's CPU and memory; adapters never time themselves.
 *
 * A server adapter is one file in fixtures/servers/ and one line in fixtures/servers/index.ts.
 */
import type { Detection, ExpectedOutput, PreparedWorkload, ServerMode } from '../types.ts'

export type { ServerMode } from '../types.ts'

/** What the harness asks of one server start. */
export interface ServerSpawnRequest {
  /** The 127.0.0.1 port to listen on, chosen free by the harness. */
  port: number
  /** A scratch directory for this server's files (spec files, logs); the harness removes it. */
  scratchDir: string
  /** Extra environment for the server process (e.g. `SLEDGE_NWORKERS`), from the row's parameters. */
  env: Record<string, string>
}

/** How a server's process ended, for crash reports. */
export interface ServerExit {
  exitCode: number | null
  signal: string | null
  /** Last few KiB of the server's stderr and stdout. */
  outputTail: string
}

/** A spawned server. The harness polls `url` for the first correct response. */
export interface ServerInstance {
  /** The full URL one request fetches (`http://127.0.0.1:40123/html`, `http://127.0.0.1:10010/fib?25`). */
  url: string
  /** Root of the process tree whose CPU and RSS are sampled during load; absent for remote endpoints. */
  pid?: number
  /** Settles when the server process exits on its own or is stopped; absent for remote endpoints. */
  exited?: Promise<ServerExit>
  /** Stops the server and everything it started (processes, containers); safe to call twice. */
  close: () => Promise<void>
}

/** The request the harness sends when it is not a plain GET (a user's endpoint that takes a POST with a body). */
export interface ServerRequest {
  /** `GET`, `POST`, … */
  method: string
  /** Extra request headers (`Host` for an ingress that routes by host name); never `Connection`, which keep-alive decides. */
  headers: Record<string, string>
  /** The request body, sent with every request. */
  body?: string
}

/** A server prepared for one workload and mode: built, compiled, rootfs ready. Spawning is what gets timed. */
export interface PreparedServer {
  /** Starts one server. Resolves once the process is spawned (not once it listens). */
  spawn: (request: ServerSpawnRequest) => Promise<ServerInstance>
  /** Whether the server keeps connections alive when asked (Sledge closes every connection). */
  keepAlive: boolean
  /** The request every check and the load generator send; default a GET without body. */
  request?: ServerRequest
  /** What a correct response body is when it is not the workload's output (a user's endpoint with its own page); default the workload's expected output. */
  expected?: ExpectedOutput
  /**
   * Untimed wait before each cold start, in milliseconds: a remote endpoint left idle this long has
   * scaled to zero (Knative), so its first response is a cold start. Default 0.
   */
  idleBeforeColdStartMs?: number
  /** Cleans up what `prepare` made; safe to call twice. */
  dispose: () => Promise<void>
}

/** A server adapter: one file in fixtures/servers/, one line in fixtures/servers/index.ts. */
export interface ServerAdapter {
  /** Registry key, kebab-case; the row's runtime name (`native`, `node-wasi`, `wasmtime`, `sledge`). */
  name: string
  /** One line for tables and errors. */
  title: string
  /** The modes it offers; each is a separate row. */
  modes: readonly ServerMode[]
  /** Names of the workloads it can serve (`html`, or every workload for Sledge). */
  serves: (workloadName: string) => boolean
  /**
   * True when it can serve a prebuilt workload (a module not built from C against wfb.h): a user's
   * endpoint. Default false: servers built from a workload's C source skip prebuilt ones, with the reason.
   */
  servesPrebuilt?: boolean
  detect: () => Promise<Detection>
  /** Builds and prepares everything that is not part of a cold start. */
  prepare: (workload: PreparedWorkload, mode: ServerMode) => Promise<PreparedServer>
  /**
   * For a server that measures something the user points at (an endpoint URL): whether it is
   * configured. Unconfigured, it is left out of the default selection (no skipped rows) and
   * `runtimes list` prints `reason`.
   */
  optIn?: () => { configured: true } | { configured: false; reason: string }
  /** A setting of the server itself that the benchmark sweeps, one row per value (Sledge's worker count). */
  sweep?: ServerSweep
}

/** A server setting swept like concurrency: each value is a row parameter and reaches the server as environment. */
export interface ServerSweep {
  /** The row parameter (`workers`). */
  param: string
  /** The values to measure, from the user's settings (validated: throws a BenchError naming the fix). */
  values: () => number[]
  /** The server's environment for one value (`{ SLEDGE_NWORKERS: '2' }`). */
  env: (value: number) => Record<string, string>
}
