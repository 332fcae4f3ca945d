import { parseArgs, type ParseArgsConfig } from 'node:util'
import { BenchError } from '../errors.ts'

type Options = NonNullable<ParseArgsConfig['options']>

/** Node's parse error (an unknown flag, a missing value) as a BenchError that ends with the command's usage. */
export function usageError(error: unknown, usage: string): BenchError {
  return new BenchError('invalid-option', `${error instanceof Error ? error.message : String(error)}. Usage: ${usage}`, { cause: error })
}

/**
 * Parses a command's flags with `node:util` parseArgs (strict), the same way for every command: an
 * unknown flag or a missing value is a BenchError that shows the usage (`wasm-faas-bench <command> …`),
 * never a stack trace.
 */
export function parseCommandArgs<T extends Options>(args: string[], usage: string, options: T, allowPositionals = false) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true })
  } catch (error) {
    throw usageError(error, usage)
  }
}
