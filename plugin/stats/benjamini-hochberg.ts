/**
 * Benjamini-Hochberg adjusted p-values (q-values), in the order given: rejecting every hypothesis
 * whose q-value is at most `level` keeps the expected share of false discoveries among the
 * rejections at or below `level`. Method: Benjamini & Hochberg (1995), "Controlling the false
 * discovery rate: a practical and powerful approach to multiple testing", J. R. Statist. Soc. B
 * 57(1); the adjustment q(i) = min over j >= i of (m / j) p(j), capped at 1, is R's
 * `p.adjust(p, method = "BH")`.
 */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  const m = pValues.length
  const order = pValues.map((p, index) => ({ p, index })).sort((a, b) => a.p - b.p)
  const adjusted = new Array<number>(m)
  let running = 1
  for (let rank = m; rank >= 1; rank--) {
    const entry = order[rank - 1]
    if (entry === undefined) continue
    running = Math.min(running, (entry.p * m) / rank)
    adjusted[entry.index] = running
  }
  return adjusted
}
