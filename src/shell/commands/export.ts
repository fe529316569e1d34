// The bash builtins export and unset (builtins/setattr.def, set.def).

import type { CommandContext, CommandSpec } from '../types'
import { arrayOf, assocToVariable, firstToVariable, resolveIndex, unsetArray, writableArray, writableAssoc } from '../arrays'
import { evalArithmetic } from '../arith'
import { declareQuote } from '../builtins/host'

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

export const exportCommand: CommandSpec = {
  name: 'export',
  summary: 'Set the export attribute for shell variables.',
  usage: 'export [-n] [-p] [name[=value] ...]',
  flags: [
    { name: 'p', short: 'p', takesValue: false, help: 'list all exported variables' },
    { name: 'n', short: 'n', takesValue: false, help: 'remove the export property from each NAME' },
  ],
  async run(ctx) {
    let args = ctx.argv.slice(1)
    let unexport = false
    while (args.length && /^-[pn]+$/.test(args[0])) {
      if (args[0].includes('n')) unexport = true
      args = args.slice(1)
    }
    if (args[0] === '--') args = args.slice(1)
    else if (args.length && args[0].startsWith('-') && args[0] !== '-') {
      ctx.stderr(`bash: export: ${args[0].slice(0, 2)}: invalid option\nexport: usage: export [-fn] [name[=value] ...] or export -p\n`)
      return 2
    }
    if (args.length === 0) {
      printExports(ctx)
      return 0
    }
    let status = 0
    for (const a of args) {
      const eq = a.indexOf('=')
      const name = eq < 0 ? a : a.slice(0, eq)
      if (!NAME.test(name)) {
        ctx.stderr(`bash: export: \`${a}': not a valid identifier\n`)
        status = 1
        continue
      }
      if (eq >= 0 && ctx.shell.isReadonly?.(name)) {
        ctx.stderr(`bash: ${name}: readonly variable\n`)
        status = 1
        continue
      }
      if (eq >= 0) ctx.env.set(name, a.slice(eq + 1))
      if (unexport) {
        const v = ctx.env.get(name)
        ctx.env.unset(name)
        if (v !== undefined) ctx.env.set(name, v)
      } else ctx.env.export(name)
    }
    return status
  },
}

function printExports(ctx: CommandContext): void {
  const vars = ctx.env.exported()
  let out = ''
  for (const k of Object.keys(vars).sort()) out += `declare -x ${k}=${declareQuote(vars[k])}\n`
  ctx.stdout(out)
}

export const unset: CommandSpec = {
  name: 'unset',
  summary: 'Unset values and attributes of shell variables and functions.',
  usage: 'unset [-f] [-v] [-n] [name ...]',
  async run(ctx) {
    let status = 0
    // -f: functions only; -v: variables only; -n: the variable itself (the lab has no namerefs: as -v)
    const only = { f: false, v: false }
    let i = 1
    for (; i < ctx.argv.length; i++) {
      const a = ctx.argv[i]
      if (a === '--') {
        i++
        break
      }
      if (!a.startsWith('-') || a === '-') break
      for (const letter of a.slice(1)) {
        if (letter !== 'f' && letter !== 'v' && letter !== 'n') {
          ctx.stderr(`bash: unset: -${letter}: invalid option\nunset: usage: unset [-f] [-v] [-n] [name ...]\n`)
          return 2
        }
        if (letter === 'f') only.f = true
        else only.v = true
      }
    }
    if (only.f && only.v) {
      ctx.stderr('bash: unset: cannot simultaneously unset a function and a variable\n')
      return 1
    }
    const functions = ctx.shell.functions
    for (const a of ctx.argv.slice(i)) {
      // (a function's name need not be an identifier outside POSIX mode: bash 5.2 looks it up as it is)
      if (only.f) {
        functions?.delete(a)
        continue
      }
      // `unset 'a[1]'`: one element of an array
      const el = /^([A-Za-z_][A-Za-z0-9_]*)\[([^\]]+)\]$/.exec(a)
      if (el && !ctx.shell.isReadonly?.(el[1]) && ctx.env.assoc(el[1])) {
        // an associative array's element: the key as it is
        const m = writableAssoc(ctx.env, el[1])
        m.delete(el[2])
        if (el[2] === '0') assocToVariable(ctx.env, el[1], m)
        continue
      }
      if (el && !ctx.shell.isReadonly?.(el[1])) {
        const arr = arrayOf(ctx.env, el[1])
        const r = evalArithmetic(el[2], ctx.env)
        const index = arr && typeof r !== 'string' ? resolveIndex(arr, r) : undefined
        if (arr && index !== undefined) {
          const els = writableArray(ctx.env, el[1])
          els.delete(index)
          if (index === 0) firstToVariable(ctx.env, el[1], els)
        } else if (!arr && r === 0n) ctx.env.unset(el[1])
        continue
      }
      if (!NAME.test(a)) {
        // without -v, a name no variable can have may still be a function's (and is none: nothing to say)
        if (only.v) {
          ctx.stderr(`bash: unset: \`${a}': not a valid identifier\n`)
          status = 1
        } else functions?.delete(a)
        continue
      }
      if (ctx.shell.isReadonly?.(a)) {
        ctx.stderr(`bash: unset: ${a}: cannot unset: readonly variable\n`)
        status = 1
        continue
      }
      // no variable by that name: the function by that name (POSIX: variables first, then functions)
      if (!only.v && ctx.env.get(a) === undefined && !arrayOf(ctx.env, a) && !ctx.env.assoc(a) && functions?.has(a)) {
        functions.delete(a)
        continue
      }
      ctx.env.unset(a)
      unsetArray(ctx.env, a)
    }
    return status
  },
}
