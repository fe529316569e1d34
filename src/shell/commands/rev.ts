// rev (util-linux text-utils/rev.c): each line of each FILE (or stdin) with its characters in
// reverse order. `-` is a file name, not stdin. In the C locale a byte beyond ASCII is not a
// character: rev says so (naming the 0-based line) and leaves the rest of that file.

import type { CommandSpec, FlagSpec } from '../types'
import { getopt, has, helpText, splitLines, tableFromFlags, usageError, utf8Locale } from './util'

const flags: FlagSpec[] = [{ name: 'help', short: 'h', takesValue: false, help: 'display this help' }]

// oxlint-disable-next-line no-control-regex -- every ASCII character
const ASCII = /^[\u0000-\u007f]*$/

export const rev: CommandSpec = {
  name: 'rev',
  summary: 'Print each line with its characters reversed.',
  usage: 'rev [options] [file ...]',
  flags,
  async run(ctx) {
    const p = getopt(ctx.argv.slice(1), { ...tableFromFlags(flags, 'V'), immediate: ['help'] })
    if ('error' in p) return usageError(ctx, 'rev', p.error)
    if (has(p, 'help')) {
      ctx.stdout(helpText(this.usage, 'Reverse lines characterwise.', flags))
      return 0
    }
    const utf8 = utf8Locale(ctx.env)
    let status = 0
    const files = p.operands.length ? p.operands : [undefined]
    for (const name of files) {
      let text: string | undefined
      if (name === undefined) text = ctx.stdin
      else {
        const path = ctx.fs.resolve(name)
        if (ctx.fs.isDir(path)) {
          ctx.stderr(`rev: ${name}: 0: Is a directory\n`)
          status = 1
          continue
        }
        text = ctx.fs.readFile(path)
        if (text === undefined) {
          ctx.stderr(`rev: cannot open ${name}: No such file or directory\n`)
          status = 1
          continue
        }
      }
      const { lines, finalNewline } = splitLines(text)
      let out = ''
      for (let i = 0; i < lines.length; i++) {
        const line = lines[i]
        if (!utf8 && !ASCII.test(line)) {
          ctx.stdout(out)
          ctx.stderr(`rev: ${name ?? 'stdin'}: ${i}: Invalid or incomplete multibyte or wide character\n`)
          status = 1
          out = ''
          break
        }
        out += [...line].reverse().join('') + (i < lines.length - 1 || finalNewline ? '\n' : '')
      }
      ctx.stdout(out)
    }
    return status
  },
}
