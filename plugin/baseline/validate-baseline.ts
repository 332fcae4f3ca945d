import type { BaselineFile } from '../../schema/baseline.d.ts'
import baselineSchema from '../../schema/baseline.schema.json' with { type: 'json' }
import resultsSchema from '../../schema/results.schema.json' with { type: 'json' }
import { BenchError } from '../errors.ts'
import { createSchemaValidator, formatSchemaProblems, isRecord } from '../results/schema-problems.ts'

/** The baseline-file schema version this code writes. It also reads schema 1 (keyed by one machine) and migrates it. */
export const baselineSchemaVersion = 2

/** Every schema version this code reads. */
const readableVersions: readonly number[] = [1, 2]

const ajv = createSchemaValidator()
// The baseline schema refers to the results schema's definitions (machine, metric summary).
ajv.addSchema(resultsSchema)
const validate = ajv.compile<BaselineFile>(baselineSchema)

/**
 * Checks that `data` is a baseline file matching schema/baseline.schema.json and returns it typed.
 * Throws a BenchError (`invalid-baseline`) naming `source` (the file), the failing fields (JSON
 * pointers) and the fix; the file is never rewritten while it is invalid.
 */
export function validateBaseline(data: unknown, source: string): BaselineFile {
  if (validate(data)) return data
  const version = isRecord(data) ? data.schemaVersion : undefined
  if (typeof version === 'number' && !readableVersions.includes(version)) {
    throw new BenchError('invalid-baseline', `Baseline \`${source}\` has schemaVersion ${version}; this version of wasm-faas-bench reads schemaVersion ${readableVersions.join(' and ')}. Record it again with this version (\`vitest bench -u\`) after moving the old file away.`)
  }
  throw new BenchError('invalid-baseline', [
    `Baseline \`${source}\` does not match schema/baseline.schema.json:`,
    ...formatSchemaProblems(validate.errors),
    'It was not used and will not be overwritten. Fix the fields listed (or restore the file from git: `git checkout -- <file>`), or delete it and record a new baseline with `vitest bench -u`.',
  ].join('\n'))
}
