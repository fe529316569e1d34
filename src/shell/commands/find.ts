// find (GNU findutils 4.9): walk the home filesystem from each path and print what matches the
// expression: -name, -iname, -path, -type, -empty, -maxdepth, -mindepth, -print, -print0, with !,
// -a, -o and parentheses. A directory's entries are walked by name (the real find goes in the file
// system's order). -exec, -delete and the other actions are not in the lab: it says so.

import type { CommandContext, CommandSpec, HomeFs } from '../types'
import { matchPattern } from '../pattern'
import { charDevice } from '../devices'
import { baseName } from '../fs'

interface Node {
  path: string
  depth: number
  dir: boolean
}

type Expr =
  | { kind: 'test'; test: (n: Node) => boolean }
  | { kind: 'print'; end: string }
  | { kind: 'not'; e: Expr }
  | { kind: 'and' | 'or'; l: Expr; r: Expr }

class FindError extends Error {}

const ACTIONS_NOT_HERE = new Set(['-exec', '-execdir', '-ok', '-okdir', '-delete', '-fprint', '-fprintf', '-printf', '-ls', '-fls', '-quit', '-prune'])
const glob = (pattern: string, s: string, fold = false) =>
  matchPattern([{ text: fold ? pattern.toLowerCase() : pattern, quoted: false }], fold ? s.toLowerCase() : s)

/** The expression's words parsed: or of ands of (possibly negated) primaries. */
function parse(words: string[], fs: HomeFs, options: { maxdepth?: number; mindepth?: number; printed: boolean }): Expr | undefined {
  let i = 0
  const arg = (name: string) => {
    if (i >= words.length) throw new FindError(`missing argument to \`${name}'`)
    return words[i++]
  }
  const depth = (name: string) => {
    const v = arg(name)
    if (!/^\d+$/.test(v)) throw new FindError(`Expected a positive decimal integer argument to ${name}, but got '${v}'`)
    return Number(v)
  }
  const primary = (): Expr | undefined => {
    const w = words[i++]
    switch (w) {
      case '(': {
        const e = or()
        if (words[i++] !== ')') throw new FindError("invalid expression; I was expecting to find a ')' somewhere but did not see one.")
        return e ?? { kind: 'test', test: () => true }
      }
      case '!':
      case '-not': {
        const e = unary()
        if (!e) throw new FindError(`expected an expression after '${w}'`)
        return { kind: 'not', e }
      }
      case '-name':
      case '-iname': {
        const pattern = arg(w)
        return { kind: 'test', test: (n) => glob(pattern, baseName(n.path), w === '-iname') }
      }
      case '-path':
      case '-wholename': {
        const pattern = arg(w)
        return { kind: 'test', test: (n) => glob(pattern, n.path) }
      }
      case '-type': {
        const t = arg(w)
        if (!/^[bcdpflsD]$/.test(t)) throw new FindError(`Unknown argument to -type: ${t}`)
        return { kind: 'test', test: (n) => (t === 'd' ? n.dir : t === 'c' ? !n.dir && charDevice(fs.resolve(n.path)) !== undefined : t === 'f' ? !n.dir && charDevice(fs.resolve(n.path)) === undefined : false) }
      }
      case '-empty':
        return { kind: 'test', test: (n) => (n.dir ? (fs.list(fs.resolve(n.path)) ?? []).length === 0 : (fs.readFile(fs.resolve(n.path)) ?? 'x') === '') }
      case '-true':
        return { kind: 'test', test: () => true }
      case '-false':
        return { kind: 'test', test: () => false }
      case '-print':
      case '-print0':
        options.printed = true
        return { kind: 'print', end: w === '-print' ? '\n' : '\0' }
      case '-maxdepth':
        options.maxdepth = depth(w)
        return { kind: 'test', test: () => true }
      case '-mindepth':
        options.mindepth = depth(w)
        return { kind: 'test', test: () => true }
      default:
        if (ACTIONS_NOT_HERE.has(w)) throw new FindError(`${w} is not available in this lab; print the names and pipe them on, as in: find . -name '*.pem' | xargs cat`)
        if (w.startsWith('-')) throw new FindError(`unknown predicate \`${w}'`)
        throw new FindError(`paths must precede expression: \`${w}'`)
    }
  }
  const unary = (): Expr | undefined => (i < words.length && words[i] !== ')' && words[i] !== '-o' && words[i] !== '-or' ? primary() : undefined)
  const and = (): Expr | undefined => {
    if (words[i] === '-a' || words[i] === '-and') throw new FindError(`invalid expression; you have used a binary operator '${words[i]}' with nothing before it.`)
    let l = unary()
    while (i < words.length && words[i] !== ')' && words[i] !== '-o' && words[i] !== '-or') {
      const op = words[i] === '-a' || words[i] === '-and' ? words[i++] : undefined
      const r = unary()
      if (!r) throw new FindError(`expected an expression after '${op ?? '-a'}'`)
      l = l ? { kind: 'and', l, r } : r
    }
    return l
  }
  const or = (): Expr | undefined => {
    let l = and()
    while (words[i] === '-o' || words[i] === '-or') {
      const op = words[i++]
      if (!l) throw new FindError(`invalid expression; you have used a binary operator '${op}' with nothing before it.`)
      const r = and()
      if (!r) throw new FindError(`expected an expression after '${op}'`)
      l = { kind: 'or', l, r }
    }
    return l
  }
  const e = or()
  if (i < words.length) throw new FindError(`invalid expression; you have too many ')'`)
  return e
}

/** Evaluate for one node; printing as the actions say. */
function evaluate(e: Expr, n: Node, out: (s: string) => void): boolean {
  switch (e.kind) {
    case 'test':
      return e.test(n)
    case 'print':
      out(n.path + e.end)
      return true
    case 'not':
      return !evaluate(e.e, n, out)
    case 'and':
      return evaluate(e.l, n, out) && evaluate(e.r, n, out)
    case 'or':
      return evaluate(e.l, n, out) || evaluate(e.r, n, out)
  }
}

export const find: CommandSpec = {
  name: 'find',
  summary: "Search for files in a directory hierarchy (a directory's entries by name).",
  usage: 'find [starting-point...] [expression]',
  async run(ctx: CommandContext) {
    const args = ctx.argv.slice(1)
    if (args[0] === '--help') {
      ctx.stdout(`Usage: ${this.usage}\n${this.summary}\n\nTests: -name, -iname, -path, -type [fdc], -empty, -true, -false; options: -maxdepth, -mindepth;\nactions: -print, -print0; operators: ! (-not), -a (-and), -o (-or), ( ).\n`)
      return 0
    }
    const firstExpr = args.findIndex((a) => (a.startsWith('-') && a !== '-') || a === '(' || a === '!')
    const paths = firstExpr < 0 ? args : args.slice(0, firstExpr)
    const options: { maxdepth?: number; mindepth?: number; printed: boolean } = { printed: false }
    let expr: Expr | undefined
    try {
      expr = parse(firstExpr < 0 ? [] : args.slice(firstExpr), ctx.fs, options)
    } catch (e) {
      if (!(e instanceof FindError)) throw e
      ctx.stderr(`find: ${e.message}\n`)
      return 1
    }
    // no action in the expression: it is `( EXPR ) -print`
    const whole: Expr = options.printed ? (expr ?? { kind: 'test', test: () => true }) : expr ? { kind: 'and', l: expr, r: { kind: 'print', end: '\n' } } : { kind: 'print', end: '\n' }
    let status = 0
    const out = (s: string) => ctx.stdout(s)
    const walk = (shown: string, depth: number) => {
      const path = ctx.fs.resolve(shown)
      const dir = ctx.fs.isDir(path)
      if (depth >= (options.mindepth ?? 0)) evaluate(whole, { path: shown, depth, dir }, out)
      if (!dir || depth >= (options.maxdepth ?? Infinity)) return
      for (const name of ctx.fs.list(path) ?? []) walk(shown.endsWith('/') ? `${shown}${name}` : `${shown}/${name}`, depth + 1)
    }
    for (const p of paths.length ? paths : ['.']) {
      if (!ctx.fs.exists(ctx.fs.resolve(p))) {
        ctx.stderr(`find: '${p}': No such file or directory\n`)
        status = 1
        continue
      }
      walk(p, 0)
    }
    return status
  },
}
