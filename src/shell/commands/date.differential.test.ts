// date against coreutils 9.1 date (LC_ALL=C, TZ=UTC), all cases in one bash process; plus the lab
// clock (never the wall clock) for `date` without -d.

import { describe, expect, test } from 'vitest'
import { newShell } from '../testSupport'
import { agreesWithRealTools } from './diffSupport'

const FILES: Record<string, string> = { 'dates.txt': '@0\n2026-05-23 10:00\nbogus\n@1779578851\n' }

const CASES: string[] = [
  'date -u -d @1779578851',
  // openssl's -enddate, date's own output, and the other year rules of parse-datetime.y
  "date -u -d 'Nov 14 22:13:20 2024 GMT' +%s",
  "date -u -d 'May 20 22:27:30 2036 GMT' +%F",
  "date -u -d 'Tue Nov 14 22:13:20 UTC 2023' +%s",
  "date -u -d 'Mon, 14 Nov 2023 22:13:20 GMT' +%s",
  "date -u -d 'Nov 14 10:00 24' +%F",
  'date -u -d 20231114 +%F',
  'date -u -d 2023/11/14 +%F',
  'date -u -d 2024-02-30',
  'date -u -d 2023-02-29',
  'date -u -d 2024-02-29 +%F',
  'date -u -d "Feb 30"',
  // words every JavaScript object has as keys (one failed with "unitOf is not a function")
  'date -u -d "2026-01-01 constructor"',
  'date -u -d "2026-01-01 3 toString ago"',
  'date -u -d "next valueOf"',
  'date -d @1779578851',
  'date -d @0 -u',
  'date -d @-1',
  'date -d @1.5 +%s.%N',
  'date -R -d @1779578851',
  'date -I -d @1779578851',
  'date -Iseconds -d @1779578851',
  'date -Iminutes -d @1779578851',
  'date -Ihours -d @1779578851',
  'date -Ins -d @1779578851.25',
  'date --iso-8601=seconds -d @1779578851',
  'date --rfc-3339=seconds -d @1779578851',
  'date --rfc-3339=date -d @1779578851',
  'date -d @1779578851 +%Y-%m-%dT%H:%M:%SZ',
  'date -d @1779578851 "+%a %A %b %B %h %d %e %j %u %w %U %W %V %G %g %C %y"',
  'date -d @1779578851 "+%H %I %k %l %M %S %p %P %s %N %Z %z %:z %::z"',
  'date -d @1779578851 "+%c|%x|%X|%r|%D|%T|%F|%R|%%|%n|%t|"',
  'date -d @1779578851 "+%-d %-m %_d %_H %05d %10s %^a %^B %#Z %3N %-j %Q"',
  'date -d @0 "+%-d %_m %e %k %l %I %p %j %U %W %V %G"',
  'date -d @1735689600 "+%U %W %V %G %j %a"',
  'date -d @1704067199 "+%U %W %V %G %j %a"',
  'date -d "2026-05-23"',
  'date -d "2026-05-23 10:00"',
  'date -d "2026-05-23 10:00:05"',
  'date -d "2026-05-23T10:00:05Z"',
  'date -d "2026-05-23T10:00:05+02:00"',
  'date -d "2026-05-23 10:00 UTC"',
  'date -d "2026-05-23 10:00 +2 hours"',
  'date -d "2026-05-23 10:00 UTC +2 hours"',
  'date -d "2026-05-23 + 3 days"',
  'date -d "2026-05-23 3 days ago"',
  'date -d "2026-01-31 1 month"',
  'date -d "2026-05-23 next week"',
  'date -d "2026-05-23 last year"',
  'date -d "05/23/2026"',
  'date -d "May 23 2026 10:00"',
  'date -d "23 May 2026"',
  'date -d "2026-05-23 5pm"',
  'date -d "2026-05-23 12am"',
  'date -d "2026-05-23 1 hour ago"',
  'date -u -d "2026-05-23 10:00:00 -0500"',
  'date -d bogus',
  'date -d "2026-13-01"',
  'date -d "2026-05-23 25:00"',
  'date -f dates.txt +%s',
  'date -Ix -d @0',
  'date --rfc-3339=x -d @0',
  'date -R -I -d @0',
  'date -d @0 +%s +%s',
  'date -d @0 x',
  'date --date',
  'date -d',
  'date -x',
  'date --bogus',
  'date -d @1779578851 "+%Y" | cut -c1-2',
  'date -u -d @67768036191676800; echo $?; date -u -d @99999999999999999999; echo $?',
]

describe('date agrees with coreutils date', () => {
  agreesWithRealTools(['date', 'cut'], CASES, FILES)
})

test('a time past what JavaScript can show is refused plainly (GNU date would show the year 318857)', async () => {
  const r = await newShell().run('date -u -d @9999999999999')
  expect(r).toEqual({ stdout: '', stderr: "date: '@9999999999999' is after the times the lab can show (years 275760 and beyond are not simulated)\n", exitCode: 1 })
})

test('date reads the lab clock', async () => {
  const sh = newShell()
  expect((await sh.run('date')).stdout).toBe('Sun May 24 10:00:00 UTC 2026\n')
  expect((await sh.run('date -d tomorrow +%F')).stdout).toBe('2026-05-25\n')
  expect((await sh.run('date -d "2 hours ago" -Iseconds')).stdout).toBe('2026-05-24T08:00:00+00:00\n')
})
