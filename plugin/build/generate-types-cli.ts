// Entry of `npm run gen:types`: writes the metrics of schema/results.schema.json from the metric
// registry, then schema/<name>.d.ts for every schema/<name>.schema.json, and the option tables of
// the docs from schema/options.schema.json.
// With `--check` it writes nothing and exits 1 when a generated file is out of date (for CI).
import { readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { writeMetricProperties } from '../metrics/metric-schema.ts'
import { writeFileAtomic } from '../results/write-file-atomic.ts'
import { generateAllTypes, schemaDir } from './generate-types.ts'
import { generateOptionTables } from './options-table.ts'

const check = process.argv.includes('--check')

const resultsSchemaPath = join(schemaDir, 'results.schema.json')
const resultsSchema = await readFile(resultsSchemaPath, 'utf8')
const withMetrics = writeMetricProperties(resultsSchema)
const resultsSchemaName = relative(process.cwd(), resultsSchemaPath)
if (withMetrics === resultsSchema) {
  console.log(`${resultsSchemaName}: its metrics are the registry's`)
} else if (check) {
  console.error(`${resultsSchemaName}: its metrics differ from plugin/metrics/metric-registry.ts. Run \`npm run gen:types\` and commit the result.`)
  process.exitCode = 1
} else {
  await writeFileAtomic(resultsSchemaPath, withMetrics)
  console.log(`wrote the metrics of ${resultsSchemaName} from the metric registry`)
}

for (const { schemaPath, typesPath, text } of await generateAllTypes()) {
  const typesName = relative(process.cwd(), typesPath)
  const current = await readFile(typesPath, 'utf8').catch(() => undefined)
  if (current === text) {
    console.log(`${typesName} is up to date`)
  } else if (check) {
    console.error(`${typesName} is out of date with ${relative(process.cwd(), schemaPath)}. Run \`npm run gen:types\` and commit the result.`)
    process.exitCode = 1
  } else {
    await writeFileAtomic(typesPath, text)
    console.log(`wrote ${typesName}`)
  }
}

for (const { path, current, updated } of await generateOptionTables()) {
  const name = relative(process.cwd(), path)
  if (updated === undefined) {
    console.error(`${name} has no option-table markers; put them back where the table belongs (see plugin/build/options-table.ts).`)
    process.exitCode = 1
  } else if (updated === current) {
    console.log(`${name} option table is up to date`)
  } else if (check) {
    console.error(`${name} option table is out of date with schema/options.schema.json. Run \`npm run gen:types\` and commit the result.`)
    process.exitCode = 1
  } else {
    await writeFileAtomic(path, updated)
    console.log(`wrote the option table of ${name}`)
  }
}
