// `wasm-faas-bench report` as a person runs it: the CLI in a subprocess, on the committed real results file.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { execa } from 'execa'
import { afterAll, describe, expect, test } from 'vitest'
import { judgeClaims } from '../claims/judge-claim.ts'
import { loadClaims } from '../claims/load-claims.ts'
import { readResults } from '../results/write-results.ts'
import { formatBmf, renderBmf } from '../reporters/render-bmf.ts'
import { renderMarkdownSummary } from '../reporters/render-markdown-summary.ts'
import { labelRuns } from '../reporters/report-model.ts'
import { realResultsPath } from '../reporters/testdata/report-example.ts'
import { packageRoot } from '../package-paths.ts'

const scratch = await mkdtemp(join(tmpdir(), 'wfb-report-command-'))
afterAll(async () => rm(scratch, { recursive: true, force: true }))

function cli(...args: string[]) {
  return execa(process.execPath, [join(packageRoot, 'plugin', 'cli.ts'), ...args], { cwd: packageRoot, reject: false, all: true })
}

describe('wasm-faas-bench report', () => {
  test('writes index.html, summary.md and bmf.json into --out, and appends the summary to --markdown', async () => {
    const out = join(scratch, 'report')
    const stepSummary = join(scratch, 'step-summary.md')
    await writeFile(stepSummary, '# earlier step\n')
    const run = await cli('report', realResultsPath, '--out', out, '--markdown', stepSummary)
    expect(run.exitCode, run.all).toBe(0)
    expect(run.stdout.split('\n')).toEqual([
      `report: ${join(out, 'index.html')} (open in a browser; it loads nothing from the network)`,
      `summary: ${join(out, 'summary.md')} (also appended to ${stepSummary})`,
      `Bencher Metric Format: ${join(out, 'bmf.json')}`,
    ])
    const runs = labelRuns([{ source: realResultsPath, results: await readResults(realResultsPath) }])
    const summary = renderMarkdownSummary(runs, { claims: judgeClaims(await loadClaims(), runs) })
    expect(summary).toContain('**Published claims**')
    expect(await readFile(join(out, 'summary.md'), 'utf8')).toBe(summary)
    expect(await readFile(stepSummary, 'utf8')).toBe(`# earlier step\n${summary}`)
    expect(await readFile(join(out, 'bmf.json'), 'utf8')).toBe(formatBmf(renderBmf(runs)))
    const html = await readFile(join(out, 'index.html'), 'utf8')
    expect(html).toMatch(/^<!doctype html>/)
    expect(html).toContain('<script data-name="@observablehq/plot@0.6.17">')
  })

  test('several files: the same rows in two files are noted for bmf.json', async () => {
    const run = await cli('report', realResultsPath, realResultsPath, '--out', join(scratch, 'two'))
    expect(run.exitCode, run.all).toBe(0)
    expect(run.stdout).toContain('bmf.json: 21 rows appear in more than one file; the file given last wins.')
  })

  test('a missing results file names it and how to make one', async () => {
    const run = await cli('report', join(scratch, 'nope.json'), '--out', join(scratch, 'x'))
    expect(run.exitCode).toBe(1)
    expect(run.stderr).toBe(`wasm-faas-bench: Results file \`${join(scratch, 'nope.json')}\` does not exist. Give the path of a results file, or run the benchmarks first (\`npm run bench\` writes bench-results/latest.json).`)
  })

  test('a folder in place of a results file says so and names the file to give, with no stack trace', async () => {
    const run = await cli('report', scratch, '--out', join(scratch, 'y'))
    expect(run.exitCode).toBe(1)
    expect(run.stderr).toBe(`wasm-faas-bench: \`${scratch}\` is a folder, not a results file. Give a results file in it, e.g. \`${join(scratch, 'latest.json')}\`. Usage: wasm-faas-bench report [results.json …] [--out DIR] [--markdown FILE] [--claims FILE …]`)
  })

  test('an unknown option shows the usage', async () => {
    const run = await cli('report', '--outdir', 'x')
    expect(run.exitCode).toBe(1)
    expect(run.stderr).toContain("Unknown option '--outdir'")
    expect(run.stderr).toContain('Usage: wasm-faas-bench report [results.json …] [--out DIR] [--markdown FILE]')
  })
})
