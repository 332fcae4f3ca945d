import { appendFile, mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { ClaimVerdict } from '../claims/judge-claim.ts'
import { writeFileAtomic } from '../results/write-file-atomic.ts'
import { loadReportAssets } from './load-report-assets.ts'
import { formatBmf, renderBmf } from './render-bmf.ts'
import { renderHtmlReport } from './render-html-report.ts'
import { renderMarkdownSummary } from './render-markdown-summary.ts'
import type { ReportRun } from './report-model.ts'

/** Where `writeReport` put each output. */
export interface WrittenReport {
  /** `<outDir>/index.html`: the self-contained HTML report. */
  htmlPath: string
  /** `<outDir>/summary.md`: the Markdown summary. */
  markdownPath: string
  /** `<outDir>/bmf.json`: Bencher Metric Format. */
  bmfPath: string
  /** The file the Markdown summary was also appended to (`--markdown`), if any. */
  appendedTo?: string
}

/**
 * The one writer of the reports: renders the runs as HTML, Markdown and BMF (pure renderers) and
 * writes each atomically into `outDir` (created if needed). `claims` (judged verdicts) add the
 * published-claims table to the HTML and Markdown. With `appendMarkdownTo`, the Markdown
 * summary is also appended to that file, as GitHub's `$GITHUB_STEP_SUMMARY` expects.
 */
export async function writeReport(runs: readonly ReportRun[], options: { outDir: string; appendMarkdownTo?: string | undefined; claims?: readonly ClaimVerdict[] }): Promise<WrittenReport> {
  const assets = await loadReportAssets()
  const claims = { claims: options.claims ?? [] }
  const markdown = renderMarkdownSummary(runs, claims)
  await mkdir(options.outDir, { recursive: true })
  const written: WrittenReport = {
    htmlPath: join(options.outDir, 'index.html'),
    markdownPath: join(options.outDir, 'summary.md'),
    bmfPath: join(options.outDir, 'bmf.json'),
  }
  await writeFileAtomic(written.htmlPath, renderHtmlReport(runs, assets, claims))
  await writeFileAtomic(written.markdownPath, markdown)
  await writeFileAtomic(written.bmfPath, formatBmf(renderBmf(runs)))
  if (options.appendMarkdownTo !== undefined) {
    await appendFile(options.appendMarkdownTo, markdown)
    written.appendedTo = options.appendMarkdownTo
  }
  return written
}
