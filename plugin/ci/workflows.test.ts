// The CI recipe (.github/workflows/*.yml, issue 12): valid for actionlint, and every command it runs
// is one docs/ci.md gives, so that running the documented commands locally proves the workflow.
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { execa } from 'execa'
import { describe, expect, test } from 'vitest'
import { detectTool } from '../install/detect-tool.ts'
import { packageRoot } from '../package-paths.ts'
import { workflowCommands } from './workflow-commands.ts'

const workflowsDir = join(packageRoot, '.github', 'workflows')
const workflows = (await readdir(workflowsDir)).filter((name) => name.endsWith('.yml')).sort()
const actionlintInstall = 'GOBIN="$WFB_TOOLS_DIR/bin" go install github.com/rhysd/actionlint/cmd/actionlint@v1.7.7'
const actionlint = await detectTool({ binary: 'actionlint', install: actionlintInstall })

describe('the CI workflows', () => {
  test('there are the pull-request workflow and its sharded variant', () => {
    expect(workflows).toEqual(['bench-sharded.yml', 'bench.yml'])
  })

  test.skipIf(actionlint.tool === undefined)(`actionlint finds no problem (skipped when actionlint is absent: ${actionlintInstall})`, async () => {
    const run = await execa(actionlint.tool?.path ?? 'actionlint', ['-no-color', ...workflows.map((name) => join(workflowsDir, name))], { reject: false, all: true })
    expect(run.all).toBe('')
    expect(run.exitCode).toBe(0)
  })

  test('every command a workflow runs is written in docs/ci.md', async () => {
    const docs = await readFile(join(packageRoot, 'docs', 'ci.md'), 'utf8')
    for (const name of workflows) {
      const commands = workflowCommands(await readFile(join(workflowsDir, name), 'utf8'))
      expect(commands.length).toBeGreaterThan(2)
      for (const command of commands) expect(docs, `${name}: \`${command}\` is not in docs/ci.md`).toContain(command)
    }
  })

  test('workflowCommands reads one-line and block `run:` values', () => {
    expect(workflowCommands('    steps:\n      - run: npm ci\n      - name: x\n        run: |\n          a --b\n\n          c ${{ matrix.shard }}/2\n      - uses: y\n')).toEqual(['npm ci', 'a --b', 'c 1/2'])
  })
})
