// whoami and id (coreutils 9.1 src/whoami.c, src/id.c) on the workstation, where the student is
// root and root is the only user (uid 0, group 0). Their messages and exit statuses are
// coreutils' in the C locale; a user other than root is "no such user", as getpwnam finds none.

import type { CommandContext, CommandSpec } from '../types'
import { coreutilsFooter, coreutilsVersion, getopt, has, usageError } from './util'

/** The workstation's one user: root, in group root only. */
const ROOT = { uid: 0, name: 'root', gid: 0, group: 'root' }

const WHOAMI_HELP = `Usage: whoami [OPTION]...
Print the name of the user this shell runs as (on the workstation: root); the same as id -un.

      --help        display this help and exit
      --version     output version information and exit
${coreutilsFooter('whoami')}`

export const whoami: CommandSpec = {
  name: 'whoami',
  summary: 'Print the name of the current user (root on the workstation).',
  usage: 'whoami [OPTION]...',
  async run(ctx) {
    const p = getopt(ctx.argv.slice(1), { short: '', long: { help: false, version: false }, immediate: ['help', 'version'] })
    if ('error' in p) return usageError(ctx, 'whoami', p.error)
    if (has(p, 'help') || has(p, 'version')) {
      ctx.stdout(has(p, 'help') ? WHOAMI_HELP : coreutilsVersion('whoami', 'Richard Mlynarik'))
      return 0
    }
    if (p.operands.length) return usageError(ctx, 'whoami', `extra operand '${p.operands[0]}'`)
    ctx.stdout(`${ROOT.name}\n`)
    return 0
  },
}

const ID_HELP = `Usage: id [OPTION]... [USER]...
Print the user and group IDs and names of each USER, or of this shell's user when none is given.

  -a             accepted and ignored
  -Z, --context  print only the security context (needs SELinux, which the workstation has not)
  -g, --group    print only the effective group ID
  -G, --groups   print all group IDs
  -n, --name     with -u, -g or -G: print names instead of numbers
  -r, --real     with -u, -g or -G: print the real ID instead of the effective one
  -u, --user     print only the effective user ID
  -z, --zero     end each entry with a NUL instead of a space or newline (not in the
                   default format)
      --help        display this help and exit
      --version     output version information and exit

Without an option, print uid, gid and groups, each with its name.
${coreutilsFooter('id')}`

const ID_LONG = { context: false, group: false, groups: false, name: false, real: false, user: false, zero: false, help: false, version: false }
const ID_ALIAS = { Z: 'context', g: 'group', G: 'groups', n: 'name', r: 'real', u: 'user', z: 'zero' }

export const id: CommandSpec = {
  name: 'id',
  summary: "Print a user's user and group IDs (root's on the workstation).",
  usage: 'id [OPTION]... [USER]...',
  async run(ctx: CommandContext) {
    const p = getopt(ctx.argv.slice(1), { short: 'aZgGnruz', long: ID_LONG, alias: ID_ALIAS, immediate: ['help', 'version'] })
    if ('error' in p) return usageError(ctx, 'id', p.error)
    if (has(p, 'help') || has(p, 'version')) {
      ctx.stdout(has(p, 'help') ? ID_HELP : coreutilsVersion('id', 'Arnold Robbins and David MacKenzie'))
      return 0
    }
    const fail = (message: string) => {
      ctx.stderr(`id: ${message}\n`)
      return 1
    }
    // id.c checks these in this order, before it looks at any user
    if (has(p, 'context')) return fail('--context (-Z) works only on an SELinux-enabled kernel')
    const only = ['user', 'group', 'groups'].filter((k) => has(p, k))
    if (only.length > 1) return fail('cannot print "only" of more than one choice')
    const defaultFormat = only.length === 0
    if (defaultFormat && (has(p, 'name') || has(p, 'real'))) return fail('cannot print only names or real IDs in default format')
    const zero = has(p, 'zero')
    if (defaultFormat && zero) return fail('option --zero not permitted in default format')
    const users = p.operands.length ? p.operands : [undefined]
    const names = has(p, 'name')
    const end = zero ? '\0' : '\n'
    let status = 0
    for (const u of users) {
      // getpwnam, then (for a number) getpwuid: only root is known; the empty name leaves errno
      // at ENOENT, which id adds to its message
      if (u !== undefined && u !== ROOT.name && u !== String(ROOT.uid)) {
        ctx.stderr(`id: '${u}': no such user${u === '' ? ': No such file or directory' : ''}\n`)
        status = 1
        continue
      }
      if (only[0] === 'user') ctx.stdout(`${names ? ROOT.name : ROOT.uid}${end}`)
      else if (only[0] === 'group' || only[0] === 'groups') ctx.stdout(`${names ? ROOT.group : ROOT.gid}${end}`)
      else ctx.stdout(`uid=${ROOT.uid}(${ROOT.name}) gid=${ROOT.gid}(${ROOT.group}) groups=${ROOT.gid}(${ROOT.group})\n`)
    }
    return status
  },
}
