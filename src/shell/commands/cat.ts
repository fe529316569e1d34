// cat (coreutils src/cat.c): concatenate files or stdin (`-`); -n, -b, -E, -s, -T, and -v (bytes
// shown as ^X, ^? and M-), with -A (-vET), -e (-vE), -t (-vT).

import { latin1Of } from '../../common/bytes'
import type { CommandSpec, FlagSpec } from '../types'
import { getopt, has, helpText, inputs, readOperand, tableFromFlags, usageError } from './util'

const flags: FlagSpec[] = [
  { name: 'number', short: 'n', takesValue: false, help: 'number all output lines' },
  { name: 'number-nonblank', short: 'b', takesValue: false, help: 'number nonempty output lines, overrides -n' },
  { name: 'show-ends', short: 'E', takesValue: false, help: 'display $ at end of each line' },
  { name: 'squeeze-blank', short: 's', takesValue: false, help: 'suppress repeated empty output lines' },
  { name: 'show-tabs', short: 'T', takesValue: false, help: 'display TAB characters as ^I' },
  { name: 'show-nonprinting', short: 'v', takesValue: false, help: 'use ^ and M- notation, except for LFD and TAB' },
  { name: 'show-all', short: 'A', takesValue: false, help: 'equivalent to -vET' },
  { name: 'help', takesValue: false, help: 'display this help and exit' },
]

export const cat: CommandSpec = {
  name: 'cat',
  summary: 'Concatenate files and print on the standard output.',
  usage: 'cat [OPTION]... [FILE]...',
  flags,
  async run(ctx) {
    const p = getopt(ctx.argv.slice(1), tableFromFlags(flags, 'uet'))
    if ('error' in p) return usageError(ctx, 'cat', p.error)
    if (has(p, 'help')) {
      ctx.stdout(helpText(this.usage, 'Concatenate FILE(s) to standard output.', flags))
      return 0
    }
    const numberAll = has(p, 'number')
    const nonblank = has(p, 'number-nonblank')
    const all = has(p, 'show-all')
    const showEnds = all || has(p, 'show-ends') || has(p, 'e')
    const showTabs = all || has(p, 'show-tabs') || has(p, 't')
    const nonprinting = all || has(p, 'show-nonprinting') || has(p, 'e') || has(p, 't')
    const plain = !numberAll && !nonblank && !showEnds && !has(p, 'squeeze-blank') && !showTabs && !nonprinting
    let status = 0
    let lineNo = 0
    let prevBlank = false
    for (const name of inputs(p.operands)) {
      const r = readOperand(ctx, name)
      if (!r.ok) {
        ctx.stderr(`cat: ${r.message}\n`)
        status = 1
        continue
      }
      if (plain) {
        ctx.stdout(r.text)
        continue
      }
      let out = ''
      const parts = r.text.split('\n')
      for (let i = 0; i < parts.length; i++) {
        const last = i === parts.length - 1
        if (last && parts[i] === '') break
        let line = parts[i]
        const blank = line === ''
        if (has(p, 'squeeze-blank') && blank && prevBlank) continue
        prevBlank = blank
        if (nonprinting) line = caret(latin1Of(line))
        if (showTabs) line = line.replace(/\t/g, '^I')
        if (nonblank ? !blank : numberAll) line = `${String(++lineNo).padStart(6)}\t${line}`
        out += line + (last ? '' : showEnds ? '$\n' : '\n')
      }
      ctx.stdout(out)
    }
    return status
  },
}

/** cat -v: each byte (one latin1 character) in ^X, ^? and M- notation; tab and newline stay. */
function caret(bytes: string): string {
  let out = ''
  for (let i = 0; i < bytes.length; i++) {
    let b = bytes.charCodeAt(i)
    if (b >= 128) {
      out += 'M-'
      b -= 128
    } else if (b === 9) {
      out += '\t'
      continue
    }
    out += b < 32 ? '^' + String.fromCharCode(b + 64) : b === 127 ? '^?' : String.fromCharCode(b)
  }
  return out
}
