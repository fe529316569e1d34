// mkdir (coreutils): create directories in the home filesystem; -p makes parents, no error if existing;
// -m gives the new directory (not the parents -p makes) a mode, as chmod reads it, from 0777.
// (coreutils leaves the umask's bits off for a mode that only adds the sticky or set-id bits without
// saying whose, `-m +t`: 1755, where the lab gives 1777, as busybox's mkdir does.)

import type { CommandSpec, FlagSpec } from '../types'
import { dirname } from '../fs'
import { getopt, has, lastValue, tableFromFlags, usageError } from './util'
import { applyMode } from '../modes'

const flags: FlagSpec[] = [
  { name: 'mode', short: 'm', takesValue: true, help: 'give the new directory this mode (as chmod reads it), not 0777 less the umask' },
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
    const spec = lastValue(p, 'mode')
    const mode = spec === undefined ? undefined : applyMode(spec, 0o777, true)
    if (spec !== undefined && mode === undefined) {
      ctx.stderr(`mkdir: invalid mode '${spec}'\n`)
      return 1
    }
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
      if (mode !== undefined) ctx.fs.chmod?.(path, mode)
      if (has(p, 'verbose')) ctx.stdout(`mkdir: created directory '${name}'\n`)
    }
    return status
  },
}
