// Imitates: bash/builtins/eval.def, source.def, exit.def, trap.def and alias.def: the builtins
// that run text as commands, end the shell, keep traps and define aliases.

import { ExitShell } from '../runtime'
import { ReturnControl } from '../compoundExec'
import { singleQuote, type BuiltinCall } from './host'

export function evalBuiltin({ h, argv, io, env }: BuiltinCall): Promise<number> {
  const text = argv.slice(1).join(' ')
  return text.trim() === '' ? Promise.resolve(0) : h.runText(text, io, env)
}

export async function sourceBuiltin({ h, argv, io, env, err }: BuiltinCall): Promise<number> {
  const name = argv[0]
  const file = argv[1] === '--' ? argv[2] : argv[1]
  if (file === undefined) {
    err(`bash: ${name}: filename argument required\n${name}: usage: ${name} filename [arguments]\n`)
    return 2
  }
  if (h.isDir(file)) {
    err(`bash: ${name}: ${file}: is a directory\n`)
    return 1
  }
  const text = h.readFile(file)
  if (text === undefined) {
    err(`bash: ${file}: No such file or directory\n`)
    return 1
  }
  const args = argv.slice(argv[1] === '--' ? 3 : 2)
  const saved = h.rt.positional
  if (args.length) h.rt.positional = args
  h.rt.sourceDepth++
  try {
    return await h.runText(text, io, env)
  } catch (e) {
    // `return` outside a function ends the file, with its status
    if (e instanceof ReturnControl) return e.status
    throw e
  } finally {
    h.rt.sourceDepth--
    if (args.length) h.rt.positional = saved
  }
}

export function exitBuiltin({ h, argv, err }: BuiltinCall): number {
  const arg = argv[1]
  if (arg !== undefined && !/^\s*[-+]?[0-9]+\s*$/.test(arg)) {
    err(`bash: exit: ${arg}: numeric argument required\n`)
    throw new ExitShell(2)
  }
  if (argv.length > 2) {
    err('bash: exit: too many arguments\n')
    return 1
  }
  throw new ExitShell(arg === undefined ? h.status : Number(BigInt.asUintN(8, BigInt(arg.trim()))))
}

const SIGNALS = ['HUP', 'INT', 'QUIT', 'ILL', 'TRAP', 'ABRT', 'BUS', 'FPE', 'KILL', 'USR1', 'SEGV', 'USR2', 'PIPE', 'ALRM', 'TERM']

/** A trap's signal spec as bash names it (EXIT, SIGINT, ...), or undefined if invalid. */
function signalName(spec: string): string | undefined {
  const s = spec.toUpperCase()
  if (s === 'EXIT' || s === '0') return 'EXIT'
  if (s === 'ERR' || s === 'DEBUG' || s === 'RETURN') return s
  if (/^[0-9]+$/.test(s)) return SIGNALS[Number(s) - 1] ? `SIG${SIGNALS[Number(s) - 1]}` : undefined
  const bare = s.startsWith('SIG') ? s.slice(3) : s
  return SIGNALS.includes(bare) ? `SIG${bare}` : undefined
}

export function trapBuiltin({ h, argv, out, err }: BuiltinCall): number {
  let args = argv.slice(1)
  if (args[0] === '--') args = args.slice(1)
  const list = (names?: string[]) => {
    let text = ''
    for (const [sig, action] of h.rt.traps) if (!names || names.includes(sig)) text += `trap -- ${singleQuote(action)} ${sig}\n`
    out(text)
  }
  if (args.length === 0) {
    list()
    return 0
  }
  if (args[0] === '-p') {
    const names = args.slice(1).map((a) => signalName(a) ?? a)
    list(names.length ? names : undefined)
    return 0
  }
  // One argument that is a signal: reset it (as `trap - SIG`).
  const [action, ...specs] = /^[0-9]+$/.test(args[0]) || (args.length === 1 && signalName(args[0])) ? ['-', ...args] : args
  let status = 0
  for (const spec of specs) {
    const sig = signalName(spec)
    if (!sig) {
      err(`bash: trap: ${spec}: invalid signal specification\n`)
      status = 1
      continue
    }
    if (action === '-') h.rt.traps.delete(sig)
    else h.rt.traps.set(sig, action)
  }
  return status
}

export function aliasBuiltin({ h, argv, out, err }: BuiltinCall): number {
  const args = argv.slice(1).filter((a, i) => !(i === 0 && a === '-p'))
  const show = (name: string) => `alias ${name}=${singleQuote(h.rt.aliases.get(name)!)}\n`
  if (args.length === 0) {
    out([...h.rt.aliases.keys()].sort().map(show).join(''))
    return 0
  }
  let status = 0
  for (const a of args) {
    const eq = a.indexOf('=')
    if (eq < 0) {
      if (h.rt.aliases.has(a)) out(show(a))
      else {
        err(`bash: alias: ${a}: not found\n`)
        status = 1
      }
      continue
    }
    const name = a.slice(0, eq)
    if (name === '' || /[\s/$`='"\\|&;()<>]/.test(name)) {
      err(`bash: alias: \`${name}': invalid alias name\n`)
      status = 1
      continue
    }
    h.rt.aliases.set(name, a.slice(eq + 1))
  }
  return status
}

export function unaliasBuiltin({ h, argv, err }: BuiltinCall): number {
  const args = argv.slice(1)
  if (args[0] === '-a') {
    h.rt.aliases.clear()
    return 0
  }
  if (args.length === 0) {
    err('unalias: usage: unalias [-a] name [name ...]\n')
    return 2
  }
  let status = 0
  for (const a of args) {
    if (!h.rt.aliases.delete(a)) {
      err(`bash: unalias: ${a}: not found\n`)
      status = 1
    }
  }
  return status
}
