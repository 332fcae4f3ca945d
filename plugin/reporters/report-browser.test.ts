// The HTML report opened in a real browser (Debian's Chromium, driven by playwright-core): every
// chart is drawn as SVG with its axis labels, legend and caption, nothing is fetched from the
// network, and docs/report-screenshot.png is taken from the committed real results file.
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { chromium, type BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { readResults } from '../results/write-results.ts'
import { packageRoot } from '../package-paths.ts'
import { labelRuns, type ReportRun } from './report-model.ts'
import { createReportExample, realResultsPath } from './testdata/report-example.ts'
import { writeReport } from './write-report.ts'

const chromiumPath = '/usr/bin/chromium'
const missingChromium = `Debian's Chromium is not installed at ${chromiumPath}: apt-get install -y chromium`
const screenshotPath = join(packageRoot, 'docs', 'report-screenshot.png')
// As root on a machine without a network: no sandbox, no GPU, no background connections.
const chromiumFlags = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']

let scratch = ''
let browser: BrowserContext | undefined

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'wfb-report-browser-'))
  if (!existsSync(chromiumPath)) return
  // A fresh profile per run (playwright passes it as --user-data-dir).
  browser = await chromium.launchPersistentContext(join(scratch, 'profile'), {
    executablePath: chromiumPath, headless: true, args: chromiumFlags, viewport: { width: 1000, height: 900 },
  })
})

afterAll(async () => {
  await browser?.close()
  await rm(scratch, { recursive: true, force: true })
})

/** What the page shows of one chart. */
interface DrawnChart {
  id: string
  width: number
  height: number
  marks: number
  xLabel: string
  yLabels: string[]
  legend: string[]
  caption: string
}

/** Writes the report of `runs`, opens it, waits for the charts and returns what each one shows, and every URL the page asked for. */
async function openReport(name: string, runs: ReportRun[]) {
  if (browser === undefined) throw new Error(missingChromium)
  const written = await writeReport(runs, { outDir: join(scratch, name) })
  const page = await browser.newPage()
  const requests: string[] = []
  const problems: string[] = []
  page.on('request', (request) => requests.push(request.url()))
  page.on('pageerror', (error) => problems.push(error.message))
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text())
  })
  const url = pathToFileURL(written.htmlPath).href
  await page.goto(url)
  // The drawing script marks <html data-charts="drawn"> (or "failed") when it is done.
  await page.locator('html[data-charts]').waitFor({ state: 'attached', timeout: 20_000 })
  const state = await page.locator('html').getAttribute('data-charts')
  const charts: DrawnChart[] = []
  for (const figure of await page.locator('figure[data-chart]').all()) {
    const svg = figure.locator('.chart-body > svg')
    const box = await svg.boundingBox()
    charts.push({
      id: await figure.getAttribute('data-chart') ?? '',
      width: box?.width ?? 0,
      height: box?.height ?? 0,
      marks: await svg.locator('g[aria-label="bar"] rect, g[aria-label="dot"] circle, g[aria-label="line"] path').count(),
      xLabel: (await svg.locator('g[aria-label="x-axis label"] text').allTextContents()).join(' '),
      yLabels: await svg.locator('g[aria-label="y-axis label"] text, g[aria-label="y-axis tick label"] text').allTextContents(),
      legend: await figure.locator('.chart-legend span[class$="-swatch"]').allTextContents(),
      caption: await figure.locator('figcaption').textContent() ?? '',
    })
  }
  return { page, url, state, charts, requests, problems }
}

describe('the HTML report in Chromium', () => {
  test('a real run: every chart drawn with axis labels, legend and caption; nothing fetched; screenshot', { timeout: 60_000 }, async ({ skip }) => {
    if (browser === undefined) return skip(missingChromium)
    const results = await readResults(realResultsPath)
    const { page, url, state, charts, requests, problems } = await openReport('real', labelRuns([{ source: 'bench-results/latest.json', results }]))
    expect(problems).toEqual([])
    expect(state).toBe('drawn')
    expect(requests).toEqual([url])
    expect(charts.map((chart) => chart.id)).toEqual(['cold-start', 'warm-latency', 'cpu-time', 'cpu-utilisation', 'peak-memory'])
    const runtimes = [...new Set(results.rows.map((row) => row.runtime))]
    const versions = results.runtimes.filter((runtime) => runtime.available).map((runtime) => (runtime.version ?? '').split('; ')[0] ?? '')
    for (const chart of charts) {
      expect(chart.width * chart.height, chart.id).toBeGreaterThan(0)
      expect(chart.marks, chart.id).toBeGreaterThanOrEqual(results.rows.length)
      expect(chart.xLabel, chart.id).toMatch(/\((ms|%|MiB|log scale; ns, µs, ms)\)/)
      expect(chart.yLabels, chart.id).toContain('node-wasi (process)')
      expect(chart.legend, chart.id).toEqual(runtimes)
      for (const fact of [results.machine.cpu.model, `${results.machine.cpu.cores} cores`, results.machine.os.distro, `kernel ${results.machine.os.kernel}`, `Node ${results.machine.node}`, `V8 ${results.machine.v8}`, `wasm-faas-bench ${results.tool.version}`, ...versions]) {
        expect(chart.caption, `${chart.id} caption`).toContain(fact)
      }
    }
    expect(await page.locator('#http .empty').textContent()).toContain('No HTTP rows were measured')
    // The top of the report: the runs, the setup, cold start and warm latency.
    // The page is not scrolled, so the box is in page coordinates.
    const warm = await page.locator('figure[data-chart="warm-latency"]').boundingBox()
    await mkdir(join(packageRoot, 'docs'), { recursive: true })
    await writeFile(screenshotPath, await page.screenshot({ fullPage: true, clip: { x: 0, y: 0, width: 1000, height: Math.ceil((warm?.y ?? 0) + (warm?.height ?? 900)) + 16 } }))
    await page.close()
  })

  test('HTTP rows, a baseline comparison and two runs side by side: lines, verdict colours, one colour per run', { timeout: 60_000 }, async ({ skip }) => {
    if (browser === undefined) return skip(missingChromium)
    const newer = { ...createReportExample(), createdAt: '2025-02-01T08:00:00.000Z' }
    const { page, state, charts, requests, problems, url } = await openReport('example', labelRuns([
      { source: 'bench-results/a.json', results: createReportExample() },
      { source: 'bench-results/b.json', results: newer },
    ]))
    expect(problems).toEqual([])
    expect(state).toBe('drawn')
    expect(requests).toEqual([url])
    expect(charts.map((chart) => chart.id)).toEqual(['comparison', 'cold-start', 'peak-memory', 'http-throughput', 'http-p99'])
    const byId = new Map(charts.map((chart) => [chart.id, chart]))
    expect(byId.get('comparison')).toMatchObject({ legend: ['regressed', 'inconclusive', 'improved', 'pass'], xLabel: '← better   change of the median against the baseline (%)   worse →' })
    expect(byId.get('cold-start')?.legend).toEqual(['run 1 · 2025-01-31 12:34 UTC · a.json', 'run 2 · 2025-02-01 08:00 UTC · b.json'])
    for (const id of ['http-throughput', 'http-p99']) {
      const chart = byId.get(id)
      // One line per runtime and run.
      expect(chart?.marks, id).toBeGreaterThanOrEqual(4)
      expect(chart?.xLabel, id).toBe('Concurrent connections (log scale) →')
      expect(chart?.legend, id).toEqual(['node-wasi (in-process) · run 1', 'node-wasi (in-process) · run 2', 'native (process) · run 1', 'native (process) · run 2'])
    }
    expect(byId.get('http-throughput')?.yLabels).toContain('↑ Throughput, median (requests/s)')
    expect(byId.get('http-p99')?.yLabels).toContain('↑ Latency p99 (ms)')
    expect(await page.locator('#verdicts .verdict-regressed').count()).toBe(2)
    await page.close()
  })
})
