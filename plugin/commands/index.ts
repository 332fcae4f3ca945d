import { build } from './build.ts'
import { calibrate } from './calibrate.ts'
import { claims } from './claims.ts'
import { compare } from './compare.ts'
import { init } from './init.ts'
import { gate } from './gate.ts'
import { merge } from './merge.ts'
import { report } from './report.ts'
import { runtimesInstall } from './runtimes-install.ts'
import { scale } from './scale.ts'
import { runtimesList } from './runtimes-list.ts'
import { selfCheck } from './self-check.ts'
import { setup } from './setup.ts'
import type { CliCommand } from './types.ts'

/** Every CLI command. A new command is one file in plugin/commands/ and one line here. */
export const commands: CliCommand[] = [
  setup,
  init,
  runtimesList,
  runtimesInstall,
  calibrate,
  selfCheck,
  report,
  build,
  scale,
  merge,
  gate,
  compare,
  claims,
]
