// Imitates: bash/builtins/shopt.def. `shopt` lists and changes bash's own options: `shopt` and
// `shopt NAME...` list them (`name<TAB>on|off`), -s and -u set and unset (alone: list those on or
// off), -p prints them as shopt commands, -q only answers by the status, -o works on `set -o`'s
// options instead. Every option of bash 5.2 is kept with its default; the lab acts on those that
// change what a command line does here: nullglob, failglob, dotglob, nocaseglob and globstar
// (glob.ts), nocasematch (case, [[ == ]] and [[ =~ ]]), and expand_aliases (a script expands
// aliases only with it).

import { builtinOptions, type BuiltinCall } from './host'
import { allOptionNames, SHOPT_NAMES } from '../runtime'

const KNOWN = new Set<string>(SHOPT_NAMES)
/** Options that say how the shell started: shopt -s and -u leave them. */
const READ_ONLY = new Set(['login_shell', 'restricted_shell'])
const USAGE = 'shopt: usage: shopt [-pqsu] [-o] [optname ...]\n'

const line = (name: string, on: boolean) => `${name.padEnd(15)}\t${on ? 'on' : 'off'}\n`

export function shoptBuiltin({ h, argv, out, err }: BuiltinCall): number {
  const read = builtinOptions(argv, 'pqsuo')
  if ('bad' in read) {
    err(`bash: shopt: -${read.bad}: invalid option\n${USAGE}`)
    return 2
  }
  const flags = new Set(read.options.map(([f]) => f))
  const i = read.operands
  if (flags.has('s') && flags.has('u')) {
    err('bash: shopt: cannot set and unset shell options simultaneously\n')
    return 1
  }
  const names = argv.slice(i)
  const dashO = flags.has('o')
  const on = dashO ? h.rt.options : h.rt.shopts
  const all: readonly string[] = dashO ? allOptionNames() : SHOPT_NAMES
  const known = dashO ? new Set(all) : KNOWN
  const invalid = (n: string) => err(`bash: shopt: ${n}: ${dashO ? 'invalid option name' : 'invalid shell option name'}\n`)
  const show = (n: string) => {
    if (flags.has('q')) return
    if (flags.has('p')) out(dashO ? `set ${on.has(n) ? '-o' : '+o'} ${n}\n` : `shopt ${on.has(n) ? '-s' : '-u'} ${n}\n`)
    else out(line(n, on.has(n)))
  }
  const change = flags.has('s') || flags.has('u')
  if (change && names.length > 0) {
    let status = 0
    for (const n of names) {
      if (!known.has(n)) {
        invalid(n)
        // (bash's -o path reports the name and still succeeds)
        if (!dashO) status = 1
        continue
      }
      if (READ_ONLY.has(n)) continue
      if (flags.has('s')) on.add(n)
      else on.delete(n)
    }
    return status
  }
  if (names.length === 0) {
    // all of them, or with -s / -u those on / off
    for (const n of all) if (!change || on.has(n) === flags.has('s')) show(n)
    return 0
  }
  let status = 0
  for (const n of names) {
    if (!known.has(n)) {
      invalid(n)
      status = 1
      continue
    }
    show(n)
    if (!on.has(n)) status = 1
  }
  return status
}
