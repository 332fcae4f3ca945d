/**
 * The snapshot workload `prime-table` (prime-table.c: its initialisation sieves a table of the
 * primes below 2^21) in two builds: plain, and pre-initialised by Wizer. Each build is a WASI
 * command module (for process-per-call runtimes) and a WASI reactor (for the scale hosts), built
 * into `<cache>/build/snapshot/<hash>/{plain,wizer}/` only when absent.
 */
import { createHash } from 'node:crypto'
import { access, mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { BenchError } from '../../errors.ts'
import { buildCacheDir } from '../../package-paths.ts'
import { runWizer, type WizerTool } from '../wizer-tool.ts'
import type { CWorkload, PreparedWorkload } from '../../types.ts'
import { buildReactorWasm, buildWasm, harnessHeaderPath, harnessSourcePath, reactorSourcePath, reactorWasmPath, wasmFlags } from '../../workloads/build-workloads.ts'
import { prepareWorkload } from '../../workloads/prepare-workload.ts'

const sourcePath = fileURLToPath(new URL('./prime-table.c', import.meta.url))
/** How many primes lie below 2^21, the table's size. */
export const primeTableSize = 155_611

/** The k-th prime (1-based) by a sieve in JavaScript, the reference the outputs are checked against. */
export function kthPrime(k: number): number {
  const limit = 1 << 21
  const composite = new Uint8Array(limit)
  let count = 0
  for (let i = 2; i < limit; i++) {
    if (composite[i] === 1) continue
    if (++count === k) return i
    for (let j = i * i; j < limit; j += i) composite[j] = 1
  }
  throw new BenchError('invalid-option', `Parameter \`k\` of prime-table is ${k}, beyond the ${count} primes below ${limit}. Choose k from 1 to ${count}.`)
}

function definePrimeTable(dir: string): CWorkload {
  return {
    kind: 'c',
    name: 'prime-table',
    description: 'The k-th prime, from a table of the primes below 2^21 that the instance sieves in its first call (or Wizer ahead of time).',
    params: {
      k: { description: 'Which prime to print (the 100,000th is 1,299,709).', default: 100_000, min: 1, max: primeTableSize },
      snapshot: { description: '1: the module Wizer pre-initialised; 0: the plain module.', default: 0, min: 0, max: 1 },
    },
    args: (params) => [String(params.k)],
    expected: (params) => ({ kind: 'exact', stdout: `${kthPrime(params.k ?? 1)}\n` }),
    dir,
    wasmPath: join(dir, 'prime-table.wasm'),
    sourcePath,
  }
}

/** The two builds of `prime-table(k)`, ready for the scale hosts (`reactorWasmPath`) and for command runtimes (`wasmPath`). */
export interface PrimeTableBuilds {
  plain: PreparedWorkload
  snapshot: PreparedWorkload
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(() => true, () => false)
}

/**
 * Builds (when absent) the plain command and reactor with clang and their snapshots with Wizer, in
 * a folder keyed by the sources, the flags and Wizer's version.
 * @throws BenchError `build-failed` when clang or Wizer fails.
 */
export async function buildPrimeTable(wizer: WizerTool, k: number): Promise<PrimeTableBuilds> {
  const key = createHash('sha256')
  for (const path of [sourcePath, harnessSourcePath, reactorSourcePath, harnessHeaderPath]) key.update(await readFile(path)).update('\0')
  key.update(wasmFlags.join(' ')).update('\0').update(wizer.version)
  const root = join(buildCacheDir('snapshot'), key.digest('hex').slice(0, 12))
  const plain = definePrimeTable(join(root, 'plain'))
  const snapshot = definePrimeTable(join(root, 'wizer'))
  await mkdir(plain.dir, { recursive: true })
  await mkdir(snapshot.dir, { recursive: true })
  const builds: Array<[string, () => Promise<void>]> = [
    [plain.wasmPath, () => buildWasm(sourcePath, plain.wasmPath)],
    [reactorWasmPath(plain), () => buildReactorWasm(sourcePath, reactorWasmPath(plain))],
    [snapshot.wasmPath, () => runWizer(wizer, plain.wasmPath, snapshot.wasmPath)],
    [reactorWasmPath(snapshot), () => runWizer(wizer, reactorWasmPath(plain), reactorWasmPath(snapshot))],
  ]
  for (const [path, build] of builds) if (!(await exists(path))) await build()
  return { plain: prepareWorkload(plain, { k, snapshot: 0 }), snapshot: prepareWorkload(snapshot, { k, snapshot: 1 }) }
}
