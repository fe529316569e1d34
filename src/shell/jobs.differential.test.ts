// Background jobs against the machine's real GNU bash 5.2, where its output does not depend on a
// terminal: bash run non-interactively prints no `[1] PID` lines and no notices, so the lab's
// lines start with `set +m` (job control off, as in a script). The interactive messages are
// checked in jobs.test.ts against a capture of `bash -i` under a pty.

import { beforeAll, describe, expect, test } from 'vitest'
import type { Outcome } from './testing/realTools'
import { requireTools } from './testing/realTools'
import { realBashLines } from './testing/bashOracle'
import { newShell } from './testSupport'

const CASES: string[] = [
  'set +m; sleep 0 & wait $!; echo $?; (exit 3) & wait $!; echo $?; wait; echo $?',
  'set +m; wait %3; echo $?; wait 12345; echo $?; wait x; echo $?; wait -z; echo $?',
  'set +m; kill %3; echo $?; kill 999999; echo $?; kill; echo $?; kill -s FOO 1; echo $?; kill -x 1; echo $?; kill abc; echo $?',
  'set +m; kill -l 15; kill -l TERM; kill -l | head -3',
  'set +m; sleep 5 & kill $!; wait $!; echo $?',
  'set +m; sleep 1 & jobs; jobs -l | grep -c Running; jobs -p | grep -c .; jobs %2; echo $?; jobs -z; echo $?',
  'set +m; fg; echo $?; bg; echo $?',
  'set +m; (echo a; sleep 0.1; echo b) & wait; echo c',
  'set +m; sleep 0.1 >/dev/null 2>&1 & A=1 sleep 0.1 | cat & { sleep 0.1; } 2>/dev/null & jobs; wait',
  'set +m; x=$(sleep 0.1 & echo in); echo "$x"; true & [ "$!" -gt 0 ] && echo pid',
]

let real: Outcome[] = []
beforeAll(async () => {
  requireTools('bash')
  real = await realBashLines(CASES)
}, 120_000)

describe('background jobs agree with GNU bash 5.2 (non-interactive)', () => {
  test.each(CASES.map((line, i) => [line, i] as const))('%s', async (line, i) => {
    expect(await newShell().run(line)).toEqual(real[i])
  })
})
