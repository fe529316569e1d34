// Imitates: bash/builtins/type.def and command.def. `type` says what a name is (alias, keyword,
// function, builtin or the file on PATH); `command -v` prints it in a form to reuse;
// `command NAME ...` runs NAME skipping functions.

import { SHELL_BUILTINS, commandPath } from '../commands/which'
import { singleQuote, type BuiltinCall } from './host'

export const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'case', 'esac', 'for', 'select', 'while', 'until', 'do', 'done', 'in', 'function', 'time', '{', '}', '!', '[[', ']]', 'coproc'])
/** Builtins of bash that the lab implements as commands (they have a program file too, some of them). */
const ALSO_BUILTIN = new Set(['echo', 'printf', 'pwd', 'test', '[', 'true', 'false', ':', 'shopt', 'typeset', 'kill', 'let'])

export const isBuiltin = (name: string) => SHELL_BUILTINS.has(name) || ALSO_BUILTIN.has(name)

type Kind = 'alias' | 'keyword' | 'function' | 'builtin' | 'file'

function describe(c: BuiltinCall, name: string): { kind: Kind; path?: string }[] {
  const out: { kind: Kind; path?: string }[] = []
  if (c.h.rt.aliases.has(name)) out.push({ kind: 'alias' })
  if (KEYWORDS.has(name)) out.push({ kind: 'keyword' })
  if (c.h.functions.has(name)) out.push({ kind: 'function' })
  if (isBuiltin(name)) out.push({ kind: 'builtin' })
  const path = name.includes('/') ? (c.h.lookup(name.slice(name.lastIndexOf('/') + 1)) ? name : undefined) : commandPath(name, (n) => c.h.lookup(n) !== undefined)
  const fileToo = ALSO_BUILTIN.has(name) && !['[', ':', 'shopt', 'typeset', 'let'].includes(name) ? `/usr/bin/${name}` : undefined
  if (path ?? fileToo) out.push({ kind: 'file', path: path ?? fileToo })
  return out
}

function sentence(c: BuiltinCall, name: string, d: { kind: Kind; path?: string }): string {
  switch (d.kind) {
    case 'alias':
      return `${name} is aliased to \`${c.h.rt.aliases.get(name)}'\n`
    case 'keyword':
      return `${name} is a shell keyword\n`
    case 'function':
      return `${name} is a function\n`
    case 'builtin':
      return `${name} is a shell builtin\n`
    case 'file':
      return `${name} is ${d.path}\n`
  }
}

export function typeBuiltin(c: BuiltinCall): number {
  let mode: 't' | 'p' | 'P' | undefined
  let all = false
  const names: string[] = []
  for (const a of c.argv.slice(1)) {
    if (names.length === 0 && /^-[aftpP]+$/.test(a)) {
      for (const f of a.slice(1)) {
        if (f === 'a') all = true
        else if (f !== 'f') mode = f as 't' | 'p' | 'P'
      }
    } else names.push(a)
  }
  let status = 0
  for (const name of names) {
    let found = describe(c, name)
    if (mode === 'P' || mode === 'p') found = found.filter((d) => d.kind === 'file' || (mode === 'p' && false))
    if (!all) found = found.slice(0, 1)
    if (mode === 'p' && describe(c, name)[0]?.kind !== 'file') {
      // A builtin or function: `type -p` prints nothing, and that is no failure.
      if (describe(c, name).length === 0) status = 1
      continue
    }
    if (found.length === 0) {
      if (!mode) c.err(`bash: type: ${name}: not found\n`)
      status = 1
      continue
    }
    for (const d of found) c.out(mode === 't' ? `${d.kind}\n` : mode ? `${d.path}\n` : sentence(c, name, d))
  }
  return status
}

export async function commandBuiltin(c: BuiltinCall): Promise<number> {
  let args = c.argv.slice(1)
  let mode: 'v' | 'V' | undefined
  while (args.length && /^-[pvV]+$/.test(args[0])) {
    if (args[0].includes('V')) mode = 'V'
    else if (args[0].includes('v')) mode ??= 'v'
    args = args.slice(1)
  }
  if (args[0] === '--') args = args.slice(1)
  if (args.length === 0) return 0
  if (!mode) return c.h.runArgv(args, c.io, c.env)
  let status = 1
  for (const name of args) {
    const d = describe(c, name)[0]
    if (!d) {
      if (mode === 'V') c.err(`bash: command: ${name}: not found\n`)
      continue
    }
    status = 0
    if (mode === 'V') c.out(sentence(c, name, d))
    else c.out(d.kind === 'alias' ? `alias ${name}=${singleQuote(c.h.rt.aliases.get(name)!)}\n` : d.kind === 'file' ? `${d.path}\n` : `${name}\n`)
  }
  return status
}
