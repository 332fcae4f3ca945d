import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { BenchError, formatNames } from '../errors.ts'
import { installerNames, installers, type InstallerName } from './index.ts'
import { toolsBinDir } from './tools-dir.ts'
import type { InstallOutcome, RuntimeInstaller } from './types.ts'

/**
 * The installers for the names given on the command line, in order and without repeats; `all` means every one.
 * @throws BenchError `unknown-runtime` naming the bad name and the valid ones.
 */
export function selectInstallers(names: readonly string[]): RuntimeInstaller[] {
  if (names.length === 0) {
    throw new BenchError('invalid-option', `Name the runtimes to install: one or more of ${formatNames(installerNames)}, or \`all\`.`)
  }
  const wanted = names.includes('all') ? installerNames : names
  const unknown = wanted.filter((name) => !Object.hasOwn(installers, name))
  if (unknown.length > 0) {
    throw new BenchError('unknown-runtime', `Cannot install ${formatNames(unknown)}: no installer by that name. Use one or more of ${formatNames(installerNames)}, or \`all\`.`)
  }
  return [...new Set(wanted as InstallerName[])].map((name) => installers[name])
}

/**
 * Installs one runtime's pinned version into `toolsDir`, or does nothing when that version is
 * already there (so it is safe to run before every benchmark; nothing is downloaded at bench time).
 */
export async function installRuntime(installer: RuntimeInstaller, toolsDir: string): Promise<InstallOutcome> {
  const started = performance.now()
  const binaryPath = installer.binaryPath?.(toolsDir) ?? join(toolsBinDir(toolsDir), installer.binary)
  const outcome = (action: InstallOutcome['action']): InstallOutcome => ({
    name: installer.name,
    action,
    version: installer.version,
    binaryPath,
    durationMs: performance.now() - started,
  })
  if ((await installer.installedVersion(toolsDir)) === installer.version) return outcome('already-installed')
  await installer.install(toolsDir)
  const installed = await installer.installedVersion(toolsDir)
  if (installed !== installer.version) {
    throw new BenchError('install-failed', `Installed ${installer.name} from ${installer.source}, but ${binaryPath} then reports version ${installed ?? 'none'}. Remove ${toolsDir} and run the install again.`)
  }
  return outcome('installed')
}
