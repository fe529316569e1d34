// find (GNU findutils 4.9): walk the home filesystem from each path and print what matches the
// expression: -name, -iname, -path, -type, -empty, -maxdepth, -mindepth, -print, -print0,
// -exec COMMAND ; (once per file, `{}` replaced by its name anywhere in an argument) and
// -exec COMMAND {} + (once, with all the names), with !, -a, -o and parentheses. A directory's
// entries are walked by name (the real find goes in the file system's order). -delete and the other
// actions are not in the lab: it says so.

import type { CommandContext, CommandSpec, HomeFs } from '../types'
import { matchPattern } from '../pattern'
import { charDevice } from '../devices'
import { baseName } from '../fs'
import { runFromTable } from './xargs'

interface Node {
  path: string
  depth: number
  dir: boolean
}

type Expr =
  | { kind: 'test'; test: (n: Node) => boolean }
  | { kind: 'print'; end: string }
  /** -exec: `batch` (`{} +`) gathers the names in `names` for one run at the end. */
  | { kind: 'exec'; argv: string[]; batch: boolean; names: string[] }
  | { kind: 'not'; e: Expr }
  | { kind: 'and' | 'or'; l: Expr; r: Expr }

class FindError extends Error {}

const ACTIONS_NOT_HERE = new Set(['-execdir', '-ok', '-okdir', '-delete', '-fprint', '-fprintf', '-printf', '-ls', '-fls', '-quit', '-prune'])
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
      case '-exec': {
        // up to `;`, or `{} +`
        const start = i
        let end = i
        while (end < words.length && words[end] !== ';' && !(words[end] === '+' && words[end - 1] === '{}' && end > start)) end++
        if (end >= words.length || end === start) throw new FindError("missing argument to `-exec'")
        const batch = words[end] === '+'
        i = end + 1
        options.printed = true
        return { kind: 'exec', argv: words.slice(start, batch ? end - 1 : end), batch, names: [] }
      }
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

/** What the actions do: print, and run a command (its status; undefined when there is no such command). */
interface Act {
  out(s: string): void
  run(argv: string[]): Promise<number | undefined>
}

/** Evaluate for one node; printing and running as the actions say. */
async function evaluate(e: Expr, n: Node, act: Act): Promise<boolean> {
  switch (e.kind) {
    case 'test':
      return e.test(n)
    case 'print':
      act.out(n.path + e.end)
      return true
    case 'exec':
      if (e.batch) {
        e.names.push(n.path)
        return true
      }
      return (await act.run(e.argv.map((a) => a.split('{}').join(n.path)))) === 0
    case 'not':
      return !(await evaluate(e.e, n, act))
    case 'and':
      return (await evaluate(e.l, n, act)) && evaluate(e.r, n, act)
    case 'or':
      return (await evaluate(e.l, n, act)) || evaluate(e.r, n, act)
  }
}

/** The `{} +` actions of an expression, which run once the walk is over. */
function batches(e: Expr | undefined): Extract<Expr, { kind: 'exec' }>[] {
  if (!e) return []
  if (e.kind === 'exec') return e.batch ? [e] : []
  if (e.kind === 'not') return batches(e.e)
  if (e.kind === 'and' || e.kind === 'or') return [...batches(e.l), ...batches(e.r)]
  return []
}

export const find: CommandSpec = {
  name: 'find',
  summary: "Search for files in a directory hierarchy (a directory's entries by name).",
  usage: 'find [starting-point...] [expression]',
  async run(ctx: CommandContext) {
    const args = ctx.argv.slice(1)
    if (args[0] === '--help') {
      ctx.stdout(`Usage: ${this.usage}\n${this.summary}\n\nTests: -name, -iname, -path, -type [fdc], -empty, -true, -false; options: -maxdepth, -mindepth;\nactions: -print, -print0, -exec COMMAND ; and -exec COMMAND {} +; operators: ! (-not), -a (-and), -o (-or), ( ).\n`)
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
    const act: Act = {
      out: (s) => ctx.stdout(s),
      run: async (argv) => {
        const code = await runFromTable(ctx, argv)
        if (code === undefined) ctx.stderr(`find: '${argv[0]}': No such file or directory\n`)
        return code
      },
    }
    const walk = async (shown: string, depth: number): Promise<void> => {
      const path = ctx.fs.resolve(shown)
      const dir = ctx.fs.isDir(path)
      if (depth >= (options.mindepth ?? 0)) await evaluate(whole, { path: shown, depth, dir }, act)
      if (!dir || depth >= (options.maxdepth ?? Infinity)) return
      for (const name of ctx.fs.list(path) ?? []) await walk(shown.endsWith('/') ? `${shown}${name}` : `${shown}/${name}`, depth + 1)
    }
    for (const p of paths.length ? paths : ['.']) {
      if (!ctx.fs.exists(ctx.fs.resolve(p))) {
        ctx.stderr(`find: '${p}': No such file or directory\n`)
        status = 1
        continue
      }
      await walk(p, 0)
    }
    // `{} +`: one run with every name; a failure makes find's status 1
    for (const b of batches(whole)) {
      if (b.names.length === 0) continue
      const code = await act.run([...b.argv, ...b.names])
      if (code !== 0) status = 1
    }
    return status
  },
}
