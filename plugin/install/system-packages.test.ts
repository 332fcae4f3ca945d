import { execa } from 'execa'
import { expect, test } from 'vitest'
import { aptInstallCommand, basePackages, missingDebianPackages } from './system-packages.ts'

const hasDpkg = !(await execa('dpkg-query', ['--version'], { reject: false })).failed

test.skipIf(!hasDpkg)('a package dpkg does not know is missing; an installed one is not (skipped without dpkg: not a Debian machine)', async () => {
  const unknown = { name: 'wfb-no-such-package', purpose: 'testing' }
  const installed = { name: 'dpkg', purpose: 'testing' }
  expect(await missingDebianPackages([installed, unknown])).toEqual([unknown])
})

test('the install command names every package, with sudo when not root', () => {
  const packages = basePackages.slice(0, 2)
  expect(aptInstallCommand(packages, true)).toBe('apt-get install -y --no-install-recommends gcc libc6-dev')
  expect(aptInstallCommand(packages, false)).toBe('sudo apt-get install -y --no-install-recommends gcc libc6-dev')
})
