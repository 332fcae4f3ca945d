/** `coldSamples` -> `WFB_COLD_SAMPLES`: the environment variable that overrides a numeric option. */
export function envNameOf(option: string): string {
  return `WFB_${option.replace(/[A-Z]/g, (letter) => `_${letter}`).toUpperCase()}`
}
