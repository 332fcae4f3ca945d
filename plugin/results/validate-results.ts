import type { ResultsFile } from '../../schema/results.d.ts'
import resultsSchema from '../../schema/results.schema.json' with { type: 'json' }
import { BenchError } from '../errors.ts'
import { createSchemaValidator, formatSchemaProblems, isRecord } from './schema-problems.ts'

/** The results-file schema version this code reads and writes (`schemaVersion` in the file). */
export const resultsSchemaVersion = 1

const validate = createSchemaValidator().compile<ResultsFile>(resultsSchema)

/**
 * Checks that `data` is a results file matching schema/results.schema.json and returns it typed.
 * `source` names where the data came from (a file path) for the error message.
 * Throws a BenchError (`invalid-results`) that lists the JSON pointers of the first failing fields,
 * what was expected there, and the fix.
 */
export function validateResults(data: unknown, source: string): ResultsFile {
  if (validate(data)) return data
  const version = isRecord(data) ? data.schemaVersion : undefined
  if (typeof version === 'number' && version !== resultsSchemaVersion) {
    throw new BenchError('invalid-results', `Results file \`${source}\` has schemaVersion ${version}; this version of wasm-faas-bench reads schemaVersion ${resultsSchemaVersion}. Read it with the wasm-faas-bench version that wrote it, or run the benchmarks again (\`npm run bench\`).`)
  }
  throw new BenchError('invalid-results', [
    `Results in \`${source}\` do not match schema/results.schema.json:`,
    ...formatSchemaProblems(validate.errors),
    'Fix: correct the fields listed, or run the benchmarks again (`npm run bench`) to write a fresh file.',
  ].join('\n'))
}
