import { claimCells, countClaimVerdicts } from './claim-cells.ts'
import type { ClaimVerdict } from './judge-claim.ts'

/**
 * The claims table for a terminal: one line per claim (verdict, id, published, this run), then one
 * paragraph per claim with the statement, the source and why the verdict is what it is.
 */
export function renderClaimsText(verdicts: readonly ClaimVerdict[]): string {
  const cells = verdicts.map(claimCells)
  const header = { verdict: 'verdict', id: 'claim', published: 'published', measured: 'this run' }
  const widths = {
    verdict: Math.max(header.verdict.length, ...cells.map((cell) => cell.verdict.length)),
    id: Math.max(header.id.length, ...cells.map((cell) => cell.id.length)),
    published: Math.max(header.published.length, ...cells.map((cell) => cell.published.length)),
  }
  const line = (verdict: string, id: string, published: string, measured: string): string =>
    `${verdict.padEnd(widths.verdict)}  ${id.padEnd(widths.id)}  ${published.padEnd(widths.published)}  ${measured}`.trimEnd()
  return [
    `Published claims against these results: ${countClaimVerdicts(verdicts)}`,
    '',
    line(header.verdict, header.id, header.published, header.measured),
    ...cells.map((cell) => line(cell.verdict, cell.id, cell.published, cell.measured)),
    '',
    ...cells.flatMap((cell) => [
      `${cell.id}: ${cell.statement}`,
      `  source: ${cell.source}${cell.url === undefined ? '' : ` <${cell.url}>`}${cell.publishedOn === undefined ? '' : `; measured there on ${cell.publishedOn}`}`,
      `  ${cell.verdict}: ${cell.detail}`,
      '',
    ]),
  ].join('\n')
}

/** The claims section of the Markdown summary: counts, then one table row per claim. */
export function renderClaimsMarkdown(verdicts: readonly ClaimVerdict[]): string[] {
  if (verdicts.length === 0) return []
  return [
    `**Published claims**: ${countClaimVerdicts(verdicts)}`,
    '',
    '| verdict | claim | source | published | this run | why |',
    '|---|---|---|---:|---:|---|',
    ...verdicts.map(claimCells).map((cell) => {
      const verdict = cell.verdict === 'contradicts' ? '**contradicts**' : cell.verdict
      const source = cell.url === undefined ? escapeCell(cell.source) : `[${escapeCell(cell.source)}](${cell.url.replaceAll(' ', '%20').replaceAll(')', '%29')})`
      const published = cell.publishedOn === undefined ? escapeCell(cell.published) : `${escapeCell(cell.published)}<br><sub>${escapeCell(cell.publishedOn)}</sub>`
      return `| ${verdict} | \`${cell.id}\`: ${escapeCell(cell.statement)} | ${source} | ${published} | ${escapeCell(cell.measured)} | ${escapeCell(cell.detail)} |`
    }),
    '',
  ]
}

/** Text safe inside a Markdown table cell: no pipe ends the cell, no newline ends the row, no `<…>` reads as HTML. */
function escapeCell(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('|', '\\|').replaceAll(/\r?\n/g, ' ')
}

/**
 * The few lines a bench run prints about the claims: the counts, then one line per claim this run
 * computed a number for (consistent, contradicts), and where to read the rest.
 */
export function renderClaimsBrief(verdicts: readonly ClaimVerdict[], resultsPath: string): string {
  const computed = verdicts.filter((verdict) => verdict.measured !== undefined).map(claimCells)
  const width = Math.max(0, ...computed.map((cell) => cell.verdict.length))
  return [
    `Published claims: ${countClaimVerdicts(verdicts)}.`,
    ...computed.map((cell) => `  ${cell.verdict.padEnd(width)}  ${cell.id}: published ${cell.published}, this run ${cell.measured}`),
    `Every claim with its source and the command that measures it: npx wasm-faas-bench claims ${resultsPath}`,
  ].join('\n')
}
