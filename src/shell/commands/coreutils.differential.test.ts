// seq, uniq and sort against coreutils 9.1 and xargs against GNU findutils, all cases in one bash
// process.

import { beforeAll, describe, expect, test } from 'vitest'
import type { RunResult } from '../types'
import { missingTools, runLab, runReal } from './diffSupport'

const FILES: Record<string, string> = {
  'dups.txt': 'a\na\nb\nA\nb\nb\nc\n\n\nx 1\ny 1\n',
  'words.txt': 'banana\nApple\ncherry\napple\nbanana\n\ndate 10\nelder 9\nfig 100\n',
  'table.txt': 'app sa-demo Running 3\ndb sa-demo Pending 10\nweb default Running 1\ncache default Failed 10\n',
  'csv.txt': 'name,age,city\nalice,30,paris\nbob,25,berlin\ncarol,,rome\ndave,30,oslo\n',
}

const CASES: string[] = [
  'seq 3',
  'seq 2 4',
  'seq 1 0.5 3',
  'seq -s, 5',
  'seq -w 8 10',
  'seq 0.1 0.1 0.5',
  'seq 5 1',
  'seq 5 -2 1',
  'seq -3 -1',
  'seq x',
  'seq',
  'seq 1 0 3',
  'seq 1 2 3 4',
  'seq -f %03g 3',
  'seq -f "n=%.2f" 1 0.25 2',
  'seq -f %e 1 2',
  'seq 1e2 1e2 3e2',
  'seq 1.50 2',
  'seq -s: -w 1 3',
  'seq -w -5 5',
  'seq 10 | tail -n 2',
  'seq 1000 | wc -l',
  'seq -x',
  'uniq dups.txt',
  'uniq -c dups.txt',
  'uniq -d dups.txt',
  'uniq -u dups.txt',
  'uniq -i -c dups.txt',
  'uniq -f 1 -c dups.txt',
  'uniq -s 1 dups.txt',
  'uniq -w 1 -c dups.txt',
  'sort words.txt | uniq -c | sort -rn',
  'uniq nofile',
  'uniq -x',
  'uniq -f x dups.txt',
  'uniq dups.txt out.txt; cat out.txt',
  'printf "a\\na" | uniq -c',
  'sort -k2 table.txt',
  'sort -k3,3 -k1,1 table.txt',
  'sort -k4 -n table.txt',
  'sort -k4,4nr table.txt',
  'sort -t, -k2 -n csv.txt',
  'sort -t, -k2,2n -k1,1r csv.txt',
  'sort -t, -k3 csv.txt',
  'sort -u -k2,2 table.txt',
  'sort -r -k2,2 -k4,4n table.txt',
  'sort -n -r -u -k4 table.txt',
  'sort -k 2.2 table.txt',
  'sort -k1.2,1.3 words.txt',
  'sort -t " " -k2 table.txt',
  'sort -k0 table.txt',
  'sort -k2,1 table.txt',
  'sort -t ab table.txt',
  'sort -k2b table.txt',
  'echo a b c | xargs',
  'echo a b c | xargs -n 2 echo x',
  'printf "a\\nb\\n" | xargs -I {} echo "<{}>"',
  'echo | xargs echo hi',
  'echo | xargs -r echo hi; echo "rc=$?"',
  'echo a | xargs nosuch; echo "rc=$?"',
  'echo a | xargs false; echo "rc=$?"',
  `printf '"a b" c\\\\ d\\n' | xargs -n1 echo`,
  `echo "a'b" | xargs echo; echo "rc=$?"`,
  'cut -d, -f1 csv.txt | xargs -n 2',
  'printf "1\\n2\\n3\\n" | xargs -L 2 echo line',
  'seq 3 | xargs -I N seq N',
]

describe('seq, uniq and sort agree with coreutils', () => {
  const missing = missingTools(['seq', 'uniq', 'sort', 'tail', 'wc', 'cat', 'xargs', 'cut'])
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
