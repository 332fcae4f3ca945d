// A Vitest setup file (`test.setupFiles: ['wasm-faas-bench/setup-matchers']` or this path) that
// registers the baseline matchers: `expect(row).not.toRegress(baselineEntry)`.
import { registerBaselineMatchers } from './to-regress.ts'

registerBaselineMatchers()
