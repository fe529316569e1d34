// Imitates: bash/builtins/setattr.def (readonly): `readonly NAME[=VALUE]...` marks variables that no
// assignment, unset, export, read or for may change afterwards; `readonly` and `readonly -p` list
// them as `declare` commands with -r (bash's own readonly variables among them: bashVariables.ts).

import { builtinOptions, type BuiltinCall } from './host'
import { declaration } from './declare'

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

export function readonlyBuiltin(c: BuiltinCall): number {
  const { h, argv, env, err, out } = c
  const opts = builtinOptions(argv, 'pf')
  if ('bad' in opts) {
    err(`bash: readonly: -${opts.bad}: invalid option\nreadonly: usage: readonly [-aAf] [name[=value] ...] or readonly -p\n`)
    return 2
  }
  const print = opts.options.some(([f]) => f === 'p')
  // -f (functions): the lab marks no function readonly, so there is none to list or mark
  if (opts.options.some(([f]) => f === 'f')) return 0
  const names = argv.slice(opts.operands)
  if (names.length === 0) {
    for (const n of [...h.rt.readonly].sort()) out(declaration(c, n) ?? `declare -r ${n}\n`)
    return 0
  }
  // (bash 5.2 prints nothing for `readonly -p NAME`)
  if (print) return 0
  let status = 0
  for (const a of names) {
    const eq = a.indexOf('=')
    const name = eq < 0 ? a : a.slice(0, eq)
    if (!NAME.test(name)) {
      err(`bash: readonly: \`${a}': not a valid identifier\n`)
      status = 1
      continue
    }
    if (eq >= 0) {
      if (h.rt.readonly.has(name)) {
        err(`bash: ${name}: readonly variable\n`)
        status = 1
        continue
      }
      env.set(name, a.slice(eq + 1))
    }
    h.rt.readonly.add(name)
  }
  return status
}
