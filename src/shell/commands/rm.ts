// rm (coreutils): remove files; -r for directories, -f to ignore missing ones.

import type { CommandSpec, FlagSpec } from '../types'
import { getopt, has, tableFromFlags, usageError } from './util'

const flags: FlagSpec[] = [
  { name: 'force', short: 'f', takesValue: false, help: 'ignore nonexistent files and arguments, never prompt' },
  { name: 'recursive', short: 'r', takesValue: false, help: 'remove directories and their contents recursively' },
  { name: 'dir', short: 'd', takesValue: false, help: 'remove empty directories' },
  { name: 'verbose', short: 'v', takesValue: false, help: 'explain what is being done' },
]

export const rm: CommandSpec = {
  name: 'rm',
  summary: 'Remove files or directories.',
  usage: 'rm [OPTION]... [FILE]...',
  flags,
  async run(ctx) {
    const table = tableFromFlags(flags, 'Ri')
    table.alias = { ...table.alias, R: 'recursive' }
    const p = getopt(ctx.argv.slice(1), table)
    if ('error' in p) return usageError(ctx, 'rm', p.error)
    if (p.operands.length === 0) {
      if (has(p, 'force')) return 0
      return usageError(ctx, 'rm', 'missing operand')
    }
    let status = 0
    for (const name of p.operands) {
      const path = ctx.fs.resolve(name)
      if (!ctx.fs.exists(path)) {
        if (!has(p, 'force')) {
          ctx.stderr(`rm: cannot remove '${name}': No such file or directory\n`)
          status = 1
        }
        continue
      }
      if (ctx.fs.isDir(path)) {
        const empty = (ctx.fs.list(path) ?? []).length === 0
        if (!has(p, 'recursive') && !(has(p, 'dir') && empty)) {
          ctx.stderr(`rm: cannot remove '${name}': ${has(p, 'dir') ? 'Directory not empty' : 'Is a directory'}\n`)
          status = 1
          continue
        }
        if (path === '/' || path === ctx.fs.resolve('~')) {
          ctx.stderr(`rm: refusing to remove '${name}' in this lab\n`)
          status = 1
          continue
        }
      }
      if (ctx.fs.readOnlyAt?.(path)) {
        ctx.stderr(`rm: cannot remove '${name}': Read-only file system\n`)
        status = 1
        continue
      }
      ctx.fs.remove(path)
      if (has(p, 'verbose')) ctx.stdout(`removed ${ctx.fs.isDir(path) ? 'directory ' : ''}'${name}'\n`)
    }
    return status
  },
}
