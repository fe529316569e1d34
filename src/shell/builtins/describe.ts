// Imitates: bash/builtins/type.def and command.def; for a container's sh, describe_command in
// busybox's shell/ash.c and dash's src/exec.c. `type` says what a name is (alias, keyword,
// function, builtin, or the file on PATH); `command -v` prints it in a form to reuse;
// `command NAME ...` runs NAME skipping functions.

import { functionText } from '../funcText'
import { SHELL_BUILTINS } from '../commands/which'
import type { ShellDialect } from '../types'
import { singleQuote, type BuiltinCall } from './host'

export const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'case', 'esac', 'for', 'select', 'while', 'until', 'do', 'done', 'in', 'function', 'time', '{', '}', '!', '[[', ']]', 'coproc'])
/** Builtins of bash that the lab implements as commands (they have a program file too, some of them). */
const ALSO_BUILTIN = new Set(['echo', 'printf', 'pwd', 'test', '[', 'true', 'false', ':', 'shopt', 'typeset', 'kill', 'let'])

export const isBuiltin = (name: string) => SHELL_BUILTINS.has(name) || ALSO_BUILTIN.has(name)

/** What a POSIX sh (busybox ash, dash) has of its own: `type` calls the special builtins so. */
interface PosixNames {
  keywords: Set<string>
  special: Set<string>
  regular: Set<string>
}
const POSIX_KEYWORDS = ['!', '{', '}', 'case', 'do', 'done', 'elif', 'else', 'esac', 'fi', 'for', 'if', 'in', 'then', 'until', 'while']
const POSIX_SPECIAL = ['.', ':', 'break', 'continue', 'eval', 'exec', 'exit', 'export', 'local', 'readonly', 'return', 'set', 'shift', 'times', 'trap', 'unset']
const POSIX_REGULAR = ['[', 'alias', 'bg', 'cd', 'chdir', 'command', 'echo', 'false', 'fg', 'getopts', 'hash', 'jobs', 'kill', 'printf', 'pwd', 'read', 'test', 'true', 'type', 'ulimit', 'umask', 'unalias', 'wait']
const POSIX: Record<Exclude<ShellDialect, 'bash'>, PosixNames> = {
  // busybox 1.36 as Debian and Alpine build it (ASH_BASH_COMPAT: `[[`, `source`, `function`; `let`, `help`, `history`)
  ash: { keywords: new Set([...POSIX_KEYWORDS, 'function']), special: new Set([...POSIX_SPECIAL, 'source']), regular: new Set([...POSIX_REGULAR, '[[', 'help', 'history', 'let']) },
  dash: { keywords: new Set(POSIX_KEYWORDS), special: new Set(POSIX_SPECIAL), regular: new Set(POSIX_REGULAR) },
}

/** Whether NAME is a builtin of this shell (it runs without a program, so it is never hashed). */
export function isBuiltinOf(dialect: ShellDialect, name: string): boolean {
  if (dialect === 'bash') return isBuiltin(name)
  return POSIX[dialect].special.has(name) || POSIX[dialect].regular.has(name)
}

type Kind = 'alias' | 'keyword' | 'function' | 'builtin' | 'special' | 'file'
interface Found {
  kind: Kind
  path?: string
  /** Found in the shell's table of the programs it ran (bash: hashed; dash: a tracked alias). */
  hashed?: boolean
}

/**
 * What NAME is, in the order the shell looks (bash: alias, keyword; ash and dash: keyword, alias;
 * then function, builtin, file), the first only unless `all`. `all`: also every file on PATH,
 * none of them from the table. `pathOnly` (bash's type -P): the file alone.
 */
function describe(c: BuiltinCall, name: string, { all = false, pathOnly = false } = {}): Found[] {
  const out: Found[] = []
  const { dialect } = c.h
  const alias = !pathOnly && c.h.rt.aliases.has(name)
  const posix = dialect === 'bash' ? undefined : POSIX[dialect]
  if (!pathOnly) {
    if (alias && !posix) out.push({ kind: 'alias' })
    if ((posix?.keywords ?? KEYWORDS).has(name)) out.push({ kind: 'keyword' })
    if (alias && posix) out.push({ kind: 'alias' })
    if (c.h.functions.has(name)) out.push({ kind: 'function' })
    if (posix?.special.has(name)) out.push({ kind: 'special' })
    else if (posix ? posix.regular.has(name) : isBuiltin(name)) out.push({ kind: 'builtin' })
  }
  // the shell stops at the first answer: the table is not looked at (no hit counted) after one
  if (!all && out.length > 0) return out.slice(0, 1)
  const hashed = all || name.includes('/') ? undefined : c.h.rt.hash.under(c.env.get('PATH')).find(name)
  if (hashed !== undefined) return [...out, { kind: 'file', path: hashed, hashed: true }]
  const paths = c.h.pathsOf(name)
  for (const path of all ? paths : paths.slice(0, 1)) out.push({ kind: 'file', path })
  // bash's echo, printf, ... are builtins with a program file too
  if (!posix && paths.length === 0 && ALSO_BUILTIN.has(name) && !['[', ':', 'shopt', 'typeset', 'let'].includes(name)) out.push({ kind: 'file', path: `/usr/bin/${name}` })
  return out
}

/** `type NAME` and `command -V NAME`: one line saying what NAME is. */
function sentence(c: BuiltinCall, name: string, d: Found): string {
  const bash = c.h.dialect === 'bash'
  switch (d.kind) {
    case 'alias':
      return bash ? `${name} is aliased to \`${c.h.rt.aliases.get(name)}'\n` : `${name} is an alias for ${c.h.rt.aliases.get(name)}\n`
    case 'keyword':
      return `${name} is a shell keyword\n`
    case 'function': {
      if (c.h.dialect === 'dash') return `${name} is a shell function\n`
      // bash goes on with the definition, as declare -f prints it
      const body = bash ? c.h.functions.get(name) : undefined
      return `${name} is a function\n${body ? functionText(name, body) : ''}`
    }
    case 'builtin':
      return `${name} is a shell builtin\n`
    case 'special':
      return `${name} is a special shell builtin\n`
    case 'file':
      // busybox's ash does not say the path came from its table
      if (d.hashed && bash) return `${name} is hashed (${d.path})\n`
      if (d.hashed && c.h.dialect === 'dash') return `${name} is a tracked alias for ${d.path}\n`
      return `${name} is ${d.path}\n`
  }
}

/** `command -v NAME`: the name again for what is no file, an alias as the line that defines it. */
function reusable(c: BuiltinCall, name: string, d: Found): string {
  if (d.kind === 'alias') return `alias ${name}=${singleQuote(c.h.rt.aliases.get(name)!)}\n`
  return d.kind === 'file' ? `${d.path}\n` : `${name}\n`
}

export function typeBuiltin(c: BuiltinCall): number {
  return c.h.dialect === 'bash' ? bashType(c) : posixType(c)
}

/**
 * dash's type takes every word for a name; busybox's takes a first word starting with `-` for
 * `command -v`'s brevity. A name not found: `NAME: not found` on standard output, status 127.
 */
function posixType(c: BuiltinCall): number {
  let names = c.argv.slice(1)
  const brief = c.h.dialect === 'ash' && names[0]?.startsWith('-')
  if (brief) names = names.slice(1)
  let status = 0
  for (const name of names) {
    const d = describe(c, name)[0]
    if (!d) {
      if (!brief) c.out(`${name}: not found\n`)
      status = 127
    } else c.out(brief ? reusable(c, name, d) : sentence(c, name, d))
  }
  return status
}

function bashType(c: BuiltinCall): number {
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
    // -P looks on PATH whatever else the name is (the table first, unless -a)
    let found = describe(c, name, { all, pathOnly: mode === 'P' })
    if (mode === 'p' && found[0] && found[0].kind !== 'file') continue // a builtin or function: nothing printed, no failure
    if (!all) found = found.slice(0, 1)
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
  if (c.h.dialect !== 'bash') {
    // ash and dash describe the first name only; one not found is 127 (-V says so on standard output)
    const d = describe(c, args[0])[0]
    if (d) c.out(mode === 'V' ? sentence(c, args[0], d) : reusable(c, args[0], d))
    else if (mode === 'V') c.out(`${args[0]}: not found\n`)
    return d ? 0 : 127
  }
  let status = 1
  for (const name of args) {
    const d = describe(c, name)[0]
    if (!d) {
      if (mode === 'V') c.err(`bash: command: ${name}: not found\n`)
      continue
    }
    status = 0
    c.out(mode === 'V' ? sentence(c, name, d) : reusable(c, name, d))
  }
  return status
}
