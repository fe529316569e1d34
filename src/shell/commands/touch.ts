// touch (coreutils): create empty files (files carry no times in the lab, so that is all it does).

import type { CommandSpec, FlagSpec } from '../types'
import { dirname } from '../fs'
import { getopt, has, tableFromFlags, usageError } from './util'

const flags: FlagSpec[] = [{ name: 'no-create', short: 'c', takesValue: false, help: 'do not create any files' }]

export const touch: CommandSpec = {
  name: 'touch',
  summary: 'Create empty files.',
  usage: 'touch [OPTION]... FILE...',
  flags,
  async run(ctx) {
    const p = getopt(ctx.argv.slice(1), tableFromFlags(flags, 'am'))
    if ('error' in p) return usageError(ctx, 'touch', p.error)
    if (p.operands.length === 0) return usageError(ctx, 'touch', 'missing file operand')
    let status = 0
    for (const name of p.operands) {
      const path = ctx.fs.resolve(name)
      if (ctx.fs.exists(path) || has(p, 'no-create')) continue
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
