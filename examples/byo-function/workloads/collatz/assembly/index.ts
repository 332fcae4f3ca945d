// collatz: the start below n (default 100000) with the longest Collatz chain, printed as
// `longest chain below <n>: <start> (<steps> steps)`. AssemblyScript built as a WASI command module
// with @assemblyscript/wasi-shim (`npm run build:collatz`). It speaks wasm-faas-bench's warm protocol:
// `--wfb-repeat K` first, one `wfb-warm-ns <ns>` line per repetition on stderr (docs/workloads.md).

function longestChain(n: u32): string {
  let bestStart: u32 = 0
  let bestSteps: u32 = 0
  for (let start: u32 = 1; start < n; start++) {
    let x: u64 = start
    let steps: u32 = 0
    while (x != 1) {
      x = (x & 1) != 0 ? 3 * x + 1 : x >> 1
      steps++
    }
    if (steps > bestSteps) {
      bestSteps = steps
      bestStart = start
    }
  }
  return `longest chain below ${n}: ${bestStart} (${bestSteps} steps)\n`
}

function parseCount(text: string): i64 {
  if (text.length == 0 || text.length > 9) return -1
  let value: i64 = 0
  for (let i = 0; i < text.length; i++) {
    const digit = text.charCodeAt(i) - 48
    if (digit < 0 || digit > 9) return -1
    value = value * 10 + digit
  }
  return value
}

const args = process.argv.slice(1)
let repeat: i64 = 0
let first = 0
if (args.length > 0 && args[0] == '--wfb-repeat') {
  repeat = args.length > 1 ? parseCount(args[1]) : -1
  if (repeat < 0) {
    process.stderr.write('wfb: --wfb-repeat needs a whole number of repetitions >= 0\n')
    process.exit(2)
  }
  first = 2
}
const nText = args.length > first ? args[first] : '100000'
const n = parseCount(nText)
if (n < 1) {
  process.stderr.write(`collatz: n must be a whole number >= 1, got \`${nText}\`\n`)
  process.exit(1)
}
const output = longestChain(<u32>n)
process.stdout.write(output)
for (let i: i64 = 1; i <= repeat; i++) {
  const start = process.hrtime()
  const again = longestChain(<u32>n)
  const elapsed = process.hrtime() - start
  if (again != output) {
    process.stderr.write(`wfb: repetition ${i} produced different output\n`)
    process.exit(3)
  }
  process.stderr.write(`wfb-warm-ns ${elapsed}\n`)
}
