import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { detectRunner, runnerSourceFiles, runnerVersion, type WasmCRunner } from './wasm-c-runner.ts'

const runner: WasmCRunner = {
  name: 'wasm3',
  feature: 'wasm3',
  binary: 'wfb-wasm3',
  engine: 'wasm3 0.4.7 from crates.io wasm3-sys 0.3.0',
  buildTools: [],
  buildFix: '`apt-get install -y libclang-dev gcc`',
  sharedLibraries: [],
}

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wfb-runner-test-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** A crate folder with every source file of `runner` and another runner's main. */
async function writeCrate(crateDir: string, main = 'fn main() {}\n'): Promise<void> {
  await mkdir(join(crateDir, 'src', 'bin'), { recursive: true })
  await writeFile(join(crateDir, 'Cargo.toml'), '[package]\nname = "x"\nversion = "0.3.1"\n')
  for (const file of runnerSourceFiles(runner).filter((name) => name !== 'Cargo.toml')) await writeFile(join(crateDir, file), file === `src/bin/${runner.binary}.rs` ? main : `// ${file}\n`)
  await writeFile(join(crateDir, 'src', 'bin', 'wfb-other.rs'), 'fn main() {}\n')
}

describe('runnerVersion', () => {
  test('is the crate version plus a hash that follows the runner\'s own sources only', async () => {
    await writeCrate(dir)
    const version = runnerVersion(runner, dir)
    expect(version).toMatch(/^0\.3\.1\+[0-9a-f]{12}$/)
    await writeFile(join(dir, 'src', 'bin', 'wfb-other.rs'), 'fn main() { println!("changed"); }\n')
    expect(runnerVersion(runner, dir)).toBe(version)
    await writeFile(join(dir, 'src', 'bin', 'wfb-wasm3.rs'), 'fn main() { println!("changed"); }\n')
    expect(runnerVersion(runner, dir)).not.toBe(version)
  })

  test('a shared module counts for the runners that include it, not for the others', async () => {
    await writeCrate(dir)
    await writeFile(join(dir, 'src', 'shared.rs'), '// shared\n')
    const sharing = { ...runner, sharedSources: ['src/shared.rs'] }
    expect(runnerSourceFiles(sharing)).toEqual(['Cargo.toml', 'Cargo.lock', 'build.rs', 'src/lib.rs', 'src/shared.rs', 'src/bin/wfb-wasm3.rs'])
    const [withShared, without] = [runnerVersion(sharing, dir), runnerVersion(runner, dir)]
    await writeFile(join(dir, 'src', 'shared.rs'), '// shared, changed\n')
    expect(runnerVersion(sharing, dir)).not.toBe(withShared)
    expect(runnerVersion(runner, dir)).toBe(without)
  })
})

describe('detectRunner', () => {
  /** A tools folder holding a stand-in runner that prints a version, and a stamp. */
  async function writeTools(stamp: string | undefined): Promise<string> {
    const toolsDir = join(dir, 'tools')
    await mkdir(join(toolsDir, 'bin'), { recursive: true })
    const binary = join(toolsDir, 'bin', runner.binary)
    await writeFile(binary, '#!/bin/sh\necho "wasm3 0.4.7 interpreter, via crate wasm3-sys 0.3.0"\n')
    await chmod(binary, 0o755)
    if (stamp !== undefined) {
      await mkdir(join(toolsDir, 'wasm-c-runners'), { recursive: true })
      await writeFile(join(toolsDir, 'wasm-c-runners', `${runner.binary}.version`), `${stamp}\n`)
    }
    return toolsDir
  }

  test('a runner built from the current sources is available, with its engine as the version', async () => {
    const toolsDir = await writeTools(runnerVersion(runner))
    const detection = await detectRunner(runner, 'wfb-wasm3 <module> <args>', toolsDir)
    expect(detection).toMatchObject({ available: true, version: 'wfb-wasm3 wasm3 0.4.7 interpreter, via crate wasm3-sys 0.3.0; runs: wfb-wasm3 <module> <args>' })
    expect(detection.reason).toBeUndefined()
  })

  test('a runner built from other sources, or without a stamp, is unavailable until rebuilt', async () => {
    for (const stamp of ['0.1.0+000000000000', undefined]) {
      const detection = await detectRunner(runner, 'wfb-wasm3 <module> <args>', await writeTools(stamp))
      expect(detection.available).toBe(false)
      expect(detection.reason).toContain('was built from other sources')
      expect(detection.install).toBe('npx wasm-faas-bench runtimes install wasm3')
    }
  })

  test('a missing runner says where it looked and how to install it', async () => {
    const detection = await detectRunner(runner, 'wfb-wasm3 <module> <args>', join(dir, 'empty'))
    expect(detection).toMatchObject({ available: false, install: 'npx wasm-faas-bench runtimes install wasm3' })
    expect(detection.reason).toContain(join(dir, 'empty', 'bin'))
  })
})
