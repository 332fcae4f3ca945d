import { defineWorkload } from '../../plugin/workloads/define-workload.ts'

/** Does nothing and prints nothing: measures a runtime's start-up and call overhead alone. */
export const workload = defineWorkload({
  name: 'noop',
  description: 'Does nothing and prints nothing: the runtime overhead alone.',
  params: {},
  args: () => [],
  expected: () => ({ kind: 'exact', stdout: '' }),
})
