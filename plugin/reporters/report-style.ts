/** The HTML report's style sheet: system fonts only (nothing to load), readable on screen and in print. */
export const reportStyle = `
:root { color-scheme: light; --ink: #1d2433; --muted: #5b6474; --line: #d9dde5; --bg: #ffffff; --panel: #f6f7f9; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--ink); font: 15px/1.45 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; }
main { max-width: 980px; margin: 0 auto; padding: 24px 28px 40px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 36px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
h3 { font-size: 16px; margin: 0 0 6px; }
code { font: 13px/1.3 ui-monospace, "DejaVu Sans Mono", monospace; }
pre { font: 12px/1.3 ui-monospace, "DejaVu Sans Mono", monospace; background: var(--panel); padding: 8px; overflow-x: auto; }
.counts { font-size: 16px; margin: 0 0 10px; }
.setup { color: var(--muted); font-size: 13px; margin: 4px 0; }
table { border-collapse: collapse; margin: 8px 0 12px; font-size: 13px; }
th, td { text-align: left; padding: 3px 10px 3px 0; border-bottom: 1px solid var(--line); vertical-align: top; }
th { color: var(--muted); font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
figure.chart { margin: 16px 0 24px; padding: 14px 16px 10px; background: var(--panel); border-radius: 6px; }
.chart-legend { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 18px; font-size: 12px; margin-bottom: 6px; min-height: 18px; }
.chart-legend .key { display: inline-flex; align-items: center; gap: 5px; color: var(--muted); }
.chart-body svg { max-width: 100%; height: auto; overflow: visible; }
.chart-body .error { color: #b00020; }
figcaption { color: var(--muted); font-size: 12px; margin-top: 6px; }
.empty, .pending { color: var(--muted); font-style: italic; }
.failed li { color: #8a1020; }
.verdict { display: inline-block; padding: 0 6px; border-radius: 3px; font-size: 12px; font-weight: 600; background: #e8eaee; }
.verdict-regressed, .verdict-failed { background: #fbd5d5; color: #8a1020; }
.verdict-improved, .verdict-passed { background: #d3f0d6; color: #185c22; }
.verdict-inconclusive, .verdict-no-baseline, .verdict-incomparable { background: #fdebc8; color: #6b4a00; }
.verdict-claim-consistent { background: #d3f0d6; color: #185c22; }
.verdict-claim-contradicts { background: #fbd5d5; color: #8a1020; }
.verdict-claim-not-comparable { background: #fdebc8; color: #6b4a00; }
details { margin: 6px 0; font-size: 13px; }
footer { margin-top: 36px; color: var(--muted); font-size: 12px; }
@media print { figure.chart { break-inside: avoid; } }
`
