import { open, readdir } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'

const elfMagic = Buffer.from([0x7f, 0x45, 0x4c, 0x46])

/** True when the file at `path` starts with the ELF magic (`\x7fELF`): a native executable, not a script. */
export async function isElf(path: string): Promise<boolean> {
  const file = await open(path, 'r')
  try {
    const head = Buffer.alloc(elfMagic.length)
    const { bytesRead } = await file.read(head, 0, head.length, 0)
    return bytesRead === elfMagic.length && head.equals(elfMagic)
  } finally {
    await file.close()
  }
}

/**
 * The ELF executable named `name` somewhere under `dir` (a wheel installed with `pip --target`),
 * as an absolute path; the shallowest one when there are several. Files of that name that are not
 * ELF (the Python launcher pip writes into `bin/`) are passed over. Undefined when there is none.
 */
export async function locateElf(dir: string, name: string): Promise<string | undefined> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  const candidates = entries
    .filter((entry) => entry.isFile() && entry.name === name)
    .map((entry) => join(entry.parentPath, entry.name))
    .sort((a, b) => relative(dir, a).split(sep).length - relative(dir, b).split(sep).length || a.localeCompare(b))
  for (const candidate of candidates) {
    if (await isElf(candidate)) return candidate
  }
  return undefined
}
