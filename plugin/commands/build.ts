import { relative, resolve } from 'node:path'
import { buildProjectWorkloads } from '../workloads/build-project-workloads.ts'
import { parseCommandArgs, usageError } from './parse-command-args.ts'
import type { CliCommand } from './types.ts'

/** `build [folder]`: builds the C workloads of a project's workloads folder to .wasm (prebuilt ones are left alone). */
export const build: CliCommand = {
  words: ['build'],
  summary: 'builds the C workloads of a workloads folder (default ./workloads) to <name>.wasm',
  async run(args) {
    const { positionals } = parseCommandArgs(args, 'wasm-faas-bench build [folder]', {}, true)
    if (positionals.length > 1) throw usageError(`Give one workloads folder, not ${positionals.length}`, 'wasm-faas-bench build [folder]')
    const dir = resolve(positionals[0] ?? 'workloads')
    const built = await buildProjectWorkloads(dir)
    for (const module of built) console.log(`  ${relative(process.cwd(), module.wasmPath)}  ${(module.sizeBytes / 1024).toFixed(1)} KiB`)
    console.log(built.length === 0 ? `No C workloads (<name>/<name>.c) in ${dir}.` : `Built ${built.length} C workload(s) in ${dir}. Commit the .wasm files that changed.`)
  },
}
