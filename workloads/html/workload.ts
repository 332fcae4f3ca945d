import { defineWorkload } from '../../plugin/workloads/define-workload.ts'

/**
 * Renders a deterministic 720 KiB HTML page (head, styles, article, a 2478-row table) in memory
 * on every call: string formatting, escaping and memory traffic, like a server-side rendered page.
 * The hash and size come from a real build; native and wasm outputs are tested to match them.
 */
export const workload = defineWorkload({
  name: 'html',
  description: 'Renders a deterministic ~720 KiB HTML page in memory and prints it.',
  params: {},
  args: () => [],
  expected: () => ({ kind: 'sha256', sha256: 'baa2d58480002c85fbba6c726723355ceb838615b29f6ac4917986bbe3eaf2f9', bytes: 737_260 }),
})
