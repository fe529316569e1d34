// xxd against vim's xxd 2022-01-14, all cases in one bash process: the dump and its layout options,
// plain hex both ways, C include style, and the errors.

import { beforeAll, describe, expect, test } from 'vitest'
import type { RunResult } from '../types'
import { missingTools, runLab, runReal } from './diffSupport'

const FILES: Record<string, string> = {
  'b.txt': 'hello\tworld\n\u0001\u007f\u00e9 ' + 'a'.repeat(56) + '\\',
  'abc': 'abc',
  'hex.txt': '68656c6c6f\n0a\n',
  'empty': '',
}

const CASES: string[] = [
  'xxd b.txt',
  'xxd -p b.txt',
  'xxd -ps -c 8 b.txt',
  'xxd -g1 -c8 -l 20 b.txt',
  'xxd -g 0 abc',
  'xxd -g 3 -c 4 abc',
  'xxd -b -l 8 b.txt',
  'xxd -u -s 3 -l 5 b.txt',
  'xxd -u -g1 b.txt',
  'xxd -d -o 100 b.txt',
  'xxd -s -4 b.txt',
  'xxd -c8 -g4 b.txt',
  'xxd -l 0x10 b.txt',
  'xxd -i abc',
  'xxd -i -C -c 2 abc',
  'xxd -i < abc',
  'xxd -i -n tok abc',
  'xxd -r -p hex.txt',
  'echo 68656c6c6f0a | xxd -r -p',
  'printf abc | xxd',
  'xxd empty',
  'xxd -p empty',
  'xxd nope',
  'xxd -z abc',
  'xxd -h',
  'xxd -v',
  'xxd -c',
]

describe('xxd agrees with xxd 2022-01-14', () => {
  const missing = missingTools(['xxd', 'printf'])
  let real: RunResult[] = []
  let lab: RunResult[] = []
  beforeAll(async () => {
    if (missing.length === 0) real = runReal(CASES, FILES)
    lab = await runLab(CASES, FILES)
  }, 120_000)
  test('the real tools are installed', () => {
    expect(missing, `missing on this machine: ${missing.join(', ')}`).toEqual([])
  })
  test.each(CASES.map((c, i) => [c, i] as const))('%s', (_line, i) => {
    expect(lab[i]).toEqual(real[i])
  })
})
