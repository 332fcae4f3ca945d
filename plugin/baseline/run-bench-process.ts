import { access, mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { execa } from 'execa'
import type { ResultsFile } from '../../schema/results.d.ts'
import { BenchError } from '../errors.ts'
import { readResults } from '../results/write-results.ts'

/** One `vitest bench --run` of the project in a child process, as the self-check runs it. */
export interface BenchProcessRun {
  results: ResultsFile
  exitCode: number | undefined
  durationMs: number
}

/**
 * Runs `vitest bench --run [filters…]` in `root` with the given environment added (WFB_* options), writing its
 * results to `outputDir`, and returns the results file it wrote. The run's own exit code is
 * reported, not judged. Throws a BenchError with the output's tail when no results file appears.
 */
export async function runBenchProcess(root: string, outputDir: string, env: Record<string, string>, filters: readonly string[] = []): Promise<BenchProcessRun> {
  const vitestCli = join(root, 'node_modules', 'vitest', 'vitest.mjs')
  await access(vitestCli).catch((error: unknown) => {
    throw new BenchError('invalid-option', `Cannot find Vitest at \`${vitestCli}\`. Run the self-check from the project root after \`npm ci\`.`, { cause: error })
  })
  await mkdir(outputDir, { recursive: true })
  const started = Date.now()
  const run = await execa(process.execPath, [vitestCli, 'bench', '--run', ...filters], {
    cwd: root,
    env: { ...env, WFB_OUTPUT_DIR: outputDir, NO_COLOR: '1' },
    reject: false,
    all: true,
  })
  const results = await readResults(join(outputDir, 'latest.json')).catch((error: unknown) => {
    throw new BenchError('invocation-failed', `\`vitest bench\` wrote no results (exit code ${String(run.exitCode)}): ${(error as Error).message}\n${String(run.all).split('\n').slice(-20).join('\n')}`, { cause: error })
  })
  return { results, exitCode: run.exitCode, durationMs: Date.now() - started }
}
