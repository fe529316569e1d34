// touch (coreutils 9.1): create empty files. Files carry no times in the lab, so -a, -m, -d, -t, -r
// and -h change nothing, but each is taken and checked as touch checks it (a bad date, a missing
// reference file) before any file is made.

import type { CommandSpec, FlagSpec } from '../types'
import { dirname } from '../fs'
import { parseDate } from './dateparse'
import { getopt, has, printHelp, tableFromFlags, usageError } from './util'

const flags: FlagSpec[] = [
  { name: 'a', short: 'a', takesValue: false, help: 'change only the access time' },
  { name: 'no-create', short: 'c', takesValue: false, help: 'do not create any files' },
  { name: 'date', short: 'd', takesValue: true, help: 'parse STRING and use it instead of current time' },
  { name: 'f', short: 'f', takesValue: false, help: '(ignored)' },
  { name: 'no-dereference', short: 'h', takesValue: false, help: 'affect each symbolic link instead of any referenced file' },
  { name: 'm', short: 'm', takesValue: false, help: 'change only the modification time' },
  { name: 'reference', short: 'r', takesValue: true, help: "use this file's times instead of current time" },
  { name: 't', short: 't', takesValue: true, help: 'use specified time instead of current time, in [[CC]YY]MMDDhhmm[.ss] format' },
  { name: 'time', takesValue: true, help: 'change the specified time: WORD is access, atime, use, modify or mtime' },
  { name: 'help', takesValue: false, help: 'display this help and exit' },
]

/** posixtime's STAMP: [[CC]YY]MMDDhhmm[.ss] with a real month, day, hour and minute. */
function validStamp(s: string): boolean {
  const m = /^(\d{8}|\d{10}|\d{12})(?:\.(\d{2}))?$/.exec(s)
  if (!m) return false
  const d = m[1].slice(-8)
  const [mo, dd, hh, mi] = [0, 2, 4, 6].map((i) => Number(d.slice(i, i + 2)))
  const ss = m[2] === undefined ? 0 : Number(m[2])
  return mo >= 1 && mo <= 12 && dd >= 1 && dd <= 31 && hh <= 23 && mi <= 59 && ss <= 60
}

const TIME_WORDS = ['access', 'atime', 'use', 'modify', 'mtime']

export const touch: CommandSpec = {
  name: 'touch',
  summary: 'Create empty files (the lab keeps no file times: the time options are checked, then change nothing).',
  usage: 'touch [OPTION]... FILE...',
  flags,
  async run(ctx) {
    const p = getopt(ctx.argv.slice(1), tableFromFlags(flags))
    if ('error' in p) return usageError(ctx, 'touch', p.error)
    if (has(p, 'help')) return printHelp(ctx, touch)
    const value = (key: string) => p.opts.find((o) => o.key === key)?.value
    const date = value('date')
    const now = { sec: Math.floor(ctx.lab.now() / 1000), nsec: 0 }
    if (date !== undefined && parseDate(date, now) === undefined) {
      ctx.stderr(`touch: invalid date format '${date}'\n`)
      return 1
    }
    const stamp = value('t')
    if (stamp !== undefined && !validStamp(stamp)) {
      ctx.stderr(`touch: invalid date format '${stamp}'\n`)
      return 1
    }
    const word = value('time')
    if (word !== undefined && !TIME_WORDS.includes(word)) {
      ctx.stderr(`touch: invalid argument '${word}' for '--time'\nValid arguments are:\n  - 'atime', 'access', 'use'\n  - 'mtime', 'modify'\nTry 'touch --help' for more information.\n`)
      return 1
    }
    const ref = value('reference')
    if (ref !== undefined && !ctx.fs.exists(ctx.fs.resolve(ref))) {
      ctx.stderr(`touch: failed to get attributes of '${ref}': No such file or directory\n`)
      return 1
    }
    if (p.operands.length === 0) return usageError(ctx, 'touch', 'missing file operand')
    let status = 0
    for (const name of p.operands) {
      const path = ctx.fs.resolve(name)
      if (ctx.fs.readOnlyAt?.(path) && (ctx.fs.exists(path) || (!has(p, 'no-create') && ctx.fs.isDir(dirname(path))))) {
        // a new time for what is there, or a new file: both refused
        ctx.stderr(`touch: ${ctx.fs.exists(path) && has(p, 'no-create') ? 'setting times of' : 'cannot touch'} '${name}': Read-only file system\n`)
        status = 1
        continue
      }
      if (ctx.fs.exists(path) || has(p, 'no-create')) continue
      // -h creates nothing: setting the times of what is not there fails
      if (has(p, 'no-dereference')) {
        ctx.stderr(`touch: setting times of '${name}': No such file or directory\n`)
        status = 1
        continue
      }
      if (!ctx.fs.isDir(dirname(path))) {
        ctx.stderr(`touch: cannot touch '${name}': No such file or directory\n`)
        status = 1
        continue
      }
      ctx.fs.writeFile(path, '')
    }
    return status
  },
}
