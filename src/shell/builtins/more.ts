// Imitates: bash/builtins/umask.def, let.def and builtin.def: the umask (kept per shell; the lab's
// files keep the modes they are made with whatever it says), arithmetic with `let`, and running a
// builtin past a function of the same name.

import { evalArithmetic } from '../arith'
import { isBuiltin } from './describe'
import type { BuiltinCall } from './host'

const UMASK_USAGE = 'umask: usage: umask [-p] [-S] [mode]\n'

/** `u=rwx,g=rx,o=rx`: what the umask leaves on. */
function symbolic(umask: number): string {
  const allowed = ~umask & 0o777
  const part = (shift: number) => ['r', 'w', 'x'].filter((_, i) => allowed & (0o4 >> i) << shift).join('')
  return `u=${part(6)},g=${part(3)},o=${part(0)}`
}

/** bash's parse_symbolic_mode over the permissions the umask leaves on; a string is the error. */
function applySymbolic(mode: string, bits: number): number | string {
  let s = 0
  for (;;) {
    let who = 0
    while ('agou'.includes(mode[s] ?? '\0') && s < mode.length) {
      const c = mode[s++]
      who |= c === 'u' ? 0o700 : c === 'g' ? 0o070 : c === 'o' ? 0o007 : 0o777
    }
    const op = mode[s++] ?? '\0' // bash prints the NUL it read past the end
    if (op !== '+' && op !== '-' && op !== '=') return `\`${op}': invalid symbolic mode operator`
    let perm = 0
    while (s < mode.length && 'rwx'.includes(mode[s])) {
      const c = mode[s++]
      perm |= c === 'r' ? 0o444 : c === 'w' ? 0o222 : 0o111
    }
    if (s < mode.length && mode[s] !== ',') return `\`${mode[s]}': invalid symbolic mode character`
    if (who) perm &= who
    if (op === '+') bits |= perm
    else if (op === '-') bits &= ~perm
    else bits = (bits & ~(who || 0o777)) | perm
    if (s >= mode.length) return bits
    s++
  }
}

export function umaskBuiltin(c: BuiltinCall): number {
  let portable = false
  let symbolicOut = false
  const args = c.argv.slice(1)
  while (args.length && args[0].startsWith('-') && args[0] !== '-') {
    const a = args.shift()!
    if (a === '--') break
    for (const f of a.slice(1)) {
      if (f === 'p') portable = true
      else if (f === 'S') symbolicOut = true
      else {
        c.err(`bash: umask: -${f}: invalid option\n${UMASK_USAGE}`)
        return 2
      }
    }
  }
  const mode = args[0]
  if (mode === undefined) {
    const shown = symbolicOut ? symbolic(c.h.rt.umask) : c.h.rt.umask.toString(8).padStart(4, '0')
    c.out(`${portable ? `umask ${symbolicOut ? '-S ' : ''}` : ''}${shown}\n`)
    return 0
  }
  if (/^[0-9]/.test(mode)) {
    // read_octal: octal digits only, at most 07777; the mask keeps the permission bits
    const value = /^[0-7]+$/.test(mode) ? parseInt(mode, 8) : NaN
    if (!(value <= 0o7777)) {
      c.err(`bash: umask: ${mode}: octal number out of range\n`)
      return 1
    }
    c.h.rt.umask = value & 0o777
  } else {
    const bits = applySymbolic(mode, ~c.h.rt.umask & 0o777)
    if (typeof bits === 'string') {
      c.err(`bash: umask: ${bits}\n`)
      return 1
    }
    c.h.rt.umask = ~bits & 0o777
  }
  if (symbolicOut) c.out(`${symbolic(c.h.rt.umask)}\n`)
  return 0
}

export function letBuiltin(c: BuiltinCall): number {
  const exprs = c.argv.slice(1)
  if (exprs.length === 0) {
    c.err('bash: let: expression expected\n')
    return 1
  }
  let last = 0n
  for (const e of exprs) {
    const r = evalArithmetic(e, c.env)
    if (typeof r === 'string') {
      c.err(`bash: let: ${r}\n`)
      return 1
    }
    last = r
  }
  return last === 0n ? 1 : 0
}

export async function builtinBuiltin(c: BuiltinCall): Promise<number> {
  let args = c.argv.slice(1)
  if (args[0] === '--') args = args.slice(1)
  else if (args[0]?.startsWith('-') && args[0] !== '-') {
    c.err(`bash: builtin: ${args[0].slice(0, 2)}: invalid option\nbuiltin: usage: builtin [shell-builtin [arg ...]]\n`)
    return 2
  }
  if (args.length === 0) return 0
  if (!isBuiltin(args[0])) {
    c.err(`bash: builtin: ${args[0]}: not a shell builtin\n`)
    return 1
  }
  return c.h.runArgv(args, c.io, c.env)
}
