// The adapter API (`import { … } from 'wasm-faas-bench/adapter'`): what a runtime, HTTP server or
// scale-host adapter is made of. The built-in adapters in fixtures/ import from this module only
// (docs/runtimes.md lists the few exceptions and why), exactly as a project's own adapter
// (`runtimeModules`) imports it from the installed package.

// What an adapter is and what it returns.
export type { AdapterRegistry } from './adapter-registry.ts'
export type { CommandSpec, CWorkload, Detection, ExpectedOutput, InstanceMode, InvocationResult, InvocationUsage, InvokeRequest, PrebuiltWorkload, PreparedWorkload, RuntimeAdapter, RuntimeInstance, ServerMode, Workload, WorkloadParams } from './types.ts'
export type { PreparedServer, ServerAdapter, ServerExit, ServerInstance, ServerRequest, ServerSpawnRequest, ServerSweep } from './http/types.ts'
export type { AddedInstances, ScaleHost, ScaleHostMode, ScaleSession } from './scale/types.ts'

// Errors: one class with a code; messages name the problem, the value and the fix.
export { BenchError, formatNames, type BenchErrorCode } from './errors.ts'

// Process-per-invocation engines: the launcher times the process, the harness protocol carries warm repetitions.
export { createCommandInstance, stdoutBytesToKeep, toInvocationResult } from './harness/command-instance.ts'
export { runMeasuredSeries, type MeasuredRun, type MeasuredRunSpec } from './collectors/launcher.ts'
export { harnessArgs, parseHarnessStderr } from './harness/harness-protocol.ts'
export { invokeAsSeriesOfOne, invokeOneByOne } from './harness/invoke-one-by-one.ts'
export { createRemoteInstance, type RemoteFunction, type RemoteOutcome } from './harness/remote-instance.ts'

// Finding a runtime's tool: PATH, the tools folder, its version.
export { detectRuntimeTool, requireTool, type FoundTool, type ToolLookup } from './install/detect-tool.ts'
export { resolveToolsDir, toolsBinDir } from './install/tools-dir.ts'

// Workloads: loading, preparing, checking an output, and the builds a runtime may need (native, wasm variants).
export { defineWorkload } from './workloads/define-workload.ts'
export { loadWorkloads } from './workloads/load-workloads.ts'
export { prepareWorkload } from './workloads/prepare-workload.ts'
export { checkOutput } from './workloads/check-output.ts'
export { requireCWorkload } from './workloads/require-c-workload.ts'
export { resolveNativeCommand } from './workloads/native-command.ts'
export { buildWasmFrom, ensureNativeBinary, ensureNativeBuild, harnessDir, harnessHeaderPath, harnessSourcePath, reactorWasmPath, wasmCompiler, wasmFlags, wasmInstallCommand, type NativeBuild } from './workloads/build-workloads.ts'
export { ensureNativeHttpServer, httpServerWasmPath } from './workloads/build-http-servers.ts'
export { wasiHttpComponentPath } from './workloads/build-wasi-http-component.ts'

// HTTP servers and scale hosts.
export { spawnServerProcess, type ServerProcessSpec } from './http/spawn-server-process.ts'
export { localWorkloadUrl, workloadRequestPath } from './http/workload-request-path.ts'
export { startLineHost, type LineHostCommand } from './scale/line-host.ts'

// Helpers: scratch folders, caches, atomic writes, commands in messages, summaries.
export { buildAtomically } from './build-cache/build-atomically.ts'
export { ensureCachedBuild, type CachedBuild } from './build-cache/ensure-cached-build.ts'
export { hashBuildInputs, type BuildInputs } from './build-cache/hash-build-inputs.ts'
export { findOnPath } from './system/find-on-path.ts'
export { pathExists } from './system/path-exists.ts'
export { isProcessAlive, makeScratchDir } from './shared/scratch-dir.ts'
export { createPromiseCache, type PromiseCache } from './shared/promise-cache.ts'
export { formatCommand } from './shared/format-command.ts'
export { writeFileAtomic } from './results/write-file-atomic.ts'
export { summarise } from './stats/summarise.ts'
export { buildCacheDir, packageRoot } from './package-paths.ts'
