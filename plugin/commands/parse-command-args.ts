import { parseArgs, type ParseArgsConfig } from 'node:util'
import { BenchError } from '../errors.ts'

type Options = NonNullable<ParseArgsConfig['options']>

/**
 * Parses a command's flags with `node:util` parseArgs (strict): an unknown flag or a missing value is a
 * BenchError that shows the command's usage, never a stack trace.
 */
export function parseCommandArgs<T extends Options>(args: string[], usage: string, options: T, allowPositionals = false) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true })
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error)
    throw new BenchError('invalid-option', `${why}\nUsage: wasm-faas-bench ${usage}`, { cause: error })
  }
}
