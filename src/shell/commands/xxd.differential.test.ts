// xxd against vim's xxd 2022-01-14, all cases in one bash process: the dump and its layout options,
// plain hex both ways, C include style, and the errors.

import { describe } from 'vitest'
import { agreesWithRealTools } from './diffSupport'

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
  agreesWithRealTools(['xxd', 'printf'], CASES, FILES)
})
