import type { WorkloadDefinition } from '../types.ts'

/** The warm protocols a prebuilt workload can declare (docs/workloads.md). */
export const warmProtocols: readonly string[] = ['wfb-repeat']

/**
 * Why `value` is not a usable WorkloadDefinition (a phrase that follows the file's name), or
 * undefined when it is. Checks shapes only; files are checked by the loader.
 */
export function describeDefinitionProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return 'does not export `workload`'
  const definition = value as Partial<Record<keyof WorkloadDefinition, unknown>>
  if (typeof definition.name !== 'string' || definition.name === '') return 'exports a `workload` without a `name`'
  const which = `exports workload \`${definition.name}\``
  if (typeof definition.description !== 'string') return `${which} without a \`description\``
  if (typeof definition.args !== 'function') return `${which} without an \`args\` function`
  if (typeof definition.expected !== 'function') return `${which} without an \`expected\` function (params => ({ kind: 'exact', stdout }), { kind: 'sha256', sha256, bytes } or { kind: 'check', description, check })`
  if (typeof definition.params !== 'object' || definition.params === null) return `${which} without \`params\` (use \`{}\` for none)`
  for (const [param, spec] of Object.entries(definition.params)) {
    const { min, max, default: fallback } = (spec ?? {}) as Partial<Record<'min' | 'max' | 'default', unknown>>
    const integers = [min, max, fallback].every((n) => Number.isSafeInteger(n))
    if (!integers || (min as number) > (fallback as number) || (fallback as number) > (max as number)) {
      return `declares parameter \`${param}\` with min/default/max ${String(min)}/${String(fallback)}/${String(max)}; they must be integers with min <= default <= max`
    }
  }
  return describePrebuiltProblem(definition, which)
}

function describePrebuiltProblem(definition: Partial<Record<keyof WorkloadDefinition, unknown>>, which: string): string | undefined {
  const { wasm, warm, native } = definition
  if (wasm === undefined) {
    if (warm !== undefined || native !== undefined) return `${which} with \`${warm === undefined ? 'native' : 'warm'}\` but without \`wasm\`: only prebuilt modules declare them (a C workload always speaks the warm protocol and builds its own native floor). Add \`wasm: './<module>.wasm'\` or remove it`
    return undefined
  }
  if (typeof wasm !== 'string' || wasm === '') return `${which} with \`wasm\` ${JSON.stringify(wasm)}; it must be the module's path relative to workload.ts (\`'./${definition.name as string}.wasm'\`)`
  if (warm !== undefined && !warmProtocols.includes(warm as string)) return `${which} with \`warm: ${JSON.stringify(warm)}\`; the one warm protocol is \`'wfb-repeat'\` (docs/workloads.md), or leave \`warm\` out`
  if (native === undefined) return undefined
  const { command, build } = (typeof native === 'object' && native !== null ? native : {}) as { command?: unknown; build?: unknown }
  if (!isCommand(command)) return `${which} with \`native.command\` ${JSON.stringify(command)}; it must be a non-empty array of strings (\`['./${definition.name as string}-native']\`)`
  if (build !== undefined && !isCommand(build)) return `${which} with \`native.build\` ${JSON.stringify(build)}; it must be a non-empty array of strings (\`['go', 'build', '-o', '${definition.name as string}-native', '.']\`) or absent`
  return undefined
}

function isCommand(value: unknown): value is string[] {
  return Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string' && item !== '')
}

/** Why `value` (what a workload's `expected(params)` returned) is not an ExpectedOutput, or undefined when it is. */
export function describeExpectedProblem(value: unknown): string | undefined {
  const expected = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>
  switch (expected.kind) {
    case 'exact':
      return typeof expected.stdout === 'string' ? undefined : '`{ kind: \'exact\' }` needs `stdout`, a string'
    case 'sha256':
      if (typeof expected.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(expected.sha256)) return '`{ kind: \'sha256\' }` needs `sha256`, 64 lowercase hex digits (`sha256sum` of the output)'
      return Number.isSafeInteger(expected.bytes) && (expected.bytes as number) >= 0 ? undefined : '`{ kind: \'sha256\' }` needs `bytes`, the output\'s length in bytes'
    case 'check':
      if (typeof expected.check !== 'function') return '`{ kind: \'check\' }` needs `check`, a function (stdout, bytes) => problem string or undefined'
      return typeof expected.description === 'string' && expected.description !== '' ? undefined : '`{ kind: \'check\' }` needs `description`, what a correct output is in words'
    default:
      return `it returned ${JSON.stringify(value) ?? String(value)}; return \`{ kind: 'exact', stdout }\`, \`{ kind: 'sha256', sha256, bytes }\` or \`{ kind: 'check', description, check }\``
  }
}

/**
 * Why a prebuilt module's first 8 bytes are not those of a core WebAssembly module (version 1), or
 * undefined when they are. A component (the component model's layer 1) is named as such: the process
 * runtimes run WASI preview 1 command modules.
 */
export function describeModuleHeader(head: Buffer): string | undefined {
  const magic = Buffer.from([0x00, 0x61, 0x73, 0x6d])
  if (head.length < 8 || !head.subarray(0, 4).equals(magic)) return 'is not a WebAssembly module (it does not start with `\\0asm`). Point `wasm` at the .wasm your build writes'
  const version = head.readUInt16LE(4)
  const layer = head.readUInt16LE(6)
  if (layer === 1) return 'is a WebAssembly component, not a core module. Build a WASI preview 1 command module instead (Rust: `--target wasm32-wasip1`; Go: `GOOS=wasip1 GOARCH=wasm`; docs/workloads.md)'
  if (version !== 1 || layer !== 0) return `has WebAssembly binary version ${version} (layer ${layer}); the runtimes read version 1 core modules`
  return undefined
}
