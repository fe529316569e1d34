// Imitates: bash/builtins/declare.def. `declare`/`typeset` with -x (export), -r (readonly), -i
// (integer: values are evaluated as arithmetic), -a and -A (indexed and associative arrays), -p
// (print as a declare command), -g, -f and -F (functions); inside a function it declares locals, as
// `local` does.

import { FunctionScope } from '../compoundExec'
import { functionText } from '../funcText'
import { evalArithmetic } from '../arith'
import { declareQuote, type BuiltinCall } from './host'
import { AssocArray } from '../assocArray'
import { IndexedArray, arrayOf, declareArray, declareEmptyArray, setArray, variableNames } from '../arrays'

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

/** bash's attributes the lab does not keep: said so, with what works instead. */
const UNSIMULATED: Record<string, string> = {
  n: 'name references are not simulated in the lab',
  l: 'the lowercase attribute is not simulated in the lab; ${NAME,,} gives the value in lowercase',
  u: 'the uppercase attribute is not simulated in the lab; ${NAME^^} gives the value in uppercase',
  t: 'the trace attribute is not simulated in the lab',
  I: 'inheriting attributes is not simulated in the lab',
}

/** `declare -p` text of one variable. */
export function declaration(c: BuiltinCall, name: string): string | undefined {
  const arr = arrayOf(c.env, name) ?? c.env.assoc(name)
  const flags = `${c.h.rt.readonly.has(name) ? 'r' : ''}${c.env.isExported(name) ? 'x' : ''}`
  if (arr) return declareArray(name, arr, flags)
  const v = c.env.get(name)
  if (v === undefined) return undefined
  let scalar = ''
  if (c.h.rt.integer.has(name)) scalar += 'i'
  scalar += flags
  return `declare -${scalar || '-'} ${name}=${declareQuote(v)}\n`
}

/**
 * -f: the functions (all of them, sorted, or those named) as bash prints their definitions; -F: their
 * names only (`declare -f NAME` lines for all of them). A name that is no function: status 1, silently.
 */
function declareFunctions(c: BuiltinCall, names: string[], namesOnly: boolean): number {
  const fns = c.h.functions
  if (names.length === 0) {
    for (const n of [...fns.keys()].sort()) c.out(namesOnly ? `declare -f ${n}\n` : functionText(n, fns.get(n)!))
    return 0
  }
  let status = 0
  for (const n of names) {
    const body = fns.get(n)
    if (body) c.out(namesOnly ? `${n}\n` : functionText(n, body))
    else status = 1
  }
  return status
}

export function declareBuiltin(c: BuiltinCall): number {
  const { h, argv, env, err } = c
  const on = new Set<string>()
  const off = new Set<string>()
  let i = 1
  for (; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--') {
      i++
      break
    }
    if (!/^[-+][a-zA-Z]+$/.test(a)) break
    for (const f of a.slice(1)) {
      const missing = UNSIMULATED[f]
      if (missing) {
        err(`bash: ${argv[0]}: ${a[0]}${f}: ${missing}\n`)
        return 2
      }
      if (!'xrigpfFaA'.includes(f)) {
        err(`bash: ${argv[0]}: ${a[0]}${f}: invalid option\n${argv[0]}: usage: ${argv[0]} [-aAfFgiIlnrtux] [name[=value] ...] or ${argv[0]} -p [-aAfFilnrtux] [name ...]\n`)
        return 2
      }
      ;(a[0] === '-' ? on : off).add(f)
    }
  }
  const names = argv.slice(i)
  if (on.has('f') || on.has('F')) return declareFunctions(c, names, on.has('F'))
  if (names.length === 0) {
    // all of them, those with the attributes asked for, or `local`'s: the function's own (declared and unset too)
    if (argv[0] === 'local' && env instanceof FunctionScope) {
      for (const n of env.localNames()) c.out(declaration(c, n) ?? `declare -- ${n}\n`)
      return 0
    }
    const has: Record<string, (n: string) => boolean> = {
      x: (n) => env.isExported(n), r: (n) => h.rt.readonly.has(n), i: (n) => h.rt.integer.has(n), a: (n) => env.array(n) !== undefined,
      A: (n) => env.assoc(n) !== undefined,
    }
    const wanted = [...on].filter((f) => has[f])
    for (const n of variableNames(env)) if (wanted.every((f) => has[f]!(n))) c.out(declaration(c, n) ?? '')
    return 0
  }
  if (on.has('p')) {
    let status = 0
    for (const n of names) {
      const text = declaration(c, n)
      if (text === undefined) {
        err(`bash: ${argv[0]}: ${n}: not found\n`)
        status = 1
      } else c.out(text)
    }
    return status
  }
  let status = 0
  const local = env instanceof FunctionScope && !on.has('g')
  for (const a of names) {
    const eq = a.indexOf('=')
    const name = eq < 0 ? a : a.slice(0, eq)
    if (!NAME.test(name)) {
      err(`bash: ${argv[0]}: \`${a}': not a valid identifier\n`)
      status = 1
      continue
    }
    if (h.rt.readonly.has(name) && (eq >= 0 || off.has('r'))) {
      err(`bash: ${argv[0]}: ${name}: readonly variable\n`)
      status = 1
      continue
    }
    if (on.has('i')) h.rt.integer.add(name)
    if (off.has('i')) h.rt.integer.delete(name)
    let value = eq < 0 ? undefined : a.slice(eq + 1)
    if (value !== undefined && h.rt.integer.has(name)) {
      const r = evalArithmetic(value, env)
      if (typeof r === 'string') {
        err(`bash: ${r}\n`)
        status = 1
        continue
      }
      value = String(r)
    }
    if (on.has('A') && arrayOf(env, name)) {
      err(`bash: ${argv[0]}: ${name}: cannot convert indexed to associative array\n`)
      status = 1
      continue
    }
    if (local) (env as FunctionScope).declare(name, value)
    else if (value !== undefined && !on.has('a') && !on.has('A')) env.set(name, value)
    // -a: an (indexed) array (the function's own, after local), empty unless the name had a value; -A: an associative one
    const had = value ?? env.get(name)
    if (on.has('A') && !env.assoc(name)) {
      const m = new AssocArray()
      if (had === undefined) m.bare = true
      else m.set('0', had)
      env.putArray(name, m)
    }
    if (on.has('a') && !arrayOf(env, name) && !env.assoc(name)) {
      if (had === undefined) declareEmptyArray(env, name)
      else setArray(env, name, IndexedArray.list([had]))
    }
    if (on.has('x')) env.export(name)
    if (on.has('r')) h.rt.readonly.add(name)
  }
  return status
}
