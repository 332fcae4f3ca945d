import { BenchError } from './errors.ts'
import { describeOptionProblem, pickOptionError } from './describe-option-problem.ts'
import { optionsSchema, resolveRef } from './option-schema-node.ts'
import { createSchemaValidator } from './results/schema-problems.ts'

const ajv = createSchemaValidator({ useDefaults: true })
ajv.addSchema(optionsSchema, 'options')

/**
 * Checks options against schema/options.schema.json (the whole options object, or one definition
 * such as `BaselinePolicyOptions` at option path `baseline.policy`) and returns a copy with every
 * schema default filled in. The input is never changed.
 * @throws BenchError `invalid-option` naming the option, its environment variable, the value and what is allowed.
 */
export function checkOptions<T>(data: unknown, where: { definition?: string; prefix?: string; fromEnv?: ReadonlyMap<string, string> } = {}): T {
  const reference = where.definition === undefined ? 'options' : `options#/definitions/${where.definition}`
  const validate = ajv.getSchema(reference) ?? ajv.compile({ $ref: reference })
  const copy: unknown = structuredClone(data)
  if (validate(copy)) return copy as T
  const error = pickOptionError(validate.errors ?? [])
  const root = where.definition === undefined ? optionsSchema : resolveRef({ $ref: `#/definitions/${where.definition}` })
  const message = error === undefined
    ? `Options${where.prefix === undefined ? '' : ` \`${where.prefix}\``} do not match schema/options.schema.json.`
    : describeOptionProblem(error, { root, prefix: where.prefix ?? '', data: copy, fromEnv: where.fromEnv ?? new Map() })
  throw new BenchError('invalid-option', message)
}
