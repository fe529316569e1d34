// jq 1.6's command line (src/main.c): options, inputs (JSON stream, -R lines, -s slurp, -n),
// output formatting (-r -j -c -S -a --tab --indent, never colour: the lab has no TTY colours),
// its messages and exit statuses (2 usage/input, 3 compile, 5 runtime, -e's 1 and 4).

import type { CommandContext } from '../../types'
import { HaltSignal, natives } from './builtins'
import { Evaluator, type Scope } from './eval'
import { jqText } from './formats'
import { JsonParseError, parseJsonStream, parseOne } from './json'
import { JqSyntaxError } from './lexer'
import { Parser, type Node } from './parser'
import { PRELUDE } from './prelude'
import { JqError, errRepr, fromJs, toJson, truthy, type V } from './values'

const HINT = 'Use jq --help for help with command-line options,\nor see the jq manpage, or online docs  at https://stedolan.github.io/jq\n'

/** jq 1.6's usage text (main.c's usage): the short form ends with where to read more, --help's lists the options. */
const USAGE_HEAD = "jq - commandline JSON processor [version 1.6]\n\nUsage:\tjq [options] <jq filter> [file...]\n\tjq [options] --args <jq filter> [strings...]\n\tjq [options] --jsonargs <jq filter> [JSON_TEXTS...]\n\njq is a tool for processing JSON inputs, applying the given filter to\nits JSON text inputs and producing the filter's results as JSON on\nstandard output.\n\nThe simplest filter is ., which copies jq's input to its output\nunmodified (except for formatting, but note that IEEE754 is used\nfor number representation internally, with all that that implies).\n\nFor more advanced filters see the jq(1) manpage (\"man jq\")\nand/or https://stedolan.github.io/jq\n\nExample:\n\n\t$ echo '{\"foo\": 0}' | jq .\n\t{\n\t\t\"foo\": 0\n\t}\n\n"
const USAGE_SHORT = USAGE_HEAD + "For a listing of options, use jq --help.\n"
const USAGE_LONG = USAGE_HEAD + "Some of the options include:\n  -c               compact instead of pretty-printed output;\n  -n               use `null` as the single input value;\n  -e               set the exit status code based on the output;\n  -s               read (slurp) all inputs into an array; apply filter to it;\n  -r               output raw strings, not JSON texts;\n  -R               read raw strings, not JSON texts;\n  -C               colorize JSON;\n  -M               monochrome (don't colorize JSON);\n  -S               sort keys of objects on output;\n  --tab            use tabs for indentation;\n  --arg a v        set variable $a to value <v>;\n  --argjson a v    set variable $a to JSON value <v>;\n  --slurpfile a f  set variable $a to an array of JSON texts read from <f>;\n  --rawfile a f    set variable $a to a string consisting of the contents of <f>;\n  --args           remaining arguments are string arguments, not files;\n  --jsonargs       remaining arguments are JSON arguments, not files;\n  --               terminates argument processing;\n\nNamed arguments are also available as $ARGS.named[], while\npositional arguments are available as $ARGS.positional[].\n\nSee the manpage for more options.\n"

let preludeAst: Node | undefined
const dummyHost = { now: () => 0, env: {}, nextInput: () => undefined, stderr: () => undefined }

/** Build the scope holding the prelude's definitions (each def's body sees the ones before it). */
function preludeScope(root: Scope): Scope {
  preludeAst ??= Parser.parse(PRELUDE)
  // Every builtin sees every other one (jq binds them all before the program).
  let s = root
  let n: Node = preludeAst
  const defs: Extract<Node, { k: 'def' }>[] = []
  while (n.k === 'def') {
    defs.push(n)
    s = { fnKey: `${n.name}/${n.params.length}`, parent: s }
    n = n.rest
  }
  const top = s
  for (let sc: Scope | null = top, i = defs.length - 1; sc && i >= 0; sc = sc.parent, i--) {
    sc.fn = { kind: 'def', params: defs[i].params, body: defs[i].body, scope: top }
  }
  return top
}

export async function runJq(ctx: CommandContext): Promise<number> {
  const args = ctx.argv.slice(1)
  const o = { null: false, raw: false, join: false, ascii: false, slurp: false, rawIn: false, compact: false, sort: false, exit: false, indent: 2, tab: false }
  const named = new Map<string, V>()
  let program: string | undefined
  const files: string[] = []
  const usage = (msg: string) => {
    ctx.stderr(`jq: ${msg}\n${HINT}`)
    return 2
  }
  let argsDone = false
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (argsDone) {
      if (program === undefined) program = a
      else files.push(a)
      continue
    }
    // `--` ends the options, after the program only (before it jq 1.6 shows its usage)
    if (a === '--') {
      if (program === undefined) {
        ctx.stderr(USAGE_SHORT)
        return 2
      }
      argsDone = true
      continue
    }
    if (a.startsWith('--') && a.length > 2) {
      const name = a.slice(2)
      const flag: Record<string, keyof typeof o> = {
        'null-input': 'null', 'raw-output': 'raw', 'join-output': 'join', 'ascii-output': 'ascii', slurp: 'slurp', 'raw-input': 'rawIn',
        'compact-output': 'compact', 'sort-keys': 'sort', 'exit-status': 'exit', tab: 'tab',
      }
      if (name in flag) (o as Record<string, unknown>)[flag[name]] = true
      else if (name === 'color-output' || name === 'monochrome-output' || name === 'unbuffered' || name === 'seq') continue
      else if (name === 'indent') {
        const n = Number(args[++i])
        if (!Number.isInteger(n) || n < 0 || n > 7) return usage(n > 7 ? 'Cannot indent more than 7 characters' : '--indent takes one parameter')
        o.indent = n
      } else if (name === 'arg' || name === 'argjson') {
        if (i + 2 >= args.length) return usage(`--${name} takes two parameters (e.g. --${name} varname ${name === 'arg' ? 'value' : 'text'})`)
        const [k, v] = [args[i + 1], args[i + 2]]
        i += 2
        if (name === 'arg') named.set(k, jqText(v))
        else {
          try {
            named.set(k, parseOne(v))
          } catch {
            return usage('invalid JSON text passed to --argjson')
          }
        }
      } else if (name === 'help') {
        ctx.stdout(USAGE_LONG)
        return 0
      } else if (name === 'version') {
        ctx.stdout('jq-1.6\n')
        return 0
      } else return usage(`Unknown option ${a}`)
      continue
    }
    // jq's isoptish: a dash then a letter is options; `-5|length` and `-.a` are a program (or a file)
    if (/^-[a-zA-Z]/.test(a)) {
      const short: Record<string, keyof typeof o> = { n: 'null', r: 'raw', j: 'join', a: 'ascii', s: 'slurp', R: 'rawIn', c: 'compact', S: 'sort', e: 'exit' }
      for (const c of a.slice(1)) {
        if (c in short) (o as Record<string, unknown>)[short[c]] = true
        else if (c === 'C' || c === 'M') continue
        else if (c === 'h') {
          ctx.stdout(USAGE_LONG)
          return 0
        } else if (c === 'V') {
          ctx.stdout('jq-1.6\n')
          return 0
        } else return usage(`Unknown option ${a}`)
      }
      if (o.join) o.raw = true
      continue
    }
    if (program === undefined) program = a
    else files.push(a)
  }
  if (program === undefined) {
    if (ctx.stdinIsTTY && ctx.stdoutIsTTY) {
      ctx.stderr(USAGE_SHORT)
      return 2
    }
    program = '.'
  }
  let ast: Node
  try {
    ast = Parser.parse(program)
  } catch (e) {
    if (!(e instanceof JqSyntaxError)) throw e
    ctx.stderr(`jq: error: ${e.message} at <top-level>, line 1:\n${program}${' '.repeat(e.pos)}\njq: 1 compile error\n`)
    return 3
  }
  const fnKeys = new Set(natives(dummyHost).keys())
  for (let sc: Scope | null = preludeScope({ parent: null }); sc; sc = sc.parent) if (sc.fnKey) fnKeys.add(sc.fnKey)
  const compileErr = compileCheck(ast, program, new Set([...named.keys(), 'ENV', '__loc__']), fnKeys)
  if (compileErr) {
    ctx.stderr(compileErr)
    return 3
  }
  // Inputs.
  let text = ''
  for (const f of files.length ? files : ['-']) {
    if (f === '-') text += ctx.stdin
    else {
      const path = ctx.fs.resolve(f)
      const t = ctx.fs.readFile(path)
      if (t === undefined || ctx.fs.isDir(path)) {
        ctx.stderr(`jq: error: Could not open file ${f}: ${ctx.fs.isDir(path) ? 'Is a directory' : 'No such file or directory'}\n`)
        return 2
      }
      text += t
    }
  }
  // jq reads bytes: what is not UTF-8 becomes U+FFFD, as jq 1.6 replaces it.
  text = jqText(text)
  const where = files.length ? files[files.length - 1] : '<stdin>'
  const inputs: { v: V; line: number }[] = []
  let inputError: string | undefined
  const lineAt = (end: number) => {
    const nl = text.indexOf('\n', Math.max(0, end - 1))
    const upto = nl < 0 ? text.length : nl + 1
    let n = 0
    for (let i = 0; i < upto; i++) if (text.charCodeAt(i) === 10) n++
    return n
  }
  if (o.rawIn) {
    if (o.slurp) inputs.push({ v: text, line: lineAt(text.length) })
    else {
      const lines = text.split('\n')
      if (lines[lines.length - 1] === '') lines.pop()
      lines.forEach((l, i) => inputs.push({ v: l, line: i + 1 }))
    }
  } else {
    try {
      parseJsonStream(text, (v, end) => inputs.push({ v, line: lineAt(end) }))
    } catch (e) {
      if (!(e instanceof JsonParseError)) throw e
      inputError = e.message
    }
    if (o.slurp) {
      const all = inputs.map((x) => x.v)
      inputs.length = 0
      if (!inputError) inputs.push({ v: all, line: lineAt(text.length) })
    }
  }
  // Evaluation.
  const envObj = fromJs(ctx.env.exported())
  const root: Scope = { varName: 'ENV', varValue: envObj, parent: null }
  let scope = preludeScope(root)
  scope = { varName: '__prog_name', varValue: null, parent: scope }
  for (const [k, v] of named) scope = { varName: k, varValue: v, parent: scope }
  let queue = o.null ? inputs : inputs.slice(1)
  let current = o.null ? undefined : inputs[0]
  const evaluator = new Evaluator(
    natives({
      now: () => ctx.lab.now(),
      env: ctx.env.exported(),
      nextInput: () => {
        const next = queue[0]
        if (!next) return undefined
        queue = queue.slice(1)
        current = next
        return next.v
      },
      stderr: (t) => ctx.stderr(t),
    }),
  )
  let status = 0
  let last: V | undefined
  let any = false
  const indent = o.tab ? 1 : o.compact ? 0 : o.indent
  const print = (v: V) => {
    any = true
    last = v
    let s = typeof v === 'string' && o.raw ? v : toJson(v, indent, o.sort)
    if (o.tab) s = s.replace(/^( +)/gm, (m) => '\t'.repeat(m.length))
    if (o.ascii) s = s.replace(/[\u0080-\uffff]/g, (c) => (typeof v === 'string' && o.raw ? c : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`))
    ctx.stdout(s + (o.join ? '' : '\n'))
  }
  const runOne = (input: V, loc: string): boolean => {
    status = 0
    try {
      for (const [v] of evaluator.ev(ast, input, null, scope)) print(v)
    } catch (e) {
      if (e instanceof HaltSignal) {
        if (e.message !== undefined) ctx.stderr(typeof e.message === 'string' ? e.message : toJson(e.message) + '\n')
        status = e.status
        return false
      }
      if (e instanceof JqError || e instanceof JsonParseError) {
        const val = e instanceof JqError ? e.value : e.message
        if (typeof val === 'string') ctx.stderr(`jq: error (at ${loc}): ${val}\n`)
        else if (val !== null) ctx.stderr(`jq: error (at ${loc}) (not a string): ${toJson(val)}\n`)
        else return true
        status = 5
        return true
      }
      if (e instanceof RangeError) {
        ctx.stderr(`jq: error (at ${loc}): ${errRepr('too deep')}\n`)
        status = 5
        return true
      }
      throw e
    }
    return true
  }
  if (o.null) runOne(null, '<unknown>')
  else {
    while (current) {
      const item = current
      if (!runOne(item.v, `${where}:${item.line}`)) return status
      current = queue[0]
      queue = queue.slice(1)
    }
  }
  if (inputError) {
    ctx.stderr(`parse error: ${inputError}\n`)
    return 4
  }
  if (o.exit && status === 0) {
    if (!any) return 4
    return truthy(last!) ? 0 : 1
  }
  return status
}

/** Errors jq reports at compile time: undefined variables and functions, constant division by zero. */
function compileCheck(ast: Node, program: string, globals: Set<string>, fnKeys: Set<string>): string | undefined {
  const errors: string[] = []
  const check = (n: Node, vars: Set<string>, fns: Set<string>) => {
    const visit = (x: Node, v: Set<string>, f = fns) => check(x, v, f)
    switch (n.k) {
      case 'call':
        if (!fns.has(`${n.name}/${n.args.length}`)) errors.push(`${n.name}/${n.args.length} is not defined at <top-level>, line 1:\n${program}${' '.repeat(n.pos ?? 0)}`)
        for (const a of n.args) visit(a, vars)
        return
      case 'var':
        if (!vars.has(n.name)) errors.push(`$${n.name} is not defined at <top-level>, line 1:\n${program}${' '.repeat(n.pos ?? 0)}`)
        return
      case 'binop':
        if ((n.op === '/' || n.op === '%') && n.left.k === 'literal' && n.right.k === 'literal' && n.right.v === 0 && typeof n.left.v === 'number') {
          errors.push(`${n.op === '/' ? 'Division by zero?' : 'Remainder by zero?'} at <top-level>, line 1:\n${program}${' '.repeat(0)}`)
        }
        visit(n.left, vars)
        visit(n.right, vars)
        return
      case 'as': {
        visit(n.source, vars)
        const inner = new Set(vars)
        for (const p of n.pats) patVars(p, inner)
        visit(n.body, inner)
        return
      }
      case 'reduce':
      case 'foreach': {
        visit(n.source, vars)
        visit(n.init, vars)
        const inner = new Set(vars)
        patVars(n.pat, inner)
        visit(n.update, inner)
        if (n.k === 'foreach' && n.extract) visit(n.extract, inner)
        return
      }
      case 'def': {
        const inner = new Set(vars)
        const withSelf = new Set(fns).add(`${n.name}/${n.params.length}`)
        const innerFns = new Set(withSelf)
        for (const p of n.params) {
          if (p.startsWith('$')) inner.add(p.slice(1))
          innerFns.add(`${p.replace(/^\$/, '')}/0`)
        }
        visit(n.body, inner, innerFns)
        visit(n.rest, vars, withSelf)
        return
      }
      default:
        for (const v of Object.values(n)) {
          if (Array.isArray(v)) {
            for (const c of v) {
              if (c && typeof c === 'object' && 'k' in c) visit(c as Node, vars)
              else if (c && typeof c === 'object') for (const w of Object.values(c)) if (w && typeof w === 'object' && 'k' in w) visit(w as Node, vars)
            }
          } else if (v && typeof v === 'object' && 'k' in v) visit(v as Node, vars)
        }
    }
  }
  check(ast, globals, fnKeys)
  if (errors.length === 0) return undefined
  return errors.map((e) => `jq: error: ${e}\n`).join('') + `jq: ${errors.length} compile error${errors.length > 1 ? 's' : ''}\n`
}

function patVars(p: import('./parser').Pattern, into: Set<string>): void {
  if (p.k === 'var') into.add(p.name)
  else if (p.k === 'array') p.items.forEach((i) => patVars(i, into))
  else for (const e of p.entries) patVars(e.pat, into)
}
