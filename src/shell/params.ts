// Imitates: bash/subst.c param_expand and variables.c dynamic variables. The special parameters
// (`$?`, `$$`, `$!`, `$-`, `$0`, `$#`, `$1`... `${10}`, `$@`, `$*`) and `$RANDOM`, read from the
// shell's runtime state; "$@" gives one field per positional parameter. bash's own: `$_`, `$BASHPID`
// and the dynamic variables of bashVariables.ts.

import type { ExpandContext } from './expand'
import { dynamicVariable } from './bashVariables'

/** bash's message for an unset name under `set -u` (positional parameters are shown as `$1`). */
export function unbound(name: string): string {
  return `${/^[0-9]+$/.test(name) || name === '!' ? `$${name}` : name}: unbound variable`
}

/** The fields of a quoted "$@" (undefined for any other parameter). */
export function positionalFields(name: string, ctx: ExpandContext): string[] | undefined {
  if (name !== '@') return undefined
  if (ctx.runtime) return ctx.runtime.positional
  const joined = ctx.env.get('@')
  return joined ? [joined] : []
}

/** A special parameter's value; undefined for ordinary names (and unset ones such as `$!`). */
export function specialParameter(name: string, ctx: ExpandContext): string | undefined {
  const rt = ctx.runtime
  if (!rt) return bareSpecial(name, ctx)
  if (/^[1-9][0-9]*$/.test(name)) return rt.positional[Number(name) - 1]
  switch (name) {
    case '?':
      return String(ctx.lastStatus())
    case '$':
      return String(rt.pid)
    case '#':
      return String(rt.positional.length)
    case '0':
      return rt.arg0
    case '-':
      return rt.flags()
    case '!':
      return rt.lastBackground || undefined
    case '@':
      return rt.positional.join(' ')
    case '*': {
      const ifs = ctx.env.get('IFS')
      return rt.positional.join(ifs === undefined ? ' ' : ifs.slice(0, 1))
    }
    case 'RANDOM':
      return String(rt.random())
  }
  if (rt.dialect !== 'bash') return undefined
  if (name === '_') return rt.lastArg
  if (name === 'LINENO') return String(rt.line)
  if (!rt.dynamic) return undefined
  if (name === 'BASHPID') {
    // a subshell's own pid is given when it is first asked for
    if (rt.ownPid === 0) rt.ownPid = rt.spawnPid()
    return String(rt.ownPid ?? rt.pid)
  }
  return dynamicVariable(name, rt.dynamic)
}

/** Without a runtime (tests of expansion alone): a shell with no parameters. */
function bareSpecial(name: string, ctx: ExpandContext): string | undefined {
  switch (name) {
    case '?':
      return String(ctx.lastStatus())
    case '$':
      return '1'
    case '#':
      return '0'
    case '0':
      return 'bash'
    case '-':
      return 'himBHs'
    case '!':
    case '@':
    case '*':
      return ''
  }
  if (/^[1-9][0-9]*$/.test(name)) return ''
  return undefined
}
