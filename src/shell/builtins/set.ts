// Imitates: bash/builtins/set.def and shift.def. `set` with no arguments lists the variables;
// `set -eux`, `set -o pipefail`, `set +o`, `set -o` change or list options; `set -- a b` and
// `set a b` replace the positional parameters; `shift [n]` drops the first n of them.

import { LONG_ONLY, OPTION_LETTERS, allOptionNames } from '../runtime'
import { ansiCQuote, hasControl, singleQuote, type BuiltinCall } from './host'
import { arrayValue, assocValue, variableNames } from '../arrays'

const SET_USAGE = 'set: usage: set [-abefhkmnptuvxBCEHPT] [-o option-name] [--] [-] [arg ...]\n'
const LETTER = new Map(OPTION_LETTERS)
const SETTABLE = new Set([...OPTION_LETTERS.map(([, n]) => n).filter((n) => n !== 'interactive'), ...LONG_ONLY])

export function setBuiltin({ h, argv, env, out, err }: BuiltinCall): number {
  if (argv.length === 1) {
    let text = ''
    for (const k of variableNames(env)) {
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(k)) continue
      const arr = env.array(k)
      const assoc = env.assoc(k)
      // (a bare `declare -a` or `-A` is not listed)
      if (arr) text += arr.bare ? '' : `${k}=${arrayValue(arr)}\n`
      else if (assoc) text += assoc.bare ? '' : `${k}=${assocValue(assoc)}\n`
      else text += `${k}=${quoteValue(env.get(k) ?? '')}\n`
    }
    out(text)
    return 0
  }
  const opts = h.rt.options
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--') {
      h.rt.positional = argv.slice(i + 1)
      return 0
    }
    if (a === '-' || a === '+') {
      opts.delete('xtrace')
      opts.delete('verbose')
      if (i + 1 < argv.length) h.rt.positional = argv.slice(i + 1)
      return 0
    }
    const on = a[0] === '-'
    if (!on && a[0] !== '+') {
      h.rt.positional = argv.slice(i)
      return 0
    }
    for (let j = 1; j < a.length; j++) {
      const f = a[j]
      if (f === 'o') {
        const name = argv[i + 1]
        if (name === undefined) {
          listOptions(h.rt.options, on, out)
          continue
        }
        i++
        if (!SETTABLE.has(name)) {
          err(`bash: set: ${name}: invalid option name\n`)
          return 2
        }
        if (on) opts.add(name)
        else opts.delete(name)
        continue
      }
      const name = LETTER.get(f)
      if (name === undefined || f === 'i') {
        err(`bash: set: ${a[0]}${f}: invalid option\n${SET_USAGE}`)
        return 2
      }
      if (on) opts.add(name)
      else opts.delete(name)
    }
  }
  return 0
}

function listOptions(opts: Set<string>, dashO: boolean, out: (t: string) => void): void {
  let text = ''
  for (const n of allOptionNames()) {
    text += dashO ? `${n.padEnd(15)}\t${opts.has(n) ? 'on' : 'off'}\n` : `set ${opts.has(n) ? '-o' : '+o'} ${n}\n`
  }
  out(text)
}

/** A value as `set` prints it: bare when safe, else in single quotes ($'...' for control characters). */
function quoteValue(v: string): string {
  if (/^[A-Za-z0-9_./:,@%+=-]*$/.test(v)) return v
  if (hasControl(v)) return ansiCQuote(v)
  return singleQuote(v)
}

export function shiftBuiltin({ h, argv, err }: BuiltinCall): number {
  const arg = argv[1]
  if (arg !== undefined && !/^-?[0-9]+$/.test(arg.trim())) {
    err(`bash: shift: ${arg}: numeric argument required\n`)
    return 1
  }
  const n = arg === undefined ? 1 : Number(arg)
  if (n < 0) {
    err(`bash: shift: ${arg}: shift count out of range\n`)
    return 1
  }
  if (n > h.rt.positional.length) return 1
  h.rt.positional = h.rt.positional.slice(n)
  return 0
}
