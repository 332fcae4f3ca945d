// Entry of `npm run gen:types`: writes schema/<name>.d.ts for every schema/<name>.schema.json.
// With `--check` it writes nothing and exits 1 when a generated file is out of date (for CI).
import { readFile } from 'node:fs/promises'
import { relative } from 'node:path'
import { writeFileAtomic } from '../results/write-file-atomic.ts'
import { generateAllTypes } from './generate-types.ts'

const check = process.argv.includes('--check')

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
