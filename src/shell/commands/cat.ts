// cat (coreutils src/cat.c): concatenate files or stdin (`-`); -n, -b, -E, -s, -T.

import type { CommandSpec, FlagSpec } from '../types'
import { getopt, has, helpText, inputs, readOperand, tableFromFlags, usageError } from './util'

const flags: FlagSpec[] = [
  { name: 'number', short: 'n', takesValue: false, help: 'number all output lines' },
  { name: 'number-nonblank', short: 'b', takesValue: false, help: 'number nonempty output lines, overrides -n' },
  { name: 'show-ends', short: 'E', takesValue: false, help: 'display $ at end of each line' },
  { name: 'squeeze-blank', short: 's', takesValue: false, help: 'suppress repeated empty output lines' },
  { name: 'show-tabs', short: 'T', takesValue: false, help: 'display TAB characters as ^I' },
  { name: 'help', takesValue: false, help: 'display this help and exit' },
]

export const cat: CommandSpec = {
  name: 'cat',
  summary: 'Concatenate files and print on the standard output.',
  usage: 'cat [OPTION]... [FILE]...',
  flags,
  async run(ctx) {
    const p = getopt(ctx.argv.slice(1), tableFromFlags(flags, 'uv'))
    if ('error' in p) return usageError(ctx, 'cat', p.error)
    if (has(p, 'help')) {
      ctx.stdout(helpText(this.usage, 'Concatenate FILE(s) to standard output.', flags))
      return 0
    }
    const numberAll = has(p, 'number')
    const nonblank = has(p, 'number-nonblank')
    const plain = !numberAll && !nonblank && !has(p, 'show-ends') && !has(p, 'squeeze-blank') && !has(p, 'show-tabs')
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
        if (has(p, 'show-tabs')) line = line.replace(/\t/g, '^I')
        if (nonblank ? !blank : numberAll) line = `${String(++lineNo).padStart(6)}\t${line}`
        out += line + (last ? '' : has(p, 'show-ends') ? '$\n' : '\n')
      }
      ctx.stdout(out)
    }
    return status
  },
}
