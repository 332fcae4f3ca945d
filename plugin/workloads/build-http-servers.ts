import { stat } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { Workload } from '../types.ts'
import { requireCWorkload } from './require-c-workload.ts'
import { buildWasmFrom, ensureNativeBuild, findWorkloadSources, harnessDir, harnessHeaderPath, harnessSourcePath } from './build-workloads.ts'
import { workloadsDir } from './load-workloads.ts'

/**
 * The HTTP server harness (workloads/common/wfb-http-server.c and its two helpers), compiled with a
 * workload's C source in place of wfb-main.c (which wfb-http-server.c includes for its output
 * buffer): `GET /<workload>?a&b` runs `wfb_main` with argv {workload, a, b} per request.
 */
export const httpServerSources: readonly string[] = ['wfb-http-server.c', 'wfb-http-request.c', 'wfb-http-socket.c'].map((file) => join(harnessDir, file))

/** Files the server sources include, hashed into the native cache key. */
const httpServerIncludes: readonly string[] = [harnessHeaderPath, harnessSourcePath, join(harnessDir, 'wfb-http.h'), join(harnessDir, 'wfb-http-socket.h')]

/** The define that names the one path a server build answers (`-DWFB_WORKLOAD_NAME="html"`). */
export function httpServerDefine(workloadName: string): string {
  return `-DWFB_WORKLOAD_NAME="${workloadName}"`
}

/**
 * The workload's native HTTP server (`<server> --port P [--threads N] [--wfb-fault F]`), built with
 * `cc -O2 -pthread` into `.wfb-cache/native/<name>-http-server-<hash>` when absent.
 */
export function ensureNativeHttpServer(anyWorkload: Workload): Promise<string> {
  const workload = requireCWorkload(anyWorkload, 'The native HTTP server is built')
  return ensureNativeBuild({
    name: `${workload.name}-http-server`,
    sources: [workload.sourcePath, ...httpServerSources],
    hashedFiles: httpServerIncludes,
    extraFlags: ['-pthread', httpServerDefine(workload.name)],
  })
}

/** `workloads/<name>/<name>.http-server.wasm`: the committed preview1 socket server of a workload. */
export function httpServerWasmPath(workload: { name: string; wasmPath: string }): string {
  return join(dirname(workload.wasmPath), `${workload.name}.http-server.wasm`)
}

/**
 * The wasm server's stack, in bytes (1 MiB; wasm-ld's default is 64 KiB). wasi-libc's poll() puts
 * 2 × nfds + 1 subscriptions (48 bytes) and as many events (32 bytes) on the stack: with 64 KiB a
 * loop holding about 400 connections overflowed it into the heap and wazero stopped the module
 * ("invalid table access"); the loop's 1,024 connections need about 160 KiB.
 */
export const httpServerWasmStackBytes = 1024 * 1024

/**
 * Compiles the workload's preview1 socket server to wasm32-wasi at `outPath` with the flags of the
 * command modules and a {@link httpServerWasmStackBytes} stack, so a rebuild is byte-identical
 * (`wazero run -listen 127.0.0.1:P <module>`).
 */
export async function buildHttpServerWasm(workload: { name: string; sourcePath: string }, outPath: string): Promise<void> {
  await buildWasmFrom([workload.sourcePath, ...httpServerSources], outPath, [httpServerDefine(workload.name), `-Wl,-z,stack-size=${httpServerWasmStackBytes}`])
}

/** A committed server module written by {@link buildAllHttpServerWasm}. */
export interface BuiltServerModule {
  /** Absolute path of the module. */
  path: string
  sizeBytes: number
}

/** Rebuilds every workload's committed preview1 socket server (`workloads/<name>/<name>.http-server.wasm`). */
export async function buildAllHttpServerWasm(): Promise<BuiltServerModule[]> {
  const built: BuiltServerModule[] = []
  for (const source of await findWorkloadSources([workloadsDir])) {
    const path = httpServerWasmPath(source)
    await buildHttpServerWasm(source, path)
    built.push({ path, sizeBytes: (await stat(path)).size })
  }
  return built
}
