// bash's own variables in a whole lab: $SECONDS follows lab time, $EPOCHSECONDS is lab time, the
// terminal's bash is interactive (its history file) and its own process ($BASHPID is $$), and a lab
// saved before these variables existed gets them back when it is restored.
// (Their values and $_ are compared with the real bash in builtins.differential.test.ts.)

import { describe, expect, test } from 'vitest'
import { createLab } from './lab'

describe("the terminal's bash variables", () => {
  test('$SECONDS and $EPOCHSECONDS follow lab time', async () => {
    const lab = await createLab({ seed: 'vars' })
    const start = Math.floor(lab.nowMs() / 1000)
    expect((await lab.run('echo $SECONDS $EPOCHSECONDS')).stdout).toBe(`0 ${start}\n`)
    await lab.run('lab advance 2m')
    expect((await lab.run('echo $SECONDS $EPOCHSECONDS')).stdout).toBe(`120 ${start + 120}\n`)
  })

  test('an interactive login bash: history file, level 1, $BASHPID is $$ outside subshells', async () => {
    const lab = await createLab({ seed: 'vars' })
    expect((await lab.run('echo $HISTFILE $HISTSIZE $SHLVL $BASH; [ $BASHPID = $$ ] && echo same')).stdout).toBe('/root/.bash_history 500 1 /usr/bin/bash\nsame\n')
  })

  test('a lab saved without them gets them on restore; one that changed them keeps its values', async () => {
    const lab = await createLab({ seed: 'vars' })
    await lab.run('HOSTTYPE=changed')
    const snap = lab.snapshot()
    const vars = snap.shell.env.vars
    delete vars.BASH_VERSION
    delete vars['\u0000[BASH_VERSINFO']
    const again = await createLab({ seed: 'vars', state: snap })
    expect((await again.run('echo $BASH_VERSION ${BASH_VERSINFO[4]} $HOSTTYPE; UID=1')).stdout).toBe('5.2.15(1)-release release changed\n')
  })
})
