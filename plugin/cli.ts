#!/usr/bin/env node
// wasm-faas-bench's auxiliary commands. The benchmarks themselves run with `vitest bench` (npm run bench).
import { builtinRegistry } from '../fixtures/builtin-registry.ts'
import { commands } from './commands/index.ts'
import { BenchError } from './errors.ts'

const usage = [
  'Usage: wasm-faas-bench <command>',
  '',
  'Commands:',
  ...commands.map((command) => `  ${command.words.join(' ').padEnd(20)} ${command.summary}`),
  '',
  'The benchmarks run with `npm run bench` (vitest bench); see README.md.',
].join('\n')

async function main(argv: string[]): Promise<void> {
  if (argv.length === 0 || argv[0] === 'help' || argv[0] === '--help' || argv[0] === '-h') {
    console.log(usage)
    return
  }
  // The longest matching word sequence wins (`runtimes list` before `runtimes`).
  const command = [...commands]
    .sort((a, b) => b.words.length - a.words.length)
    .find((candidate) => candidate.words.every((word, i) => argv[i] === word))
  if (command === undefined) throw new BenchError('invalid-option', `Unknown command \`${argv.join(' ')}\`.\n\n${usage}`)
  await command.run(argv.slice(command.words.length), builtinRegistry)
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof BenchError ? `wasm-faas-bench: ${error.message}` : error)
  process.exitCode = 1
})
