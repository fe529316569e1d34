// The bash builtin history: numbered list of the inputs typed so far (`history N` for the last N).

import type { CommandSpec } from '../types'

export const history: CommandSpec = {
  name: 'history',
  summary: 'Display the command history list.',
  usage: 'history [n]',
  async run(ctx) {
    const all = ctx.shell.history()
    const arg = ctx.argv[1]
    let start = 0
    if (arg !== undefined) {
      if (!/^[0-9]+$/.test(arg)) {
        ctx.stderr(`bash: history: ${arg}: numeric argument required\n`)
        return 1
      }
      start = Math.max(0, all.length - Number(arg))
    }
    let out = ''
    for (let i = start; i < all.length; i++) out += `${String(i + 1).padStart(5)}  ${all[i]}\n`
    ctx.stdout(out)
    return 0
  },
}
