// sleep against coreutils 9.1 where the output does not depend on time: the errors and their
// statuses, and short waits that succeed silently; all real runs in one bash process. Then what
// only the lab does: a sleep moves the lab clock by the sum of its operands.

import { describe, expect, test } from 'vitest'
import { agreesWithRealTools } from './diffSupport'
import { newShell } from '../testSupport'
import { sleepSeconds } from './sleep'
import { strtodPrefix } from '../../common/cFloat'

const CASES: string[] = [
  'sleep',
  'sleep x',
  'sleep x y',
  'sleep 1 x',
  'sleep 1x',
  'sleep 1ss',
  "sleep '1 '",
  "sleep ''",
  'sleep 0.0.0',
  'sleep nan',
  'sleep 0x',
  'sleep 1e',
  'sleep -1',
  'sleep 0 -1',
  'sleep -h',
  'sleep --foo',
  'sleep -- -1',
  'sleep -- -0.5 z',
  'sleep x --foo',
  'sleep --version',
  'sleep 0',
  'sleep 0; echo $?',
  'sleep 0.01 && echo done',
  'sleep .01 1e-2 0x1p-7',
  "sleep ' 0'",
  'sleep +0',
  'sleep 0s 0m 0h 0d',
  'sleep 0.001s',
  'sleep --',
  'sleep -- 0',
  'sleep --help -x | head -1',
  'sleep 5 --he | head -1',
  'sleep --help=x',
  'sleep --ver',
  'sleep 0 --',
  'sleep 0 -- 0',
  'sleep -- -0',
  'sleep 0x.01',
  'sleep 1e-400',
]

describe('sleep agrees with coreutils 9.1', () => {
  agreesWithRealTools(['sleep'], CASES)
})

describe('sleep in the lab', () => {
  test('moves the lab clock by the sum of its operands', async () => {
    const sh = newShell()
    const before = Number((await sh.run('date +%s')).stdout)
    expect(await sh.run('sleep 1.5 2m 1h 1d .5')).toEqual({ stdout: '', stderr: '', exitCode: 0 })
    expect(Number((await sh.run('date +%s')).stdout) - before).toBe(2 + 120 + 3600 + 86400)
    expect((await sh.run('for i in 1 2 3; do sleep 10; done; date +%s')).stdout).toBe(`${before + 90_152}\n`)
  })
  test('refuses what would never come back', async () => {
    const sh = newShell()
    for (const line of ['sleep infinity', 'sleep inf', 'sleep 36501d', 'sleep 1e400']) {
      const r = await sh.run(line)
      expect(r.exitCode, line).toBe(1)
      expect(r.stderr, line).toMatch(/^sleep: .*at most 36500d/)
    }
  })
  test('reads numbers as strtod does', () => {
    expect(strtodPrefix('0x1.8p1s')).toEqual({ value: 3, rest: 's' })
    expect(strtodPrefix('  -2.5e1m')).toEqual({ value: -25, rest: 'm' })
    expect(strtodPrefix('INFINITY')?.value).toBe(Infinity)
    expect(strtodPrefix('.')).toBeUndefined()
    expect(sleepSeconds('1.5h')).toBe(5400)
    expect(sleepSeconds('2d')).toBe(172_800)
    expect(sleepSeconds('1.5x')).toBeUndefined()
  })
})
