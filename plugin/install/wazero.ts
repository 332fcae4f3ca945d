import { join } from 'node:path'
import { execa } from 'execa'
import { parseVersion } from './parse-version.ts'
import { requireToolchain, runToolchain } from './run-toolchain.ts'
import { toolsBinDir } from './tools-dir.ts'
import type { RuntimeInstaller } from './types.ts'

const modulePath = 'github.com/tetratelabs/wazero'
const version = '1.12.0'
const goFix = 'Go 1.25 or newer, as wazero 1.12 requires (Debian 12\'s golang-go is 1.19: use the Go SDK from go.dev)'

/** wazero's CLI (compiler and interpreter), built with `go install …/cmd/wazero@v1.12.0` into `<toolsDir>/bin`. */
export const wazeroInstaller: RuntimeInstaller = {
  name: 'wazero',
  version,
  source: `Go module ${modulePath}/cmd/wazero@v${version} (go install)`,
  binary: 'wazero',
  async installedVersion(toolsDir) {
    const result = await execa(join(toolsBinDir(toolsDir), 'wazero'), ['version'], { reject: false, stdin: 'ignore', timeout: 10_000 })
    return result.failed ? undefined : parseVersion(result.stdout)
  },
  async install(toolsDir) {
    await requireToolchain('go', ['version'], goFix)
    await runToolchain({
      file: 'go',
      args: ['install', `${modulePath}/cmd/wazero@v${version}`],
      env: { GOBIN: toolsBinDir(toolsDir) },
      missingFix: goFix,
    })
  },
}
