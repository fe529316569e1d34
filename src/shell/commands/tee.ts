// tee (coreutils src/tee.c): copy standard input to standard output and to each FILE (-a appends).
// A FILE it cannot open is reported and skipped (status 1); `-` is a file named "-" (coreutils 9.1).

import { canonical } from '../../common/bytes'
import type { CommandSpec, FlagSpec } from '../types'
import { cannotWrite } from '../fs'
import { gnuQuote } from './gnuQuote'
import { getopt, has, helpText, tableFromFlags, usageError } from './util'

const flags: FlagSpec[] = [
  { name: 'append', short: 'a', takesValue: false, help: 'add to the end of the FILEs instead of replacing them' },
  { name: 'ignore-interrupts', short: 'i', takesValue: false, help: 'ignore Ctrl+C (SIGINT)' },
  { name: 'help', takesValue: false, help: 'display this help and exit' },
]

const MODES = ['warn', 'warn-nopipe', 'exit', 'exit-nopipe']

export const tee: CommandSpec = {
  name: 'tee',
  summary: 'Pass standard input on to standard output and also write it to files.',
  usage: 'tee [OPTION]... [FILE]...',
  flags,
  async run(ctx) {
    // --output-error[=MODE] (abbreviated down to --o) takes an optional value, which getopt here
    // cannot express; in the lab no write fails, so a valid MODE changes nothing.
    const args: string[] = []
    for (const a of ctx.argv.slice(1)) {
      const m = /^--(o[a-z-]*)(?:=(.*))?$/.exec(a)
      if (!m || !'output-error'.startsWith(m[1])) args.push(a)
      else if (m[2] !== undefined && !MODES.includes(m[2])) {
        const valid = MODES.map((x) => `\n  - '${x}'`).join('')
        return usageError(ctx, 'tee', `invalid argument ${gnuQuote(m[2])} for '--output-error'\nValid arguments are:${valid}`)
      }
    }
    const table = tableFromFlags(flags, 'p')
    const p = getopt(args, { ...table, immediate: ['help'] })
    if ('error' in p) return usageError(ctx, 'tee', p.error)
    if (has(p, 'help')) {
      ctx.stdout(helpText(this.usage, 'Copy standard input to each FILE, and also to standard output.', flags))
      return 0
    }
    const append = has(p, 'append')
    // A pipe joins its writes (see readOperand).
    const text = canonical(ctx.stdin)
    let status = 0
    const open: string[] = []
    for (const name of p.operands) {
      const path = ctx.fs.resolve(name)
      const why = cannotWrite(ctx.fs, path)
      if (why) {
        ctx.stderr(`tee: ${name}: ${why}\n`)
        status = 1
      } else {
        // Opened (and truncated unless -a) before anything is read, as the real tee does.
        ctx.fs.writeFile(path, '', append)
        open.push(path)
      }
    }
    ctx.stdout(text)
    // A file named twice without -a: both opens write the same bytes at the same offsets.
    for (const path of append ? open : [...new Set(open)]) ctx.fs.writeFile(path, text, true)
    return status
  },
}
