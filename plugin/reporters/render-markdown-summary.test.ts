import { describe, expect, test } from 'vitest'
import { judgeClaims } from '../claims/judge-claim.ts'
import { loadClaims } from '../claims/load-claims.ts'
import { createExampleResults } from '../results/example-results.ts'
import { readResults } from '../results/write-results.ts'
import { renderMarkdownSummary } from './render-markdown-summary.ts'
import { labelRuns } from './report-model.ts'
import { createExampleClaims, createReportExample, realResultsPath } from './testdata/report-example.ts'

describe('renderMarkdownSummary', () => {
  test('a real run: no verdicts, one compact table, the built-in claims (none of them measured by this run), warnings folded away', async () => {
    const runs = labelRuns([{ source: 'bench-results/latest.json', results: await readResults(realResultsPath) }])
    const claims = judgeClaims(await loadClaims(), runs)
    await expect(renderMarkdownSummary(runs, { claims })).toMatchFileSnapshot('__snapshots__/summary.real.md')
  })

  test('verdicts first (all but pass listed), then failures, the table, HTTP rows, claims, skipped rows', async () => {
    const runs = labelRuns([{ source: 'bench-results/latest.json', results: createReportExample() }])
    const claims = judgeClaims(createExampleClaims(), runs)
    expect(claims.map((claim) => claim.verdict)).toEqual(['consistent', 'contradicts', 'not-measured'])
    await expect(renderMarkdownSummary(runs, { claims })).toMatchFileSnapshot('__snapshots__/summary.example.md')
  })

  test('without claims there is no claims section', () => {
    expect(renderMarkdownSummary(labelRuns([{ source: 'x.json', results: createExampleResults() }]))).not.toContain('Published claims')
  })

  test('several runs: one table per run, headed by its label', () => {
    const newer = { ...createExampleResults(), createdAt: '2025-02-01T08:00:00.000Z', failed: [] }
    const text = renderMarkdownSummary(labelRuns([
      { source: 'a.json', results: createExampleResults() },
      { source: 'b.json', results: newer },
    ]))
    expect(text.split('\n').filter((line) => line.startsWith('#'))).toEqual([
      '## wasm-faas-bench: 2 rows measured, 1 failed, 2 skipped',
      '### run 1 · 2025-01-31 12:34 UTC · a.json: AMD EPYC 7B13 (2 cores, 7.8 GiB), Debian GNU/Linux 12, kernel 6.1.0-18-amd64, x64, 2025-01-31 12:34 UTC',
      '### run 2 · 2025-02-01 08:00 UTC · b.json: AMD EPYC 7B13 (2 cores, 7.8 GiB), Debian GNU/Linux 12, kernel 6.1.0-18-amd64, x64, 2025-02-01 08:00 UTC',
    ])
    expect(text).toContain('- run 1: fib(n=25) node-wasi (in-process): Wrong output')
  })

  test('text from the results cannot break a table cell or read as HTML', () => {
    const results = createExampleResults()
    results.failed[0] = { ...results.failed[0]!, error: 'exit 1 | <not supported>\nmore' }
    expect(renderMarkdownSummary(labelRuns([{ source: 'x.json', results }]))).toContain('node-wasi (in-process): exit 1 \\| &lt;not supported>')
  })
})
