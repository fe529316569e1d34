// watch against procps-ng 4.0.2 where it needs no terminal (option errors, usage, version; all in
// one bash process), the header's layout against what the real watch drew on an 80-column
// screen, and the lab's one refresh.

import { describe, expect, test } from 'vitest'
import { agreesWithRealTools } from './diffSupport'
import { fakeLab, newShell } from '../testSupport'
import { Shell } from '../shell'
import { createWorkstation } from '../workstation'
import { watchHeader } from './watch'

const CASES: string[] = [
  'watch',
  'watch -n',
  'watch -n x date',
  'watch --interval=abc date',
  'watch -z date',
  'watch --foo date',
  'watch -tz date',
  'watch -v',
  'watch --version',
  'watch --x date',
  'watch --c date',
  'watch --e date',
  'watch --no date',
  'watch --version -z',
  'watch -q x date',
]

describe('watch agrees with procps-ng 4.0.2', () => {
  agreesWithRealTools(['watch'], CASES)
})

describe('the header line', () => {
  test('as the real watch drew it at 80 columns (`Every 0.1s: date` at column 1, the host at column 53)', () => {
    // From `watch -n 0.01 date` on host "vm": ESC[H "Every 0.1s: date" ESC[1;53H "vm: Sat Dec  5 17:03:34 2026"
    const line = watchHeader(0.1, 'date', 'vm', 'Sat Dec  5 17:03:34 2026', 80)
    expect(line).toBe('Every 0.1s: date' + ' '.repeat(52 - 16) + 'vm: Sat Dec  5 17:03:34 2026')
    expect(line.length).toBe(80)
  })
  test('clips a long command with "... " and keeps only the right part on narrow screens, as the real one drew them', () => {
    // `watch -n 5 'echo kubectl get pods ...'` under script(1) at 80 columns, on host "vm":
    const long = 'echo kubectl get pods --all-namespaces --output wide --show-labels'
    const line = watchHeader(5, long, 'vm', 'Sat Dec  5 17:06:30 2026', 80)
    expect(line).toBe('Every 5.0s: echo kubectl get pods --all-namespa...  vm: Sat Dec  5 17:06:30 2026')
    // `watch -n 5 date` at 40 columns: only ESC[1;13H "vm: Sat Dec  5 17:06:34 2026".
    expect(watchHeader(5, 'date', 'vm', 'Sat Dec  5 17:06:34 2026', 40)).toBe(' '.repeat(12) + 'vm: Sat Dec  5 17:06:34 2026')
    expect(watchHeader(5, 'date', 'vm', 'Sat Dec  5 17:06:34 2026', 28)).toBe('')
  })
})

describe('watch in the lab', () => {
  test('runs the line once through the shell, stdout and stderr together, then says it stops', async () => {
    const sh = newShell()
    const r = await sh.run('watch -n 5 "echo a | tr a b; echo err >&2"')
    expect(r.exitCode).toBe(0)
    expect(r.stdout).toBe(`${'Every 5.0s: echo a | tr a b; echo err >&2'.padEnd(43)}workstation: Sun May 24 10:00:00 2026\n\nb\nerr\n`)
    expect(r.stderr).toMatch(/^watch: the lab shows one refresh here/)
    expect((await sh.run('watch -t -x printf "%s|" "a b" c')).stdout).toBe('a b|c|')
  })
})

describe('a live watch where the host paces it', () => {
  function paced(rounds: number) {
    const lab = { ...fakeLab(0), paced: [] as number[] }
    let left = rounds
    // The host's timer: `rounds` intervals pass, then Ctrl+C comes while watch waits.
    lab.pace = async (ms: number) => {
      lab.paced.push(ms)
      return left-- > 0
    }
    let clears = 0
    // the screen's changes in order: the alternate screen taken and given back, each clear
    const screen: string[] = []
    const { fs, env } = createWorkstation()
    const shell = new Shell({ fs, env, lab, onClear: () => (clears++, screen.push('clear')), onScreen: (alternate) => screen.push(alternate ? 'alternate' : 'normal') })
    return { shell, lab, clears: () => clears, screen }
  }

  test('refreshes every interval, moving the lab clock, until Ctrl+C ends it with status 0 and the line goes on', async () => {
    const { shell, lab, clears, screen } = paced(2)
    const r = await shell.run('watch -t -n 5 date +%s; echo "after $?"')
    expect(r).toEqual({ stdout: '0\n5\n10\nafter 0\n', stderr: '', exitCode: 0 })
    expect(clears()).toBe(3)
    // on the alternate screen, as ncurses draws it: the screen from before comes back at the end
    expect(screen).toEqual(['alternate', 'clear', 'clear', 'clear', 'normal'])
    expect(lab.paced).toEqual([5000, 5000, 5000])
    expect(lab.now()).toBe(10_000)
  })

  test('-g stops when the output changes, -e when the command fails (status 8), -q after N unchanged', async () => {
    const a = paced(10)
    expect(await a.shell.run('watch -t -g -n 1 date +%s')).toEqual({ stdout: '0\n1\n', stderr: '', exitCode: 0 })
    const b = paced(10)
    // the lab does not wait for the key: the reason stays on the screen that comes back
    expect(await b.shell.run('watch -t -e false')).toEqual({
      stdout: 'command exit with a non-zero status, press a key to exit\ncommand exit with a non-zero status\n',
      stderr: '',
      exitCode: 8,
    })
    expect(b.screen).toEqual(['alternate', 'clear', 'normal'])
    const c = paced(10)
    expect(await c.shell.run('watch -t -q 2 echo same')).toEqual({ stdout: 'same\n'.repeat(3), stderr: '', exitCode: 0 })
  })
})
