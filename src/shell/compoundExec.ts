// Runs bash's compound commands (execute_cmd.c): if, while/until, both for loops, case, groups,
// `(( ))`, function definitions and calls, and the builtins that steer them (break, continue,
// return, local, `:`). Every loop round spends a step of the line's budget, so an endless loop
// stops with the budget's message.

import type { Command, List } from './parser/ast'
import type { ShellEnv } from './types'
import type { IO } from './redirect'
import type { ExpandContext } from './expand'
import { ExpansionError, expandPattern, expandString, expandWords } from './expand'
import { evalArithmetic } from './arith'
import { patternMatches, runCond, type CondRunner } from './condExec'
import { parseArithmeticText } from './parser/parser'
import type { Runtime } from './runtime'
import { quoteWord } from './xtrace'
import { ARRAY_KEY, IndexedArray, setArray, unsetArray } from './arrays'
import { AssocArray } from './assocArray'
import { namesSeen } from './env'

/** `break n` / `continue n` unwinding through loops. */
export class LoopControl {
  constructor(readonly kind: 'break' | 'continue', public levels: number) {}
}

/** `return n` unwinding to the function call. */
export class ReturnControl {
  constructor(readonly status: number) {}
}

/** A function's variables: names declared `local` live here (their arrays too), the rest go to the caller's scope. */
export class FunctionScope implements ShellEnv {
  private locals = new Map<string, string | IndexedArray | AssocArray | null>()
  constructor(private parent: ShellEnv) {}
  /** The names declared local here, in the order they were. */
  localNames(): string[] {
    return [...this.locals.keys()].filter((k) => !k.startsWith(ARRAY_KEY))
  }
  declare(name: string, value: string | undefined): void {
    this.locals.set(name, value ?? this.locals.get(name) ?? null)
    // an array of that name is the function's own too
    this.locals.set(ARRAY_KEY + name, this.locals.get(ARRAY_KEY + name) ?? null)
  }
  get(name: string): string | undefined {
    if (!this.locals.has(name)) return this.parent.get(name)
    const v = this.locals.get(name)
    return typeof v === 'string' ? v : undefined
  }
  set(name: string, value: string): void {
    if (this.locals.has(name)) this.locals.set(name, value)
    else this.parent.set(name, value)
  }
  unset(name: string): void {
    if (this.locals.has(name)) this.locals.set(name, null)
    else this.parent.unset(name)
  }
  export(name: string): void {
    this.parent.export(name)
  }
  isExported(name: string): boolean {
    return this.parent.isExported(name)
  }
  exported(): Record<string, string> {
    // (a local exported is what a command run in the function gets)
    const out = this.parent.exported()
    for (const [k, v] of this.locals) {
      if (v === null) delete out[k]
      else if (typeof v === 'string' && this.parent.isExported(k)) out[k] = v
    }
    return out
  }
  all(): Record<string, string> {
    const out = { ...(this.parent.all?.() ?? this.parent.exported()) }
    for (const [k, v] of this.locals) {
      if (v === null) delete out[k]
      else if (typeof v === 'string') out[k] = v
    }
    return out
  }
  array(name: string): IndexedArray | undefined {
    const key = ARRAY_KEY + name
    if (!this.locals.has(key)) return this.parent.array(name)
    const v = this.locals.get(key)
    return v instanceof IndexedArray ? v : undefined
  }
  assoc(name: string): AssocArray | undefined {
    const key = ARRAY_KEY + name
    if (!this.locals.has(key)) return this.parent.assoc(name)
    const v = this.locals.get(key)
    return v instanceof AssocArray ? v : undefined
  }
  putArray(name: string, value: IndexedArray | AssocArray): void {
    if (this.locals.has(ARRAY_KEY + name)) this.locals.set(ARRAY_KEY + name, value)
    else this.parent.putArray(name, value)
  }
  ownArray(name: string): IndexedArray | undefined {
    return this.locals.has(ARRAY_KEY + name) ? this.array(name) : this.parent.ownArray(name)
  }
  ownAssoc(name: string): AssocArray | undefined {
    return this.locals.has(ARRAY_KEY + name) ? this.assoc(name) : this.parent.ownAssoc(name)
  }
  arrayNames(): string[] {
    return namesSeen(this.parent, this.locals)
  }
}

/** What the compound commands need of the executor. */
export interface CompoundHost extends CondRunner {
  runList(list: List, io: IO, env: ShellEnv): Promise<number>
  runCommand(cmd: Command, io: IO, env: ShellEnv): Promise<number>
  expandContext(env: ShellEnv, io: IO): ExpandContext
  tick(): Promise<void>
  status: number
  loopDepth: number
  functions: Map<string, Command>
  callDepth: number
  rt: Runtime
  /** Show a line under `set -x` (text without the `+ ` prefix). */
  trace(io: IO, text: string): void
  /** Run something whose failure `set -e` ignores (if/while conditions). */
  condition<T>(fn: () => Promise<T>): Promise<T>
}

/** Calls nested deeper than this stop (as with bash's FUNCNEST) before JavaScript's stack runs out. */
export const MAX_CALL_DEPTH = 1000

/** An error of `(( ))` or `for (( ))`: bash prints it after `((: ` and the command fails (status 1); the line goes on. */
class ArithCommandError {}

/** `set -x` shows a `(( ))` command's text with its own blanks, a `for (( ))` part's without (bash's xtrace_print_arith_cmd). */
async function arith(h: CompoundHost, text: string, env: ShellEnv, io: IO, forPart = false): Promise<bigint> {
  const ctx = h.expandContext(env, io)
  const expr = await expandString(parseArithmeticText(text), ctx)
  h.trace(io, `(( ${forPart ? expr.trim() : expr} ))`)
  const r = evalArithmetic(expr, env, (m) => h.write(io.err, `bash: ${m}\n`))
  if (typeof r === 'string') {
    h.write(io.err, `bash: ((: ${r}\n`)
    throw new ArithCommandError()
  }
  return r
}

/** Run one loop body; returns 'break' or 'continue' to the loop, or rethrows for outer loops. */
async function body(h: CompoundHost, list: List, io: IO, env: ShellEnv): Promise<'break' | 'next'> {
  try {
    await h.runList(list, io, env)
    return 'next'
  } catch (e) {
    if (!(e instanceof LoopControl)) throw e
    if (e.levels > 1) {
      e.levels--
      throw e
    }
    return e.kind === 'break' ? 'break' : 'next'
  }
}

export async function runCompound(h: CompoundHost, cmd: Command, io: IO, env: ShellEnv): Promise<number> {
  switch (cmd.kind) {
    case 'group':
      return h.runList(cmd.body, io, env)
    case 'if': {
      for (const c of cmd.clauses) {
        if ((await h.condition(() => h.runList(c.cond, io, env))) === 0) return h.runList(c.body, io, env)
      }
      if (cmd.elseBody) return h.runList(cmd.elseBody, io, env)
      return 0
    }
    case 'while': {
      let status = 0
      h.loopDepth++
      try {
        for (;;) {
          await h.tick()
          const c = await h.condition(() => h.runList(cmd.cond, io, env))
          if ((c === 0) === cmd.until) break
          const r = await body(h, cmd.body, io, env)
          status = h.status
          if (r === 'break') break
        }
      } finally {
        h.loopDepth--
      }
      return status
    }
    case 'for': {
      const ctx = h.expandContext(env, io)
      const items = cmd.words ? await expandWords(cmd.words, ctx) : [...h.rt.positional]
      if (items.length > 0 && h.rt.readonly.has(cmd.name)) {
        h.write(io.err, `bash: ${cmd.name}: readonly variable\n`)
        return 1
      }
      let status = 0
      let listText: string | undefined
      h.loopDepth++
      try {
        for (const item of items) {
          await h.tick()
          // (the list's text is made once, and only under set -x: a long list made it quadratic)
          if (h.rt.has('xtrace')) h.trace(io, `for ${cmd.name} in ${(listText ??= items.map(quoteWord).join(' '))}`)
          env.set(cmd.name, item)
          const r = await body(h, cmd.body, io, env)
          status = h.status
          if (r === 'break') break
        }
      } finally {
        h.loopDepth--
      }
      return status
    }
    case 'arithfor': {
      let status = 0
      h.loopDepth++
      try {
        if (cmd.init.trim()) await arith(h, cmd.init, env, io, true)
        for (;;) {
          await h.tick()
          if (cmd.cond.trim() && (await arith(h, cmd.cond, env, io, true)) === 0n) break
          const r = await body(h, cmd.body, io, env)
          status = h.status
          if (r === 'break') break
          if (cmd.update.trim()) await arith(h, cmd.update, env, io, true)
        }
      } catch (e) {
        if (e instanceof ArithCommandError) return 1
        throw e
      } finally {
        h.loopDepth--
      }
      return status
    }
    case 'case': {
      const ctx = h.expandContext(env, io)
      const subject = await expandString(cmd.word.parts, ctx)
      h.trace(io, `case ${quoteWord(subject)} in`)
      let fallthrough = false
      let status = 0
      for (const item of cmd.items) {
        let hit = fallthrough
        for (const p of item.patterns) {
          if (hit) break
          hit = patternMatches(ctx.env, subject, await expandPattern(p.parts, ctx), h.rt.shopts.has('nocasematch'))
        }
        if (!hit) continue
        status = await h.runList(item.body, io, env)
        if (item.term === ';;') return status
        fallthrough = item.term === ';&'
      }
      return status
    }
    case 'cond':
      return runCond(h, cmd, io, env)
    case 'arith': {
      try {
        return (await arith(h, cmd.expr, env, io)) === 0n ? 1 : 0
      } catch (e) {
        if (e instanceof ArithCommandError) return 1
        throw e
      }
    }
    case 'funcdef':
      h.functions.set(cmd.name, cmd.body)
      return 0
  }
  return 0
}

/** `name args...` where name is a function: a new scope with its own positional parameters. */
export async function callFunction(h: CompoundHost, body: Command, argv: string[], io: IO, env: ShellEnv): Promise<number> {
  if (h.callDepth >= MAX_CALL_DEPTH) throw new ExpansionError(`${argv[0]}: maximum function nesting level exceeded (${MAX_CALL_DEPTH})`, undefined, true)
  const scope = new FunctionScope(env)
  const saved = h.rt.positional
  h.rt.positional = argv.slice(1)
  // FUNCNAME: the functions being run, innermost first (a script file's bottom entry is `main`)
  const callers = env.array('FUNCNAME')
  setArray(env, 'FUNCNAME', IndexedArray.list([argv[0], ...(callers ? callers.sorted().map(([, v]) => v) : h.rt.invocation === 'file' ? ['main'] : [])]))
  const depth = h.loopDepth
  h.loopDepth = 0
  h.callDepth++
  // without set -E (errtrace) the function runs without the ERR trap; the caller's comes back after,
  // unless the function set one of its own (bash's maybe_set_error_trap)
  const errTrap = h.rt.has('errtrace') ? undefined : h.rt.traps.get('ERR')
  if (errTrap !== undefined) h.rt.traps.delete('ERR')
  try {
    return await h.runCommand(body, io, scope)
  } catch (e) {
    if (e instanceof ReturnControl) return e.status
    throw e
  } finally {
    if (errTrap !== undefined && !h.rt.traps.has('ERR')) h.rt.traps.set('ERR', errTrap)
    h.rt.positional = saved
    h.loopDepth = depth
    h.callDepth--
    if (callers) setArray(env, 'FUNCNAME', callers)
    else {
      unsetArray(env, 'FUNCNAME')
      env.unset('FUNCNAME')
    }
  }
}


/** break, continue, return, local and `:`; undefined when `argv[0]` is none of them. */
export function controlBuiltin(h: CompoundHost, argv: string[], env: ShellEnv, write: (t: string) => void): number | undefined {
  const [name, arg] = argv
  switch (name) {
    case ':':
      return 0
    case 'break':
    case 'continue': {
      const n = arg === undefined ? 1 : Number(arg)
      if (!Number.isInteger(n) || n < 1) {
        write(`bash: ${name}: ${arg}: ${Number.isInteger(n) ? 'loop count out of range' : 'numeric argument required'}\n`)
        return 1
      }
      if (h.loopDepth === 0) {
        write(`bash: ${name}: only meaningful in a \`for', \`while', or \`until' loop\n`)
        return 0
      }
      throw new LoopControl(name, Math.min(n, h.loopDepth))
    }
    case 'return': {
      if (!(env instanceof FunctionScope) && h.rt.sourceDepth === 0) {
        write("bash: return: can only `return' from a function or sourced script\n")
        return 2
      }
      if (arg !== undefined && !/^\s*[-+]?[0-9]+\s*$/.test(arg)) {
        write(`bash: return: ${arg}: numeric argument required\n`)
        throw new ReturnControl(2)
      }
      throw new ReturnControl(arg === undefined ? h.status : Number(BigInt.asUintN(8, BigInt(arg.trim()))))
    }
    case 'local': {
      if (!(env instanceof FunctionScope)) {
        write('bash: local: can only be used in a function\n')
        return 1
      }
      // with options (local -a, -i, -r...) or none at all (a listing) it is declare in the function
      if (argv.length === 1 || /^[-+]./.test(argv[1]!)) return undefined
      for (const a of argv.slice(1)) {
        const eq = a.indexOf('=')
        if (eq < 0) env.declare(a, undefined)
        else env.declare(a.slice(0, eq), a.slice(eq + 1))
      }
      return 0
    }
  }
  return undefined
}
