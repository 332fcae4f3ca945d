/**
 * The shell commands of a GitHub Actions workflow file: every `run:` value, one string per line
 * (block scalars `run: |` give one string per non-empty line), in file order, with `${{ matrix.X }}`
 * replaced by the first value a reader would try (`1`). Enough YAML for this repository's
 * workflows; not a YAML parser.
 */
export function workflowCommands(text: string): string[] {
  const lines = text.split('\n')
  const commands: string[] = []
  for (let i = 0; i < lines.length; i++) {
    const match = /^(\s*)(?:- )?run: ?(.*)$/.exec(lines[i] ?? '')
    if (match === null) continue
    const [, indent = '', value = ''] = match
    if (value !== '|' && value !== '>') {
      commands.push(value.trim())
      continue
    }
    for (i++; i < lines.length; i++) {
      const line = lines[i] ?? ''
      if (line.trim() === '') continue
      if ((/^\s*/.exec(line)?.[0].length ?? 0) <= indent.length) {
        i--
        break
      }
      commands.push(line.trim())
    }
  }
  return commands.map((command) => command.replaceAll(/\$\{\{\s*matrix\.\w+\s*\}\}/g, '1'))
}
