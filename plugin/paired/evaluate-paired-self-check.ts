import type { Verdict } from '../../schema/results.d.ts'
import { formatChange, formatPercent } from '../baseline/format-change.ts'
import { quantile } from '../stats/summarise.ts'

/** One paired run of the self-check: A/A (`extraWorkPercent` undefined) or base against base with injected extra work. */
export interface PairedTrial {
  extraWorkPercent?: number
  verdicts: readonly Verdict[]
}

/** One injected level as seen by one metric. */
export interface PairedLevel {
  extraWorkPercent: number
  /** Median over the repeats of the paired change estimate: the slowdown the metric really saw. */
  realizedChange: number
  /** Repeats with a `regressed` verdict, and all repeats. */
  detected: number
  repeats: number
}

/** The self-check's finding for one metric. */
export interface PairedMetricReport {
  metric: string
  /** A/A repeats judged `regressed` or `improved`, and all A/A repeats. */
  falseAlarms: number
  aaRepeats: number
  levels: PairedLevel[]
  /** The smallest realized change caught in at least `detectionRate` of repeats; undefined when none was. */
  smallestDetected?: number
}

/**
 * Evaluates the paired self-check: per metric, the false-alarm rate over the A/A trials and, for each
 * injected level, the change the metric really saw (median estimate) and how often it was caught;
 * then the smallest such change caught in at least `detectionRate` of repeats. Pure.
 */
export function evaluatePairedSelfCheck(trials: readonly PairedTrial[], detectionRate = 0.95): PairedMetricReport[] {
  const metrics = [...new Set(trials.flatMap((trial) => trial.verdicts.map((verdict) => verdict.metric)))]
  return metrics.map((metric) => {
    const verdictOf = (trial: PairedTrial): Verdict | undefined => trial.verdicts.find((verdict) => verdict.metric === metric)
    const aa = trials.filter((trial) => trial.extraWorkPercent === undefined).map(verdictOf).filter((verdict) => verdict !== undefined)
    const percents = [...new Set(trials.flatMap((trial) => (trial.extraWorkPercent === undefined ? [] : [trial.extraWorkPercent])))]
    const levels = percents.map((extraWorkPercent): PairedLevel => {
      const judged = trials.filter((trial) => trial.extraWorkPercent === extraWorkPercent).map(verdictOf).filter((verdict) => verdict !== undefined)
      const changes = judged.flatMap((verdict) => (verdict.change === undefined ? [] : [verdict.change])).sort((a, b) => a - b)
      return { extraWorkPercent, realizedChange: changes.length === 0 ? Number.NaN : quantile(changes, 0.5), detected: judged.filter((verdict) => verdict.verdict === 'regressed').length, repeats: judged.length }
    }).sort((a, b) => a.realizedChange - b.realizedChange)
    const caught = levels.filter((level) => level.repeats > 0 && level.detected / level.repeats >= detectionRate)
    const smallest = caught[0]?.realizedChange
    return {
      metric,
      falseAlarms: aa.filter((verdict) => verdict.verdict === 'regressed' || verdict.verdict === 'improved').length,
      aaRepeats: aa.length,
      levels,
      ...(smallest === undefined ? {} : { smallestDetected: smallest }),
    }
  })
}

/** The paired self-check's report as text: per metric the false alarms, each level's realized change and detection, and the smallest change caught in >= 95%. */
export function renderPairedSelfCheck(reports: readonly PairedMetricReport[], context: { description: string; pairs: number; minutes: number }): string {
  const lines = [`paired self-check: ${context.description}, ${context.pairs} interleaved pairs per comparison, ${context.minutes.toFixed(1)} min`]
  for (const report of reports) {
    const smallest = report.smallestDetected === undefined ? 'none of the levels tried' : formatChange(report.smallestDetected)
    lines.push('', `${report.metric}: smallest change caught in >= 95% of repeats: ${smallest}; false alarms ${report.falseAlarms}/${report.aaRepeats} A/A (${formatPercent(report.aaRepeats === 0 ? 0 : report.falseAlarms / report.aaRepeats)})`)
    for (const level of report.levels) {
      lines.push(`  extra work ${String(level.extraWorkPercent).padStart(4)}%: realized ${formatChange(level.realizedChange).padStart(8)}, caught ${level.detected}/${level.repeats} (${formatPercent(level.repeats === 0 ? 0 : level.detected / level.repeats)})`)
    }
  }
  return lines.join('\n')
}
