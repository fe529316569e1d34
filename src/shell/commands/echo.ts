// The bash builtin echo (builtins/echo.def): -n, -e, -E; other words starting with `-` are text.

import type { CommandSpec } from '../types'
import { expandEscapes } from './escapes'

export const echo: CommandSpec = {
  name: 'echo',
  summary: 'Write arguments to the standard output.',
  usage: 'echo [-neE] [arg ...]',
  flags: [
    { name: 'n', short: 'n', takesValue: false, help: 'do not append a newline' },
    { name: 'e', short: 'e', takesValue: false, help: 'enable interpretation of backslash escapes' },
    { name: 'E', short: 'E', takesValue: false, help: 'disable interpretation of backslash escapes (default)' },
  ],
  async run(ctx) {
    const args = ctx.argv.slice(1)
    let newline = true
    let escapes = false
    while (args.length && /^-[neE]+$/.test(args[0])) {
      for (const f of args.shift()!.slice(1)) {
        if (f === 'n') newline = false
        else escapes = f === 'e'
      }
    }
    let text = args.join(' ')
    if (escapes) {
      const r = expandEscapes(text, 'echo')
      text = r.text
      if (r.stopped) {
        ctx.stdout(text)
        return 0
      }
    }
    ctx.stdout(newline ? text + '\n' : text)
    return 0
  },
}
