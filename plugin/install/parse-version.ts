/** A version number as runtimes print it: `49.0.3`, `v1.12.0`, `2.0.0-beta.2`. */
const versionPattern = /\bv?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)\b/

/**
 * The first version number (`major.minor.patch`, optional pre-release, without a leading `v`) in a
 * tool's `--version` output, or undefined when there is none (garbage, an error page, an empty line).
 */
export function parseVersion(output: string): string | undefined {
  return versionPattern.exec(output)?.[1]
}

/** The first non-empty line of a tool's output, trimmed and cut to `maxChars` (default 120) for messages. */
export function firstLine(output: string, maxChars = 120): string {
  const line = output.split('\n').map((text) => text.trim()).find((text) => text !== '') ?? ''
  return line.length > maxChars ? `${line.slice(0, maxChars)}…` : line
}
