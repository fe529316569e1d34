// od against coreutils 9.1 (LC_ALL=C), all cases in one bash process: the looks people use on
// token bytes (-c, -An -tx1), the other types and radixes, od's column padding when several
// types share a line, repeated lines, partial last lines, and the errors.

import { describe } from 'vitest'
import { agreesWithRealTools } from './diffSupport'

const TOKEN = 'eyJhbGciOiJSUzI1NiIsImtpZCI6ImxhYiJ9.eyJhdWQiOlsiaHR0cHM6Ly9rdWJlcm5ldGVzLmRlZmF1bHQuc3ZjIl19.c2ln\n'
const FILES: Record<string, string> = {
  'b.txt': 'hello\tworld\n\u0001\u007f\u00e9 ' + 'a'.repeat(56) + '\\\r\u000b\u000c\u0007\u0008\u0000',
  'token': TOKEN,
  'abc': 'abc',
  'empty': '',
}

const CASES: string[] = [
  'od -c b.txt',
  'od -An -tx1 b.txt',
  'od -An -tx1 -v b.txt',
  'od -tx1 -c b.txt',
  'od -c -tx1 token',
  'od -Ax -tx1z b.txt',
  'od -Ad b.txt',
  'od b.txt',
  'od -x b.txt',
  'od -ta b.txt',
  'od -An -tx1 -w4 -N10 -j2 b.txt',
  'od -tx2 -c b.txt',
  'od -td1 -tu1 -to1 abc',
  'od -td2 -td4 -td8 b.txt',
  'od -tx4 -tx8 -tu8 abc',
  'od -b -s -d -o abc',
  'od -tdC -txS -tuI -toL b.txt',
  'od -w8 -c b.txt',
  'od -w -tx1 b.txt',
  'od -c empty',
  'od -c < abc',
  'printf abc | od -An -c',
  'od -c abc token',
  'od -c nope abc',
  'od -Az abc',
  'od -tq abc',
  'od -tx3 abc',
  'od -j x abc',
  'od -q abc',
  'echo -n "$(cat token)" | cut -d. -f2 | od -An -c | head -2',
]

describe('od agrees with coreutils 9.1', () => {
  agreesWithRealTools(['od', 'printf', 'cut', 'head', 'cat'], CASES, FILES)
})
