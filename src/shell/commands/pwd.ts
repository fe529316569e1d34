// The bash builtin pwd.

import type { CommandSpec } from '../types'

export const pwd: CommandSpec = {
  name: 'pwd',
  summary: 'Print the name of the current working directory.',
  usage: 'pwd [-LP]',
  async run(ctx) {
    const bad = ctx.argv.slice(1).find((a) => a.startsWith('-') && !/^-[LP]+$/.test(a))
    if (bad) {
      ctx.stderr(`bash: pwd: ${bad.slice(0, 2)}: invalid option\npwd: usage: pwd [-LP]\n`)
      return 2
    }
    ctx.stdout(ctx.fs.cwd() + '\n')
    return 0
  },
}
