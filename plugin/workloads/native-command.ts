import { resolve } from 'node:path'
import { execa } from 'execa'
import { BenchError } from '../errors.ts'
import type { CommandSpec } from '../types.ts'
import { createPromiseCache } from '../shared/promise-cache.ts'
import { findOnPath, isExecutableFile } from '../system/find-on-path.ts'
import type { PrebuiltWorkload } from '../types.ts'

const builds = createPromiseCache<void>()

/**
 * The native floor command of a prebuilt workload, ready to run: `native.build` run once per process
 * in the workload's folder (when given), then the program resolved to an absolute path (relative to
 * the folder when it has a `/`, else on PATH) followed by the command's fixed arguments.
 * @throws BenchError `invalid-workload` without a native command or when the program is not an executable file, `build-failed` when the build fails.
 */
export async function resolveNativeCommand(workload: PrebuiltWorkload): Promise<CommandSpec> {
  const { native } = workload
  if (native === undefined) throw new BenchError('invalid-workload', `Prebuilt workload \`${workload.name}\` declares no native command. Add \`native: { command: ['./${workload.name}-native'] }\` to its workload.ts, or leave the native runtime out.`)
  if (native.build !== undefined) {
    const build = native.build
    await builds.get(`${workload.dir}\0${build.join('\0')}`, () => runBuild(workload, build))
  }
  const [program = '', ...fixedArgs] = native.command
  const file = program.includes('/') ? resolve(workload.dir, program) : await findOnPath(program)
  if (file === undefined || !(await isExecutableFile(file))) {
    const where = file ?? `\`${program}\` on PATH`
    const fix = native.build === undefined ? 'build it first, or add `native.build` (the command that builds it)' : `check that \`${native.build.join(' ')}\` writes it`
    throw new BenchError('invalid-workload', `The native command of workload \`${workload.name}\` (\`${native.command.join(' ')}\`) names no executable file: ${where}. Fix \`native.command\` in its workload.ts, or ${fix}.`)
  }
  return { file, prefixArgs: fixedArgs }
}

async function runBuild(workload: PrebuiltWorkload, build: readonly string[]): Promise<void> {
  const [file = '', ...args] = build
  const result = await execa(file, args, { cwd: workload.dir, reject: false, stdin: 'ignore', all: true })
  if (!result.failed) return
  if ('code' in result && result.code === 'ENOENT') {
    throw new BenchError('build-failed', `\`${file}\` was not found, so the native command of workload \`${workload.name}\` cannot be built (\`${build.join(' ')}\` in ${workload.dir}). Install it, or leave the native runtime out.`, { cause: result })
  }
  throw new BenchError('build-failed', `Building the native command of workload \`${workload.name}\` failed: \`${build.join(' ')}\` in ${workload.dir} (${result.shortMessage}). Fix the error below.\n${String(result.all ?? '').trim().slice(-4000)}`, { cause: result })
}
