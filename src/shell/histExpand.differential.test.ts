// Differential test: history expansion (and set -v, which shows each line as read) (`!!`, `!$`, `!str`, `!?str?`, `!-n`, word designators,
// modifiers, `^old^new`) in the workstation's interactive shell, against the machine's real bash
// 5.2 run interactively (`-i`, no line editing, empty prompts) on the same lines: what it prints,
// the expanded lines it shows on standard error and its messages, in one stream, in order.

import { beforeAll, describe, expect, test } from 'vitest'
import { requireTools, runBatch } from './testing/realTools'
import { newShell } from './testSupport'

const SESSIONS: string[][] = [
  ['echo one two three', '!!', '!ec', '!$', 'echo !^ !*', '!-2', '!?two?', '!xyz', 'echo "hi!"', "echo 'a!b'"],
  ['echo a b c', '^b^B', '^zz^y', '!!:p', 'echo !#', 'echo x | !ec:0', 'echo !!:1-2 !!:2*'],
  ['echo /usr/share/doc/file.tar.gz', 'echo !$:h !$:t', 'echo !$:r !$:e', 'echo !!:s/file/FILE/', 'echo aa aa', '!!:gs/a/b/', '!!:s/zz/y/'],
  // where bash leaves `!` alone: before a blank, =, ( or a closing quote; in [!...], ${!...}, $!
  ['echo x!=y "a!" ! b', 'a=(1 2); echo ${!a[@]} [!x]', 'echo "pid:$!"', 'echo \\!! "\\!"'],
  // a failed expansion runs nothing, keeps nothing, leaves $? as it was
  // here-document bodies are read as they are
  ['echo one', "cat <<'EOS'\n#!/bin/bash\necho !!\nEOS", 'cat <<EOS\nx!y $HOME!\nEOS', 'echo "#!/bin/bash"'],
  // set -v shows each line as read (after its history expansion); an interactive shell ignores set -n
  ['echo one', 'set -v', 'echo two', '!!', 'set -n', 'echo three', 'set +v', 'echo four'],
  ['false', '!nothing', 'echo "rc=$?"', 'echo one', '!!:5', 'echo "rc=$?"', 'history | tail -n 3'],
]

/**
 * What an interactive bash says only because its input is no terminal (now and then also the job
 * control's `[pid: n (255)] tcsetattr: Inappropriate ioctl for device`, after a pipeline).
 */
const NOT_A_TERMINAL = /^bash: (cannot set terminal process group|no job control in this shell|\[\d+: \d+ \(\d+\)\] tcsetattr: Inappropriate ioctl for device).*\n/gm

let real: string[] = []
beforeAll(async () => {
  requireTools('bash')
  const outcomes = await runBatch(
    SESSIONS.map((lines) => ({ shell: 'env PS1= PS2= HISTFILE=/dev/null bash --norc --noediting -i 2>&1', stdin: `${lines.join('\n')}\n` })),
  )
  real = outcomes.map((o) => o.stdout.replace(NOT_A_TERMINAL, '').replace(/exit\n$/, ''))
}, 60_000)

describe('history expansion as an interactive GNU bash 5.2 does it', () => {
  test.each(SESSIONS.map((lines, i) => [lines.join(' ⏎ '), i] as const))('%s', async (_, i) => {
    const sh = newShell({}, { histexpand: true })
    let out = ''
    for (const line of SESSIONS[i]) await sh.run(line, (c) => (out += c.text))
    expect(out).toBe(real[i])
  })
})
