/* global document, console, Plot */
// Runs in the browser, inlined into the HTML report after d3 and Observable Plot: draws each chart
// described in #wfb-report-data (built and tested in report-charts.ts) as SVG into its <figure>, and
// sets <html data-charts="drawn"> when all are drawn ("failed" when one could not be).

const width = 900
const rowHeight = 22
const charWidth = 6.6

const data = JSON.parse(document.getElementById('wfb-report-data').textContent)
const problems = []
for (const spec of data.charts) {
  const figure = document.querySelector(`figure[data-chart="${spec.id}"]`)
  const body = figure.querySelector('.chart-body')
  try {
    const plot = spec.kind === 'line' ? drawLines(spec) : drawRanges(spec)
    body.replaceChildren(plot)
    const title = document.createElement('span')
    title.className = 'legend-title'
    title.textContent = `${spec.colorLabel}:`
    figure.querySelector('.chart-legend').prepend(title, plot.legend('color', { style: { fontSize: '12px' } }))
  } catch (error) {
    problems.push(`${spec.id}: ${error.message}`)
    const message = document.createElement('p')
    message.className = 'error'
    message.textContent = `This chart could not be drawn: ${error.message}`
    body.replaceChildren(message)
  }
}
document.documentElement.dataset.charts = problems.length === 0 ? 'drawn' : 'failed'
if (problems.length > 0) console.error(`wasm-faas-bench report: ${problems.join('; ')}`)

/** Medians with p25-p75 and min-max whiskers, one row per runtime, one facet per workload. */
function drawRanges(spec) {
  const faceted = spec.facets.length > 1 || spec.facets[0] !== ''
  const position = faceted ? { y: 'y', fy: 'facet' } : { y: 'y' }
  const marks = []
  if (spec.reference !== undefined) {
    marks.push(Plot.ruleX([spec.reference.value], { stroke: '#777', strokeDasharray: '4,3' }))
    // Labelled once, in the first facet.
    marks.push(Plot.text([spec.facets[0]], { ...(faceted ? { fy: (facet) => facet } : {}), x: () => spec.reference.value, text: () => spec.reference.label, frameAnchor: 'top', dy: -10, dx: 3, textAnchor: 'start', fill: '#555', fontSize: 10 }))
  }
  if (spec.mark === 'bar') marks.push(Plot.barX(spec.points, { ...position, x: 'median', fill: 'series', fillOpacity: 0.85, insetTop: 3, insetBottom: 3, title: 'title' }))
  marks.push(Plot.ruleY(spec.points, { ...position, x1: 'min', x2: 'max', stroke: '#222', strokeWidth: 1 }))
  marks.push(Plot.ruleY(spec.points, { ...position, x1: 'p25', x2: 'p75', stroke: '#222', strokeWidth: 3.5 }))
  if (spec.mark === 'dot') marks.push(Plot.dot(spec.points, { ...position, x: 'median', fill: 'series', stroke: 'white', r: 5.5, title: 'title' }))
  marks.push(Plot.text(spec.points, { ...position, x: 'max', text: 'text', textAnchor: 'start', dx: 6, fill: '#333', fontSize: 11 }))
  const longest = (values) => Math.max(...values.map((value) => value.length))
  return Plot.plot({
    width,
    height: spec.facets.length * spec.ys.length * rowHeight + 70,
    marginTop: 16,
    marginLeft: Math.ceil(longest(spec.ys) * charWidth) + 14,
    marginRight: faceted ? Math.ceil(longest(spec.facets) * charWidth) + 16 : 16,
    marginBottom: 42,
    style: { fontSize: '12px', background: 'transparent' },
    x: { type: spec.scale, domain: spec.domain, label: spec.axisLabel, labelAnchor: 'center', labelOffset: 36, grid: true, ...ticksOf(spec) },
    y: { domain: spec.ys, label: null },
    ...(faceted ? { fy: { domain: spec.facets, label: null, padding: 0.12 } } : {}),
    color: colorScale(spec),
    marks,
  })
}

/** Lines against concurrency with p25-p75 whiskers, one per runtime (and run). */
function drawLines(spec) {
  return Plot.plot({
    width,
    height: 340,
    marginLeft: 64,
    marginBottom: 42,
    style: { fontSize: '12px', background: 'transparent' },
    x: { type: spec.xScale, ...(spec.xScale === 'log' ? { base: 2 } : {}), ticks: spec.xTicks, tickFormat: (value) => String(value), label: spec.xLabel, labelAnchor: 'center', labelOffset: 36, grid: true },
    y: spec.yScale === 'log' ? { type: 'log', label: spec.yLabel, grid: true } : { label: spec.yLabel, grid: true, zero: true },
    color: colorScale(spec),
    marks: [
      Plot.ruleX(spec.points, { x: 'x', y1: 'low', y2: 'high', stroke: 'series', strokeWidth: 2 }),
      Plot.line(spec.points, { x: 'x', y: 'y', stroke: 'series', strokeWidth: 2, sort: 'x' }),
      Plot.dot(spec.points, { x: 'x', y: 'y', fill: 'series', r: 4, title: 'title' }),
    ],
  })
}

function colorScale(spec) {
  return spec.colors === undefined ? { type: 'ordinal', domain: spec.series, scheme: 'tableau10' } : { type: 'ordinal', domain: spec.series, range: spec.colors }
}

/** Tick labels and grid lines: on log scales only at powers of ten, which Plot would otherwise fill with minor ticks. */
function ticksOf(spec) {
  const format = spec.tickFormat === 'duration' ? { tickFormat: formatDuration } : {}
  if (spec.scale !== 'log') return format
  const ticks = []
  for (let power = Math.ceil(Math.log10(spec.domain[0])); power <= Math.floor(Math.log10(spec.domain[1])); power++) ticks.push(10 ** power)
  return { ...format, ticks }
}

/** A duration in milliseconds in the unit that keeps it short: `50 ns`, `2 µs`, `10 ms`, `1.5 s`. */
function formatDuration(ms) {
  const short = (value) => String(Number(value.toPrecision(3)))
  if (ms >= 1000) return `${short(ms / 1000)} s`
  if (ms >= 1) return `${short(ms)} ms`
  if (ms >= 0.001) return `${short(ms * 1000)} µs`
  return `${short(ms * 1e6)} ns`
}
