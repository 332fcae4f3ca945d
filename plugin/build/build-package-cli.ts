// Entry of `npm run build` (and `prepack`): the publishable package in dist/.
import { buildPackage } from './build-package.ts'

const copied = await buildPackage()
console.log(`dist/: JavaScript and declarations from tsc, plus ${copied.length} assets`)
