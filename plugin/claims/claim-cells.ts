import type { Claim } from '../../schema/claims.d.ts'
import { formatClaimValue, formatPublished } from './format-claim-value.ts'
import type { ClaimVerdict, ClaimVerdictKind } from './judge-claim.ts'

/** One claim's verdict as plain-text cells, shared by the CLI table, the Markdown summary and the HTML report. */
export interface ClaimCells {
  id: string
  statement: string
  /** `wasm3 docs/Performance.md (wasm3 repository (GitHub)), "Simple recursive …"`. */
  source: string
  url: string | undefined
  /** False when the published number could not be read in its source; the cell then says so. */
  checked: boolean
  sourceNote: string | undefined
  /** `16.7x`: the published number in the tool's unit. */
  published: string
  /** The machine the published number came from, when the source names it. */
  publishedOn: string | undefined
  /** This run's number, or `—`. */
  measured: string
  verdict: ClaimVerdictKind
  /** Why, in one or two sentences; for not-measured also the command. */
  detail: string
}

/** The order the verdicts are counted in. */
export const claimVerdictOrder: readonly ClaimVerdictKind[] = ['consistent', 'contradicts', 'not-comparable', 'not-measured']

/** The cells of one verdict. */
export function claimCells(verdict: ClaimVerdict): ClaimCells {
  const { claim } = verdict
  return {
    id: claim.id,
    statement: claim.statement,
    source: describeSource(claim),
    url: claim.source.url,
    checked: claim.source.checked,
    sourceNote: claim.source.note,
    published: formatPublished(claim.published),
    publishedOn: claim.published.machine,
    measured: verdict.measured === undefined ? '—' : formatClaimValue(verdict.measured, claim.published.unit),
    verdict: verdict.verdict,
    detail: verdict.command === undefined ? verdict.reason : `${verdict.reason} Measure: \`${verdict.command}\``,
  }
}

/** `2 consistent · 1 contradicts · 11 not measured`: the counts, in verdict order, zeros left out. */
export function countClaimVerdicts(verdicts: readonly ClaimVerdict[]): string {
  const counts = claimVerdictOrder
    .map((kind) => ({ kind, count: verdicts.filter((verdict) => verdict.verdict === kind).length }))
    .filter(({ count }) => count > 0)
    .map(({ kind, count }) => `${count} ${kind.replace('-', ' ')}`)
  return counts.length === 0 ? 'no claims' : counts.join(' · ')
}

function describeSource(claim: Claim): string {
  const { source } = claim
  return `${source.title}${source.venue === undefined ? '' : ` (${source.venue})`}, ${source.where}${source.checked ? '' : ' [number not checked in the source]'}`
}
