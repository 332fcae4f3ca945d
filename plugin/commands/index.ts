import { calibrate } from './calibrate.ts'
import { runtimesList } from './runtimes-list.ts'
import type { CliCommand } from './types.ts'

/** Every CLI command. A new command is one file in plugin/commands/ and one line here. */
export const commands: CliCommand[] = [
  runtimesList,
  calibrate,
]
