// mkdir (coreutils): create directories in the home filesystem; -p makes parents, no error if existing.

import type { CommandSpec, FlagSpec } from '../types'
import { dirname } from '../fs'
import { getopt, has, tableFromFlags, usageError } from './util'

const flags: FlagSpec[] = [
  { name: 'parents', short: 'p', takesValue: false, help: 'no error if existing, make parent directories as needed' },
  { name: 'verbose', short: 'v', takesValue: false, help: 'print a message for each created directory' },
]

export const mkdir: CommandSpec = {
  name: 'mkdir',
  summary: 'Make directories.',
  usage: 'mkdir [OPTION]... DIRECTORY...',
  flags,
  async run(ctx) {
    const p = getopt(ctx.argv.slice(1), tableFromFlags(flags))
    if ('error' in p) return usageError(ctx, 'mkdir', p.error)
    if (p.operands.length === 0) return usageError(ctx, 'mkdir', 'missing operand')
    let status = 0
    for (const name of p.operands) {
      const path = ctx.fs.resolve(name)
      if (ctx.fs.exists(path)) {
        if (has(p, 'parents') && ctx.fs.isDir(path)) continue
        ctx.stderr(`mkdir: cannot create directory '${name}': File exists\n`)
        status = 1
        continue
      }
      if (!has(p, 'parents') && !ctx.fs.isDir(dirname(path))) {
        ctx.stderr(`mkdir: cannot create directory '${name}': No such file or directory\n`)
        status = 1
        continue
      }
      if (ctx.fs.readOnlyAt?.(path)) {
        // -p fails at the first folder it makes, and names it as typed
        let shown = name.replace(/\/+$/, '')
        for (let q = path; !ctx.fs.exists(dirname(q)); q = dirname(q)) shown = shown.slice(0, shown.lastIndexOf('/'))
        ctx.stderr(`mkdir: cannot create directory '${shown}': Read-only file system\n`)
        status = 1
        continue
      }
      ctx.fs.mkdir(path)
      if (has(p, 'verbose')) ctx.stdout(`mkdir: created directory '${name}'\n`)
    }
    return status
  },
}
