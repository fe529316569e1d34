// rm (coreutils): remove files; -r for directories, -f to ignore missing ones; -i asks before each
// removal on standard error and reads the answer, a line of standard input (yes when it starts with
// y; none at its end), going into a directory only when told yes. The last of -f and -i counts.

import type { CommandSpec, FlagSpec } from '../types'
import { getopt, has, tableFromFlags, usageError } from './util'

const flags: FlagSpec[] = [
  { name: 'force', short: 'f', takesValue: false, help: 'ignore nonexistent files and arguments, never prompt' },
  { name: 'interactive', short: 'i', takesValue: false, help: 'ask before every removal' },
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
    const table = tableFromFlags(flags, 'R')
    table.alias = { ...table.alias, R: 'recursive' }
    const p = getopt(ctx.argv.slice(1), table)
    if ('error' in p) return usageError(ctx, 'rm', p.error)
    if (p.operands.length === 0) {
      if (has(p, 'force')) return 0
      return usageError(ctx, 'rm', 'missing operand')
    }
    const last = p.opts.filter((o) => o.key === 'force' || o.key === 'interactive').pop()?.key
    const answers = ctx.stdin.split('\n')
    let told = false
    const ask = (question: string) => {
      ctx.stderr(`rm: ${question}? `)
      // typed at the prompt, a real rm would wait for the answer: the lab cannot, and says so once
      if (ctx.stdinIsTTY && !told) {
        told = true
        ctx.stderr("\nlab: rm -i cannot wait for your answer at the lab's prompt (taken as no); give the answers on its input instead, as in: yes | rm -i FILE\n")
      }
      return /^[yY]/.test(answers.shift() ?? '')
    }
    // (busybox's rm, in a busybox image's ash, asks to descend into a directory even when it is empty)
    const descendEmpty = ctx.shell.dialect === 'ash'
    /** -i: ask for each entry, a directory's own after what it holds (entered only when told yes). */
    const removeAsking = (name: string, path: string): void => {
      if (ctx.fs.isDir(path)) {
        const entries = ctx.fs.list(path) ?? []
        if (entries.length > 0 || descendEmpty) {
          if (!ask(`descend into directory '${name}'`)) return
          for (const e of entries) removeAsking(name.endsWith('/') ? `${name}${e}` : `${name}/${e}`, `${path}/${e}`)
          if ((ctx.fs.list(path) ?? []).length > 0) return
        }
        if (ask(`remove directory '${name}'`)) removed(name, path, 'directory ')
        return
      }
      if (ask(`remove regular ${ctx.fs.readFile(path) === '' ? 'empty ' : ''}file '${name}'`)) removed(name, path, '')
    }
    const removed = (name: string, path: string, kind: string) => {
      ctx.fs.remove(path)
      if (has(p, 'verbose')) ctx.stdout(`removed ${kind}'${name}'\n`)
    }
    let status = 0
    for (const name of p.operands) {
      const path = ctx.fs.resolve(name)
      if (!ctx.fs.exists(path)) {
        if (last !== 'force') {
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
      if (last === 'interactive') {
        removeAsking(name, path)
        continue
      }
      ctx.fs.remove(path)
      if (has(p, 'verbose')) ctx.stdout(`removed ${ctx.fs.isDir(path) ? 'directory ' : ''}'${name}'\n`)
    }
    return status
  },
}
