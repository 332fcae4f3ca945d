import { readFile } from 'node:fs/promises'
import type { Claim, ClaimsFile } from '../../schema/claims.d.ts'
import claimsSchema from '../../schema/claims.schema.json' with { type: 'json' }
import { BenchError } from '../errors.ts'
import { packagePath } from '../package-paths.ts'
import { createSchemaValidator, formatSchemaProblems } from '../results/schema-problems.ts'

/** The claims file shipped with the package (claims/claims.json), read-only. */
export const builtInClaimsPath = packagePath('claims', 'claims.json')

const validate = createSchemaValidator().compile<ClaimsFile>(claimsSchema)

/**
 * Checks that `data` is a claims file (schema/claims.schema.json) whose claims can be judged: ids
 * unique, a published value or range, a ratio with its denominator. Throws a BenchError
 * (`invalid-claims`) naming the file, the fields and the fix.
 */
export function validateClaims(data: unknown, source: string): ClaimsFile {
  if (!validate(data)) {
    throw new BenchError('invalid-claims', [
      `Claims in \`${source}\` do not match schema/claims.schema.json:`,
      ...formatSchemaProblems(validate.errors),
      'Fix: correct the fields listed (see docs/claims.md for an example claim).',
    ].join('\n'))
  }
  const seen = new Set<string>()
  for (const [index, claim] of data.claims.entries()) {
    const where = `\`${source}\` /claims/${index} (\`${claim.id}\`)`
    if (seen.has(claim.id)) throw new BenchError('invalid-claims', `${where}: the id is used twice in one file. Give each claim its own id.`)
    seen.add(claim.id)
    const { value, low, high } = claim.published
    if (value === undefined && (low === undefined || high === undefined) && !(claim.published.comparison === 'at-least' && low !== undefined) && !(claim.published.comparison === 'at-most' && high !== undefined)) {
      throw new BenchError('invalid-claims', `${where}: published has no number. Give \`value\`, or \`low\` and \`high\` (a bound needs \`low\` for at-least, \`high\` for at-most).`)
    }
    if (low !== undefined && high !== undefined && low > high) throw new BenchError('invalid-claims', `${where}: published low ${low} is above high ${high}. Swap them.`)
    if (claim.quantity?.kind === 'ratio' && claim.quantity.per === undefined) throw new BenchError('invalid-claims', `${where}: a ratio needs \`per\`, the row metric it divides by.`)
    if (claim.quantity?.kind === 'ratio' && claim.published.unit !== 'ratio') throw new BenchError('invalid-claims', `${where}: a ratio's published unit must be \`ratio\`, not \`${claim.published.unit}\`.`)
  }
  return data
}

/** Reads and checks one claims file. */
export async function readClaimsFile(path: string): Promise<ClaimsFile> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    throw new BenchError('invalid-claims', `Cannot read claims file \`${path}\`: ${error instanceof Error ? error.message : String(error)}. Give the path of a JSON file matching schema/claims.schema.json.`, { cause: error })
  }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    throw new BenchError('invalid-claims', `Claims file \`${path}\` is not JSON: ${error instanceof Error ? error.message : String(error)}. Fix the syntax.`, { cause: error })
  }
  return validateClaims(data, path)
}

/**
 * The claims to judge: the built-in ones, then each extra file's in order. A claim whose id an
 * earlier one has replaces it in place, so a project can correct a built-in claim.
 */
export async function loadClaims(extraFiles: readonly string[] = [], options: { builtIn?: boolean } = {}): Promise<Claim[]> {
  const files = [...(options.builtIn === false ? [] : [builtInClaimsPath]), ...extraFiles]
  const claims = new Map<string, Claim>()
  for (const file of files) for (const claim of (await readClaimsFile(file)).claims) claims.set(claim.id, claim)
  return [...claims.values()]
}
