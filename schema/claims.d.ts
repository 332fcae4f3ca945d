/**
 * Generated from schema/claims.schema.json by plugin/build/generate-types.ts. Do not edit:
 * change the schema, then run `npm run gen:types`.
 */

/**
 * Published performance claims that wasm-faas-bench holds against a run's results (`wasm-faas-bench claims`, the HTML report and the Markdown summary). The package ships claims/claims.json; a project adds its own files with the plugin's `claims` option or `--claims FILE`.
 */
export interface ClaimsFile {
  /**
   * Version of this schema. Incremented on every incompatible change; readers refuse other versions.
   */
  schemaVersion: 1
  /**
   * The claims, in the order tables list them.
   */
  claims: Claim[]
}
/**
 * One published statement, where it was published, the number it states as a quantity the tool can compute, how close this run must come, and what it needs to be measured.
 *
 * This interface was referenced by `ClaimsFile`'s JSON-Schema
 * via the `definition` "Claim".
 */
export interface Claim {
  /**
   * Unique kebab-case name (`wasm3-fib40-vs-native`); a project's claim with the id of a built-in one replaces it.
   */
  id: string
  /**
   * The claim in one sentence, as its source makes it.
   */
  statement: string
  source: ClaimSource
  published: PublishedValue
  quantity?: ClaimQuantity
  /**
   * How far this run's number may lie from the published one and still count as consistent, as a factor: 0.25 accepts from published / 1.25 to published x 1.25 (symmetric on a log scale, as ratios are).
   */
  tolerance: number
  setup: ClaimSetup
  /**
   * The command that measures what the claim needs, when the generated one (from `setup`) would not do (an endpoint or planner URL to point at).
   */
  measureWith?: string
}
/**
 * Where the claim was published, precisely enough to find the number again.
 *
 * This interface was referenced by `ClaimsFile`'s JSON-Schema
 * via the `definition` "ClaimSource".
 */
export interface ClaimSource {
  /**
   * Title of the paper, page or repository (`Faasm: Lightweight Isolation for Efficient Stateful Serverless Computing`).
   */
  title: string
  /**
   * Venue and year, or the publisher (`USENIX ATC 2020`).
   */
  venue?: string
  /**
   * Where to read it.
   */
  url?: string
  /**
   * Section, figure, table, slide or file inside the source (`§6.5, Table 3`).
   */
  where: string
  /**
   * True when the published number was read in the source itself before it was encoded here; false when it could not be (then `note` says what was and was not seen).
   */
  checked: boolean
  /**
   * How the number was checked, what it depends on (machine, method), or why it could not be checked.
   */
  note?: string
}
/**
 * The published number in the unit of the quantity the tool computes: a ratio, or the metric's own unit (`ms`, `bytes`, `req/s`). A single value, a range (`low`..`high`), or a bound (`comparison`).
 *
 * This interface was referenced by `ClaimsFile`'s JSON-Schema
 * via the `definition` "PublishedValue".
 */
export interface PublishedValue {
  /**
   * The number as the source writes it (`0.23 s vs 3.83 s (16.7x)`).
   */
  text: string
  /**
   * Unit of `value`, `low` and `high`: `ratio` for ratios, otherwise the unit of the metric's name (`ms` for `coldStartMs`, `bytes` for `serverRssBytes`, `req/s` for `requestsPerSec`).
   */
  unit: 'ratio' | 'ms' | 'bytes' | 'req/s'
  /**
   * The published value, when it is one number.
   */
  value?: number
  /**
   * Lower end of a published range.
   */
  low?: number
  /**
   * Upper end of a published range.
   */
  high?: number
  /**
   * `about`: consistent when this run's number lies within the tolerance of the value or range. `at-least` / `at-most`: the claim is a bound ("4x higher throughput", "under 100 KB"); consistent when this run's number is on the right side of it, within the tolerance.
   */
  comparison: 'about' | 'at-least' | 'at-most'
  /**
   * The machine the number was measured on, when the source names it (`Intel i5-8250U`). Absolute numbers from another machine are compared all the same; the table prints both machines.
   */
  machine?: string
}
/**
 * How this run's number is computed from result rows. Absent when no row of the tool can carry it yet; the claim is then `not-measured` and names `setup.needs` and `measureWith`.
 */
export interface ClaimQuantity {
  /**
   * `absolute` or `ratio`.
   */
  kind: 'absolute' | 'ratio'
  of: RowMetric
  per?: RowMetric1
}
/**
 * A statistic of one metric of the result row a selector picks.
 *
 * This interface was referenced by `ClaimsFile`'s JSON-Schema
 * via the `definition` "RowMetric".
 */
export interface RowMetric {
  row: RowSelector
  /**
   * Metric name with its unit, as the results file has it (`coldStartMs`, `warmLatencyMs`, `serverRssBytes`, `requestsPerSec`).
   */
  metric: string
  /**
   * Which summary statistic. Default `median`.
   */
  statistic?: 'median' | 'mean' | 'min' | 'max' | 'p90' | 'p99'
}
/**
 * Picks result rows by runtime, workload, mode and parameters. Parameters not named here may take any value; when several rows match, `pick` chooses one.
 *
 * This interface was referenced by `ClaimsFile`'s JSON-Schema
 * via the `definition` "RowSelector".
 */
export interface RowSelector {
  /**
   * Runtime or server name of the row (`wasm3`, `sledge`).
   */
  runtime: string
  /**
   * Workload name (`fib`).
   */
  workload: string
  /**
   * Row mode (`process`, `in-process`, `remote`, `one-instance`, `instance-per-request`, or a scale row's `density`, `burst`, `instantiate`); any when absent.
   */
  mode?:
    'process' | 'in-process' | 'remote' | 'one-instance' | 'instance-per-request' | 'density' | 'burst' | 'instantiate'
  /**
   * Text the row's runtimeVersion must contain, to tell apart rows of one adapter pointed at different platforms (an endpoint's WFB_ENDPOINT_VERSION, e.g. `knative`).
   */
  version?: string
  /**
   * Parameter values the row must have (`{ "n": 40 }`, `{ "concurrency": 4, "workers": 1 }`).
   */
  params?: {
    /**
     * The value.
     */
    [k: string]: number
  }
  /**
   * When several rows match (e.g. one per concurrency level): the one with the `highest` or `lowest` statistic. Without it, several matches make the claim `not-comparable`.
   */
  pick?: 'highest' | 'lowest'
}
/**
 * A statistic of one metric of the result row a selector picks.
 */
export interface RowMetric1 {
  row: RowSelector
  /**
   * Metric name with its unit, as the results file has it (`coldStartMs`, `warmLatencyMs`, `serverRssBytes`, `requestsPerSec`).
   */
  metric: string
  /**
   * Which summary statistic. Default `median`.
   */
  statistic?: 'median' | 'mean' | 'min' | 'max' | 'p90' | 'p99'
}
/**
 * What the claim needs measured, from which the command that measures it is generated.
 *
 * This interface was referenced by `ClaimsFile`'s JSON-Schema
 * via the `definition` "ClaimSetup".
 */
export interface ClaimSetup {
  /**
   * Runtimes or servers (WFB_RUNTIMES).
   *
   * Items: One name.
   */
  runtimes: string[]
  /**
   * Workloads (WFB_WORKLOADS).
   *
   * Items: One name.
   */
  workloads: string[]
  /**
   * Modes the rows come from.
   *
   * Items: One mode.
   */
  modes?: string[]
  /**
   * Workload parameters (WFB_PARAMS), by workload.
   */
  params?: {
    /**
     * Parameters of one workload.
     */
    [k: string]: {
      /**
       * The value.
       */
      [k: string]: number
    }
  }
  /**
   * HTTP concurrency levels (WFB_HTTP_CONCURRENCY).
   *
   * Items: One level.
   */
  concurrency?: number[]
  /**
   * Bench files that produce the rows (`benches/fib.bench.ts`).
   *
   * Items: One path.
   */
  benches?: string[]
  /**
   * What this machine lacks for it, when it needs more than the tool installs (a Faasm cluster, Knative, Nuclio).
   */
  needs?: string
}
/**
 * This run's number: one metric of one row (`absolute`), or one row's metric divided by another's (`ratio`, e.g. runc cold start / native cold start).
 *
 * This interface was referenced by `ClaimsFile`'s JSON-Schema
 * via the `definition` "ClaimQuantity".
 */
export interface ClaimQuantity1 {
  /**
   * `absolute` or `ratio`.
   */
  kind: 'absolute' | 'ratio'
  of: RowMetric
  per?: RowMetric1
}
