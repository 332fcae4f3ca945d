import { BenchError } from '../errors.ts'

/** For tests: runs `action` and returns the BenchError it throws; anything else (or nothing) fails the test. */
export function thrownBenchError(action: () => unknown): BenchError {
  try {
    action()
  } catch (error) {
    if (error instanceof BenchError) return error
    throw error
  }
  throw new Error('expected a BenchError, nothing was thrown')
}
