import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import { thrownBenchError } from '../testing/thrown-bench-error.ts'
import { assertOpenFileLimit, openFileLimitProblem, parseOpenFileLimit, readOpenFileLimit } from './open-file-limit.ts'

// The line as Linux 6.x prints it in /proc/<pid>/limits.
const limitsText = [
  'Limit                     Soft Limit           Hard Limit           Units     ',
  'Max processes             95000                95000                processes ',
  'Max open files            1024                 524288               files     ',
  'Max locked memory         8388608              8388608              bytes     ',
].join('\n')

describe('parseOpenFileLimit', () => {
  test('reads the soft and hard limit of `Max open files`', () => {
    expect(parseOpenFileLimit(limitsText)).toEqual({ soft: 1024, hard: 524_288 })
  })

  test('unlimited is Infinity; a text without the line gives undefined', () => {
    expect(parseOpenFileLimit('Max open files            unlimited            unlimited            files')).toEqual({ soft: Infinity, hard: Infinity })
    expect(parseOpenFileLimit('Max processes 10 10 processes')).toBeUndefined()
  })
})

describe('openFileLimitProblem', () => {
  test('enough descriptors for the connections and the reserve: no problem', () => {
    expect(openFileLimitProblem({ soft: 1024, hard: 1024 }, 256)).toBeUndefined()
    expect(openFileLimitProblem({ soft: 1088, hard: 1088 }, 1024)).toBeUndefined()
    expect(openFileLimitProblem(undefined, 10_000)).toBeUndefined()
  })

  test('too few names the limit, the concurrency, what is needed and the fix', () => {
    expect(openFileLimitProblem({ soft: 1024, hard: 1024 }, 1024)).toBe(
      'The open-file limit is 1024 descriptors (soft; hard 1024), too low for 1024 connections: hey and the server each hold one descriptor per connection, '
      + '1088 with their own (1024 + 64). Raise it in the shell that starts the run, `ulimit -n 1088` (up to the hard limit, `ulimit -Hn`); '
      + 'to raise the hard limit: `LimitNOFILE=1088` in a systemd unit, `nofile` in /etc/security/limits.conf, `docker run --ulimit nofile=1088:1088`, '
      + 'or `prlimit --nofile=1088:1088` as root; or lower the concurrency (WFB_HTTP_CONCURRENCY).',
    )
  })

  test('assertOpenFileLimit throws it as an invalid-option BenchError', () => {
    const error = thrownBenchError(() => assertOpenFileLimit(256, { soft: 256, hard: Infinity }))
    expect(error.code).toBe('invalid-option')
    expect(error.message).toMatch(/^The open-file limit is 256 descriptors \(soft; hard unlimited\), too low for 256 connections/)
  })
})

const prlimitPath = '/usr/bin/prlimit'
const canSetLimit = process.platform === 'linux' && existsSync(prlimitPath)
describe.skipIf(!canSetLimit)(canSetLimit ? 'the limit of a real process' : 'the limit of a real process (skipped: needs Linux and prlimit; install: `apt-get install util-linux`)', () => {
  const moduleUrl = new URL('./open-file-limit.ts', import.meta.url).href

  test('this process has a limit, and a child started under a low one reads it and refuses 256 connections', () => {
    expect(readOpenFileLimit()?.soft).toBeGreaterThan(0)
    const script = `import { assertOpenFileLimit, readOpenFileLimit } from ${JSON.stringify(moduleUrl)}
console.log(JSON.stringify(readOpenFileLimit()))
try { assertOpenFileLimit(256); console.log('no error') } catch (error) { console.log(error.code, error.message) }`
    // Node raises its soft limit to the hard one at start, so both are set.
    const printed = execFileSync(prlimitPath, ['--nofile=200:200', process.execPath, '--no-warnings', '--input-type=module', '-e', script], { encoding: 'utf8', cwd: fileURLToPath(new URL('.', import.meta.url)) })
    const [limitLine, errorLine] = printed.trim().split('\n')
    expect(JSON.parse(limitLine ?? '')).toEqual({ soft: 200, hard: 200 })
    expect(errorLine).toMatch(/^invalid-option The open-file limit is 200 descriptors \(soft; hard 200\), too low for 256 connections.*`ulimit -n 320`/)
  })
})
