/** A command as one line a user can paste into a POSIX shell: each argument quoted only when it needs it. */
export function formatCommand(file: string, args: readonly string[]): string {
  return [file, ...args].map((part) => (/^[\w@%+=:,./-]+$/.test(part) ? part : `'${part.replaceAll("'", `'\\''`)}'`)).join(' ')
}
