import { execa } from 'execa'
import { formatCommand } from '../shared/format-command.ts'
import { BenchError } from '../errors.ts'
import { firstLine } from './parse-version.ts'

/** A package client's command that an installer runs (`python3 -m pip install …`, `go install …`, `cargo install …`). */
export interface ToolchainCommand {
  file: string
  args: string[]
  /** Variables added to the current environment. */
  env?: Record<string, string>
  /** How to get `file` when it is missing: `apt-get install -y golang-go (Go >= 1.23)`. */
  missingFix: string
}

/** Lines of the client's stderr quoted when it fails. */
const stderrTailLines = 20

/**
 * Runs a package client to completion, streaming its output to this process's stderr (cargo builds
 * take minutes; the user sees progress) while keeping it for the error message.
 * @throws BenchError `install-failed`: the client is missing (with `missingFix`), or it failed (with its stderr tail).
 */
export async function runToolchain(command: ToolchainCommand): Promise<void> {
  const result = await execa(command.file, command.args, {
    reject: false,
    stdin: 'ignore',
    stdout: ['pipe', 2],
    stderr: ['pipe', 'inherit'],
    ...(command.env === undefined ? {} : { env: command.env }),
  })
  const shown = formatCommand(command.file, command.args)
  if (result.code === 'ENOENT') {
    throw new BenchError('install-failed', `Cannot run \`${shown}\`: \`${command.file}\` is not on PATH. Install it: ${command.missingFix}.`, { cause: result.cause })
  }
  if (result.failed) {
    const tail = `${result.stderr}\n${result.stdout}`.trim().split('\n').slice(-stderrTailLines).join('\n')
    throw new BenchError('install-failed', `\`${shown}\` failed (${result.shortMessage}). Check the package registry is reachable and the toolchain is recent enough (${command.missingFix}).\n${tail}`, { cause: result.cause })
  }
}

/**
 * Checks that a toolchain works (`go version`, `python3 -m pip --version`) before an install starts.
 * @throws BenchError `install-failed` saying what is missing and how to get it.
 */
export async function requireToolchain(file: string, args: string[], missingFix: string): Promise<string> {
  const result = await execa(file, args, { reject: false, stdin: 'ignore', timeout: 30_000 })
  if (result.failed) {
    const why = result.code === 'ENOENT' ? `\`${file}\` is not on PATH` : `\`${formatCommand(file, args)}\` failed: ${firstLine(result.stderr || (result.shortMessage ?? ''))}`
    throw new BenchError('install-failed', `This install needs ${file}: ${why}. Install it: ${missingFix}.`, { cause: result.cause })
  }
  return result.stdout.trim()
}
