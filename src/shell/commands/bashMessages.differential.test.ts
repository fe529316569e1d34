// The messages of a bash the workstation starts, against the machine's real bash 5.2 started the
// same way, word for word (no rewording: bash.differential.test.ts words the outer shell's messages
// as an interactive bash's, which hides the started bash's own). A bash that is not interactive
// names where a message comes from and its line: `-c`'s name ($0), `NAME: -c` for the parser's,
// `environment` inside a function of a -c script, `bash` and `main` for a script read from standard
// input, the file for a script file. An unset variable under `set -u` and `${V:?}` end it (127
// after -c without set -e, else 1); a bad substitution or an arithmetic error ends only its line.
// dash ends on each.

import { beforeAll, describe, expect, test } from 'vitest'
import type { Outcome } from '../testing/realTools'
import { requireTools, runBatch } from '../testing/realTools'
import { newShell } from '../testSupport'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const FILES: Record<string, string> = {
  'unset.sh': 'echo ${y:?oops}\necho after\n',
  'arith.sh': 'echo $((1/0)); echo same line\necho after\n',
  'fn.sh': 'f() {\n  nosuch\n}\nf\necho $?\n',
}

// Each line's output comes from the bash it starts only (the line itself never fails).
const CASES: string[] = [
  "bash -c 'nosuch'",
  "bash -c 'nosuch' myname",
  "bash -c 'nosuch' ''",
  "bash -c 'echo a\nnosuch\necho $((1/0))'",
  "bash -c 'if then'",
  "bash -c 'if then' myname",
  "bash -c 'echo ok\nif then'",
  "bash -c 'echo \"x'",
  "bash -c 'unset -x'",
  "bash -c 'readonly r=1; r=2; echo $?'",
  "bash -c 'f() { nosuch; }; f'",
  "bash -c 'f() {\n  g\n}\ng() { echo ${q:?}; }\nf\necho after'",
  "bash -c 'set -u; echo $NOPE; echo more'",
  "bash -eu -c 'echo $NOPE; echo more'",
  "bash -c 'set -e; echo ${y:?}; echo more'",
  "bash -c 'set -u\necho $NOPE\necho after' x",
  "bash -c 'a=(1); set -u; echo ${a[3]}\necho after'",
  "bash -c 'echo ${y:?oops}\necho after'",
  "bash -c 'echo $((1/0)); echo same\necho after'",
  "bash -c 'echo ${a b}\necho after'",
  "bash -c 'bash -c nosuch'",
  "bash -c 'bash -c \"f() { nosuch; }; f\"' outer",
  "printf 'nosuch\\n' | bash",
  "printf 'echo a\\nnosuch\\n' | bash",
  "printf 'if then\\n' | bash",
  "printf 'f() { nosuch; }; f\\n' | bash",
  "printf 'echo ${y:?oops}\\necho after\\n' | bash",
  'bash unset.sh',
  'bash arith.sh',
  'bash fn.sh',
  'sh unset.sh',
  'sh arith.sh',
  "sh -c 'set -u\necho $NOPE\necho after'",
  "printf 'set -u\\necho $NOPE\\necho after\\n' | sh",
]
/** Each case with the status it ended with. */
const LINES = CASES.map((c) => `${c}; echo "status $?"`)

let real: Outcome[] = []
beforeAll(async () => {
  requireTools('bash', 'sh')
  const root = mkdtempSync(join(tmpdir(), 'bash-messages-'))
  try {
    const calls = LINES.map((shell, i) => {
      const cwd = join(root, String(i))
      mkdirSync(cwd)
      for (const [name, text] of Object.entries(FILES)) writeFileSync(join(cwd, name), text)
      return { shell, cwd }
    })
    real = await runBatch(calls, { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C', HOME: '/root' } })
  } finally {
    rmSync(root, { recursive: true, force: true })
  }
}, 60_000)

describe("a started bash's messages and ends agree with bash 5.2 (and dash)", () => {
  test.each(LINES.map((line, i) => [line, i] as const))('%s', async (line, i) => {
    const files: Record<string, string> = {}
    for (const [name, text] of Object.entries(FILES)) files[`/root/${name}`] = text
    expect(await newShell(files).run(line)).toEqual(real[i])
  })
})
