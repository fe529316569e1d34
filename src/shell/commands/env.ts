// env (coreutils): prints the exported variables, one NAME=value per line.

import type { CommandSpec } from '../types'
import { usageError } from './util'

export const env: CommandSpec = {
  name: 'env',
  summary: 'Print the environment (the exported variables).',
  usage: 'env',
  async run(ctx) {
    const args = ctx.argv.slice(1)
    if (args.length > 0) {
      if (args[0].startsWith('-')) return usageError(ctx, 'env', `invalid option -- '${args[0][1] ?? ''}'`, 125)
      ctx.stderr(`env: '${args[0]}': running commands through env is not supported in this lab\n`)
      return 127
    }
    let out = ''
    for (const [k, v] of Object.entries(ctx.env.exported())) out += `${k}=${v}\n`
    ctx.stdout(out)
    return 0
  },
}
