import type { SamplesOption } from './metric-definition.ts'

/** What to change to get at least `minSamples` samples of a metric whose samples come from `option`. */
export function moreSamplesAdvice(option: SamplesOption | undefined, minSamples: number): string {
  switch (option) {
    case 'warmBatches': return `Raise \`warmRepeats\` (or \`warmBatches\`) in the plugin options so that warmBatches × warmRepeats is ${minSamples} or more.`
    case 'http.coldSamples': return `Raise \`http.coldSamples\` (WFB_HTTP_COLD_SAMPLES) to ${minSamples} or more.`
    case 'http.durationMs': return 'Lengthen the load phase: `http.durationMs` (WFB_HTTP_DURATION_MS).'
    case 'valgrindRuns': return `Raise \`valgrindRuns\` in the plugin options to ${minSamples} or more.`
    case 'scale': return 'Scale runs take one sample per point by design; repeat the scale run to see its spread.'
    case 'coldSamples':
    case undefined:
      return `Raise \`coldSamples\` in the plugin options to ${minSamples} or more.`
  }
}
