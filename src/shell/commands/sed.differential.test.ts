// sed against GNU sed 4.9, all cases in one bash process.

import { beforeAll, describe, expect, test } from 'vitest'
import type { RunResult } from '../types'
import { missingTools, runLab, runReal } from './diffSupport'

const FILES: Record<string, string> = {
  'words.txt': 'banana\nApple\ncherry\napple\nbanana\n\ndate 10\nelder 9\nfig 100\n',
  'f1': 'a\nb\n',
  'f2': 'c\nd\n',
  'noeol.txt': 'first\nsecond\nthird',
  'conf.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\n  namespace: sa-demo\nspec:\n  serviceAccountName: default\n',
  'script.sed': 's/a/A/g\n/^$/d\n',
}

const CASES: string[] = [
  'sed s/an/AN/ words.txt',
  'sed s/an/AN/g words.txt',
  'sed s/an/AN/2 words.txt',
  'sed -n s/an/AN/p words.txt',
  'sed "s/APPLE/pear/I" words.txt',
  'sed -n 2p words.txt',
  'sed -n "2,4p" words.txt',
  'sed -n "\\$p" words.txt',
  'sed "1d" words.txt',
  'sed "/^$/d" words.txt',
  'sed "/an/!d" words.txt',
  'sed -n "/cherry/,/date/p" words.txt',
  'sed -n "/cherry/,+2p" words.txt',
  'sed -n "0~3p" words.txt',
  'sed -n "1~3p" words.txt',
  'sed "2,\\$d" words.txt',
  'sed -e "s/a/1/" -e "s/e/2/" words.txt',
  'sed "s/a/1/;s/e/2/" words.txt',
  'sed -E "s/([a-z]+) ([0-9]+)/\\2:\\1/" words.txt',
  'sed -r "s/(an)+/<&>/g" words.txt',
  'sed "s/\\(an\\)\\1/[\\1]/" words.txt',
  'sed "s/[0-9]\\+/N/" words.txt',
  'sed "s|a|/|g" words.txt',
  'sed "s/.*/\\U&/" words.txt',
  'sed "s/\\(.\\)\\(.*\\)/\\u\\1\\L\\2/" words.txt',
  'sed "s/^/> /" noeol.txt',
  'sed -n "\\$=" words.txt',
  'sed = f1',
  'sed "y/abc/xyz/" words.txt',
  'sed "2q" words.txt; echo "rc=$?"',
  'sed "2q5" words.txt; echo "rc=$?"',
  'sed "3Q" words.txt',
  'sed "a\\\\\nadded" f1',
  'sed "1i header" f1',
  'sed "2c\\\\\nchanged" words.txt',
  'sed "1a  after one" f1',
  'sed "/b/{s/b/B/;p}" f1',
  'sed -n "/a/{n;p}" f1 f2',
  'sed ":a;N;\\$!ba;s/\\n/,/g" f1 f2',
  'sed "N;P;D" words.txt',
  'sed "\\$!N;s/\\n/ /" words.txt',
  'sed -n "h;n;G;p" f1 f2',
  'sed "x;\\$!d;x" f1',
  'sed -s -n "1p;\\$p" f1 f2',
  'sed -n "1p;\\$p" f1 f2',
  'sed -f script.sed words.txt',
  'sed "s/name: .*/name: web/" conf.yaml',
  'sed -n "/^metadata:/,/^spec:/p" conf.yaml',
  'sed "/^  namespace/s/sa-demo/default/" conf.yaml',
  'cp=$(cat f1); sed -i "s/a/Z/" f1; cat f1',
  'sed -i.bak "s/c/C/" f2; cat f2 f2.bak',
  'sed -i -e "1d" f1 f2; cat f1 f2',
  'echo hello world | sed "s/o/0/g"',
  'echo "a.b.c" | sed "s/\\./-/2"',
  'echo "path/to/file" | sed "s#/#\\\\#g"',
  'printf "x" | sed p',
  'echo abc | sed -n "s/b/B/pw /dev/stdout"',
  'sed "s/a/b/x" f1',
  'sed k f1',
  'sed "s/a/b" f1',
  'sed "/a" f1',
  'sed p nofile f1; echo "rc=$?"',
  'sed "{p" f1',
  'sed "p}" f1',
  'sed "s/\\(a\\)/\\2/" f1',
  'sed "y/ab/c/" f1',
  'sed pq f1',
  'sed "b nolabel" f1',
  'sed -i "s/a/b/"',
  'sed "0p" f1',
  'sed -n "0,/b/p" f1',
  'sed "s/x*/-/g" f1',
  'echo "aaa bbb" | sed "s/a*/X/g"',
  'echo "hello" | sed "s/l/L/2g"',
  'echo "CamelCase" | sed -E "s/([A-Z])/_\\l\\1/g"',
  'echo "one two" | sed -E "s/(\\w+) (\\w+)/\\2 \\1/"',
  'echo "tab	sep" | sed "s/\\t/<TAB>/"',
  'echo "a b" | sed "s/ /\\n/"',
  'echo abc | sed "s/b/\\&/"',
  'echo "x=1" | sed -n "/=/{s/=.*//;p}"',
  'printf "1\\n2\\n3\\n4\\n" | sed -n "2{p;q}"',
  'printf "1\\n2\\n3\\n" | sed "\\$a end"',
  'printf "1\\n2\\n3\\n" | sed "2!s/./X/"',
  'printf "1\\n2\\n3\\n" | sed -n "/2/,\\$!p"',
  'printf "l1\\nl2\\n" | sed G',
  `printf '%s\\n' 'a	b\\c' | sed -n l`,
]

describe('sed agrees with GNU sed', () => {
  const missing = missingTools(['sed', 'cat'])
  let real: RunResult[] = []
  let lab: RunResult[] = []
  beforeAll(async () => {
    if (missing.length === 0) real = runReal(CASES, FILES)
    lab = await runLab(CASES, FILES)
  }, 180_000)
  test('the real tools are installed', () => {
    expect(missing, `missing on this machine: ${missing.join(', ')}`).toEqual([])
  })
  test.each(CASES.map((c, i) => [c, i] as const))('%s', (_line, i) => {
    expect(lab[i]).toEqual(real[i])
  })
})
