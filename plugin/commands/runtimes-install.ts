import { formatNames } from '../errors.ts'
import { installerNames } from '../install/index.ts'
import { installRuntime, selectInstallers } from '../install/install-runtime.ts'
import { resolveToolsDir } from '../install/tools-dir.ts'
import { parseCommandArgs } from './parse-command-args.ts'
import type { CliCommand } from './types.ts'

/** `runtimes install <name...|all>`: puts pinned runtimes into the tools folder (`WFB_TOOLS_DIR`, default `.wfb-tools`); skips those already there. */
export const runtimesInstall: CliCommand = {
  words: ['runtimes', 'install'],
  summary: `<name...|all>  install pinned runtimes into .wfb-tools (or WFB_TOOLS_DIR): ${installerNames.join(', ')}`,
  async run(args) {
    const { positionals } = parseCommandArgs(args, `wasm-faas-bench runtimes install <name…|all>`, {}, true)
    const selected = selectInstallers(positionals)
    const toolsDir = resolveToolsDir()
    console.log(`Tools folder: ${toolsDir}`)
    for (const installer of selected) {
      console.log(`${installer.name}: ${installer.source} …`)
      const outcome = await installRuntime(installer, toolsDir)
      const seconds = (outcome.durationMs / 1000).toFixed(1)
      const what = outcome.action === 'installed' ? `installed ${outcome.version} in ${seconds} s` : `${outcome.version} already installed, skipped (checked in ${seconds} s)`
      console.log(`${installer.name}: ${what} -> ${outcome.binaryPath}`)
    }
    console.log(`Done: ${formatNames(selected.map((installer) => installer.name))}. \`npx wasm-faas-bench runtimes list\` shows what the benchmarks will find.`)
  },
}
