// which: the lab's fake PATH layout (kubectl in /usr/local/bin, programs in /usr/bin, builtins
// without a file), as Debian's which prints it.

import { expect, test } from 'vitest'
import { newShell } from '../testSupport'
import type { CommandSpec } from '../types'

const kubectl: CommandSpec = { name: 'kubectl', summary: '', usage: '', run: async () => 0 }

test('which prints where commands live and fails for builtins and unknown names', async () => {
  const sh = newShell()
  sh.register(kubectl)
  expect(await sh.run('which kubectl')).toEqual({ stdout: '/usr/local/bin/kubectl\n', stderr: '', exitCode: 0 })
  expect(await sh.run('which ls jq nope')).toEqual({ stdout: '/usr/bin/ls\n/usr/bin/jq\n', stderr: '', exitCode: 1 })
  expect(await sh.run('which cd')).toEqual({ stdout: '', stderr: '', exitCode: 1 })
  expect(await sh.run('which -a sed')).toEqual({ stdout: '/usr/bin/sed\n/bin/sed\n', stderr: '', exitCode: 0 })
  expect(await sh.run('which /usr/bin/sed /usr/local/bin/sed')).toEqual({ stdout: '/usr/bin/sed\n', stderr: '', exitCode: 1 })
  expect(await sh.run('which')).toEqual({ stdout: '', stderr: '', exitCode: 1 })
})
