import { describe, expect, test } from 'vitest'
import { judgeClaims } from '../claims/judge-claim.ts'
import { createExampleResults } from '../results/example-results.ts'
import { loadReportAssets } from './load-report-assets.ts'
import { escapeHtml, renderHtmlReport, type ReportAssets, type ReportData } from './render-html-report.ts'
import { labelRuns } from './report-model.ts'
import { createExampleClaims, createReportExample } from './testdata/report-example.ts'

const assets: ReportAssets = { scripts: [{ name: 'lib', source: 'window.x = "</script><b>"' }], credits: 'Observable Plot 0.6.17 and d3 7.9.2' }

function dataOf(html: string): ReportData {
  const match = /<script type="application\/json" id="wfb-report-data">(.*?)<\/script>/s.exec(html)
  return JSON.parse(match?.[1] ?? 'null') as ReportData
}

describe('renderHtmlReport', () => {
  const results = createReportExample()
  results.skipped[0] = { ...results.skipped[0]!, reason: 'perf says <not supported> & </script>' }
  const runs = labelRuns([{ source: 'bench-results/latest.json', results }])
  const html = renderHtmlReport(runs, assets, { claims: judgeClaims(createExampleClaims(), runs) })

  test('self-contained: a policy that forbids every load, and no reference to anything outside the page', () => {
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">`)
    expect(html).not.toMatch(/\s(src|href)=/)
    expect(html).not.toMatch(/<link\b|@import|url\(/)
  })

  test('inlined scripts and data cannot end their <script> early', () => {
    expect(html).toContain('window.x = "<\\/script><b>"')
    const data = html.slice(html.indexOf('id="wfb-report-data">'), html.indexOf('</script>', html.indexOf('id="wfb-report-data">')))
    expect(data).not.toContain('<')
    expect(dataOf(html).charts.map((chart) => chart.id)).toEqual(['comparison', 'cold-start', 'peak-memory', 'http-throughput', 'http-p99'])
  })

  test('one figure per chart, each with a legend, the machine and the versions in its caption', () => {
    const figures = html.match(/<figure class="chart" data-chart="[^"]+">[\s\S]*?<\/figure>/g) ?? []
    expect(figures.map((figure) => /data-chart="([^"]+)"/.exec(figure)?.[1])).toEqual(['comparison', 'cold-start', 'peak-memory', 'http-throughput', 'http-p99'])
    for (const figure of figures) {
      expect(figure).toContain('<div class="chart-legend" aria-label="legend">')
      expect(figure).toContain('Machine: AMD EPYC 7B13 (2 cores, 7.8 GiB), Debian GNU/Linux 12, kernel 6.1.0-18-amd64, x64. Versions: wasm-faas-bench 0.1.0, Node 24.21.0 (V8 13.6.233.10-node.27), node-wasi: 24.21.0.')
    }
  })

  test('sections without data say so; text from the results is escaped', () => {
    expect(html).toContain('<p class="empty">No row measured warm latency.</p>')
    expect(html).toContain('perf says &lt;not supported&gt; &amp; &lt;/script&gt;')
    expect(html).toContain('<span class="verdict verdict-failed">failed</span>')
  })

  test('the published claims: one row each with its verdict, source, published number and this run\'s', () => {
    const section = /<section id="claims">[\s\S]*?<\/section>/.exec(html)?.[0] ?? ''
    expect(section).toContain('1 consistent · 1 contradicts · 1 not measured')
    expect(section.match(/<tr><td><span class="verdict verdict-claim-[a-z-]+">/g)).toEqual([
      '<tr><td><span class="verdict verdict-claim-consistent">',
      '<tr><td><span class="verdict verdict-claim-contradicts">',
      '<tr><td><span class="verdict verdict-claim-not-measured">',
    ])
    expect(section).toContain('<td class="num">150 ms<br><small>a laptop</small></td><td class="num">148 ms</td>')
    expect(section).toContain('An example paper (Example 2025), §4, Table 2<br><small>https://example.org/paper</small>')
    expect(section).toContain('Measure: `WFB_RUNTIMES=node-wasi,wasm3 WFB_WORKLOADS=fib npx vitest bench --run`')
    expect(html.indexOf('id="claims"')).toBeLessThan(html.indexOf('id="results"'))
  })

  test('without HTTP rows the HTTP section says none were measured', () => {
    const plain = renderHtmlReport(labelRuns([{ source: 'x.json', results: createExampleResults() }]), assets)
    expect(plain).toContain('No HTTP rows were measured in these results')
    expect(plain).not.toContain('id="verdicts"')
    expect(plain).not.toContain('id="claims"')
  })

  test('escapeHtml', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;')
  })
})

describe('loadReportAssets', () => {
  test('d3, then Observable Plot (their minified UMD builds), then the drawing script', async () => {
    const loaded = await loadReportAssets()
    expect(loaded.scripts.map((script) => script.name)).toEqual(['d3@7.9.2', '@observablehq/plot@0.6.17', 'report-client'])
    expect(loaded.scripts[0]?.source).toMatch(/^\/\/ https:\/\/d3js.org v7.9.2/)
    expect(loaded.scripts[1]?.source).toMatch(/^\/\/ @observablehq\/plot v0.6.17/)
    expect(loaded.credits).toBe('Observable Plot 0.6.17 and d3 7.9.2')
  })
})
