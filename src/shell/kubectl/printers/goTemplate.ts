// Imitates: Go's text/template as kubectl's GoTemplatePrinter runs it (cli-runtime printers/template.go): fields,
// pipelines, range/if/with/else/end, variables from range, the functions kubectl adds (base64decode,
// base64encode) and the common builtins (index, len, printf, eq, ne, not, and, or). Missing keys print <no value>.

import { decodeBase64, encodeBase64Text } from '../../../common/base64'
import { KubectlError } from '../errors'

/* eslint-disable @typescript-eslint/no-explicit-any */
type Node = { kind: 'text'; text: string } | { kind: 'action'; pipe: string } | { kind: 'range' | 'if' | 'with'; pipe: string; body: Node[]; alt: Node[] }

class TemplateError extends Error {}

/** Splits `{{ }}` actions from text, honouring the `{{-` and `-}}` trim markers. */
function lex(src: string): { text: string; action?: string }[] {
  const out: { text: string; action?: string }[] = []
  let i = 0
  while (i < src.length) {
    const open = src.indexOf('{{', i)
    if (open < 0) {
      out.push({ text: src.slice(i) })
      break
    }
    let text = src.slice(i, open)
    let start = open + 2
    if (src[start] === '-' && /\s/.test(src[start + 1] ?? '')) {
      text = text.replace(/\s+$/, '')
      start++
    }
    let close = start
    let quote = ''
    for (; close < src.length; close++) {
      const c = src[close]
      if (quote) {
        if (c === '\\') close++
        else if (c === quote) quote = ''
      } else if (c === '"' || c === '`') quote = c
      else if (src.startsWith('}}', close)) break
    }
    if (close >= src.length) throw new TemplateError('unclosed action')
    let action = src.slice(start, close)
    i = close + 2
    if (/\s-$/.test(action)) {
      action = action.slice(0, -1)
      const m = /^\s*/.exec(src.slice(i)) as RegExpExecArray
      i += m[0].length
    }
    out.push({ text, action: action.trim() })
  }
  return out
}

function parse(src: string): Node[] {
  const tokens = lex(src)
  let pos = 0
  function block(): { nodes: Node[]; end: 'end' | 'else' | 'eof'; elseKind?: 'if' | 'with'; elsePipe?: string } {
    const nodes: Node[] = []
    while (pos < tokens.length) {
      const t = tokens[pos++]
      if (t.text) nodes.push({ kind: 'text', text: t.text })
      if (t.action === undefined) continue
      const a = t.action
      if (a.startsWith('/*')) continue
      // a keyword ends where text/template's lexer ends an identifier (atTerminator): at a space,
      // at the end, or at one of . , | : ( )
      const m = /^(range|if|with)(?=[\s.,|:()]|$)\s*(.*)$/s.exec(a)
      if (m) {
        if (m[2] === '') throw new TemplateError(`missing value for ${m[1]}`)
        nodes.push(branch(m[1] as 'range', m[2]))
        continue
      }
      if (a === 'end') return { nodes, end: 'end' }
      if (a === 'else') return { nodes, end: 'else' }
      const ei = /^else\s+(if|with)(?=[\s.,|:()]|$)\s*(.*)$/s.exec(a)
      if (ei) return { nodes, end: 'else', elseKind: ei[1] as 'if' | 'with', elsePipe: ei[2] }
      nodes.push({ kind: 'action', pipe: a })
    }
    return { nodes, end: 'eof' }
  }
  /** The body and the else part of range/if/with; `else if` (and `else with`) nests a branch that shares the one {{end}}. */
  function branch(kind: 'range' | 'if' | 'with', pipe: string): Node {
    const body = block()
    let alt: Node[] = []
    if (body.end === 'else') {
      if (body.elsePipe !== undefined) {
        if (body.elsePipe === '') throw new TemplateError(`missing value for ${body.elseKind}`)
        alt = [branch(body.elseKind ?? 'if', body.elsePipe)]
      }
      else {
        const rest = block()
        if (rest.end !== 'end') throw new TemplateError('unexpected EOF')
        alt = rest.nodes
      }
    } else if (body.end !== 'end') throw new TemplateError('unexpected EOF')
    return { kind, pipe, body: body.nodes, alt }
  }
  const top = block()
  if (top.end !== 'eof') throw new TemplateError(`unexpected {{${top.end}}}`)
  return top.nodes
}

const MISSING = Symbol('missing')

/** fmt.Sprint of a JSON value as Go prints the unmarshalled interface{}. */
export function goPrint(v: any): string {
  if (v === MISSING || v === undefined) return '<no value>'
  if (v === null) return '<nil>'
  if (Array.isArray(v)) return `[${v.map(goPrint).join(' ')}]`
  if (typeof v === 'object') return `map[${Object.keys(v).sort().map((k) => `${k}:${goPrint(v[k])}`).join(' ')}]`
  if (typeof v === 'number' && !Number.isInteger(v)) return String(v)
  if (typeof v === 'number' && Math.abs(v) >= 1e21) return v.toExponential().replace('e+', 'e+')
  return String(v)
}

function truthy(v: any): boolean {
  if (v === MISSING || v === undefined || v === null || v === false || v === 0 || v === '') return false
  if (Array.isArray(v)) return v.length > 0
  if (typeof v === 'object') return Object.keys(v).length > 0
  return true
}

/** An operand of a command: a word (field, variable, literal, function name) or a parenthesized pipeline, with the fields after it (`(index .items 0).metadata`). */
type Operand = { word: string } | { pipe: Operand[][]; fields: string }

/**
 * A pipeline's commands, each a list of operands, as text/template's parser reads them: `|` ends a
 * command, `( … )` holds a pipeline of its own.
 */
function parsePipeline(pipe: string): Operand[][] {
  const re = /"(?:[^"\\]|\\.)*"|`[^`]*`|\(|\)|\||[^\s()|]+/g
  const toks = [...pipe.matchAll(re)].map((m) => ({ text: m[0], at: m.index, end: m.index + m[0].length }))
  let i = 0
  // the lexer's parenthesis depth: a `)` with none open, or a `(` left open, is its error
  let depth = 0
  function pipeline(): Operand[][] {
    const cmds: Operand[][] = [[]]
    while (i < toks.length) {
      const t = toks[i++]
      if (t.text === ')') {
        if (depth === 0) throw new TemplateError('unexpected right paren')
        depth--
        return cmds
      }
      if (t.text === '|') cmds.push([])
      else if (t.text === '(') {
        depth++
        const inner = pipeline()
        // fields right after the closing parenthesis belong to it
        const next = toks[i]
        const fields = next && next.at === toks[i - 1].end && next.text.startsWith('.') ? toks[i++].text : ''
        cmds[cmds.length - 1].push({ pipe: inner, fields })
      } else cmds[cmds.length - 1].push({ word: t.text })
    }
    if (depth > 0) throw new TemplateError('unclosed left paren')
    return cmds
  }
  return pipeline()
}

/** The words of a pipeline and of the pipelines inside it. */
function wordsOf(cmds: Operand[][]): string[] {
  return cmds.flatMap((cmd) => cmd.flatMap((o) => ('word' in o ? [o.word] : wordsOf(o.pipe))))
}

type Scope = { dot: any; vars: Map<string, any> }

function field(base: any, chain: string): any {
  let v = base
  for (const name of chain.split('.').filter((p) => p !== '')) {
    if (v === MISSING || v === undefined || v === null) return MISSING
    if (typeof v !== 'object' || Array.isArray(v)) throw new TemplateError(`can't evaluate field ${name} in type ${Array.isArray(v) ? '[]interface {}' : typeof v === 'string' ? 'string' : 'interface {}'}`)
    v = Object.hasOwn(v, name) ? v[name] : MISSING
  }
  return v
}

function b64decode(s: string): string {
  const bytes = decodeBase64(s)
  if (!bytes) throw new TemplateError(`base64decode: illegal base64 data at input byte 0`)
  return new TextDecoder().decode(bytes)
}

function printf(format: string, args: any[]): string {
  let i = 0
  return format.replace(/%([-+ 0#]*\d*(?:\.\d+)?)([svdqtx%])/g, (_, _flags: string, verb: string) => {
    if (verb === '%') return '%'
    const a = args[i++]
    if (verb === 'q') return JSON.stringify(goPrint(a))
    if (verb === 'x') return typeof a === 'number' ? a.toString(16) : [...new TextEncoder().encode(String(a))].map((b) => b.toString(16).padStart(2, '0')).join('')
    return goPrint(a)
  })
}

const FUNCS: Record<string, (args: any[]) => any> = {
  base64decode: ([s]) => b64decode(String(s)),
  base64encode: ([s]) => encodeBase64Text(String(s)),
  index: ([v, ...keys]) => keys.reduce((acc, k) => (acc === MISSING || acc === null || acc === undefined ? MISSING : Object.hasOwn(Object(acc), k) ? acc[k] : Array.isArray(acc) ? (() => { throw new TemplateError(`error calling index: index out of range: ${k}`) })() : MISSING), v),
  len: ([v]) => (typeof v === 'string' || Array.isArray(v) ? v.length : v && typeof v === 'object' ? Object.keys(v).length : 0),
  printf: ([f, ...rest]) => printf(String(f), rest),
  print: (args) => args.map(goPrint).join(' '),
  println: (args) => `${args.map(goPrint).join(' ')}\n`,
  eq: ([a, ...bs]) => bs.some((b) => a === b),
  ne: ([a, b]) => a !== b,
  lt: ([a, b]) => a < b,
  gt: ([a, b]) => a > b,
  not: ([a]) => !truthy(a),
  and: (args) => args.find((a) => !truthy(a)) ?? args[args.length - 1],
  or: (args) => args.find((a) => truthy(a)) ?? args[args.length - 1],
}

function evalArg(tok: string, s: Scope): any {
  if (tok.startsWith('"')) return JSON.parse(tok)
  if (tok.startsWith('`')) return tok.slice(1, -1)
  if (/^-?\d+(\.\d+)?$/.test(tok)) return Number(tok)
  if (tok === 'true' || tok === 'false') return tok === 'true'
  if (tok === 'nil') return null
  if (tok === '.') return s.dot
  if (tok.startsWith('.')) return field(s.dot, tok)
  if (tok.startsWith('$')) {
    const dot = tok.indexOf('.')
    const name = dot < 0 ? tok : tok.slice(0, dot)
    if (!s.vars.has(name)) throw new TemplateError(`undefined variable "${name}"`)
    return dot < 0 ? s.vars.get(name) : field(s.vars.get(name), tok.slice(dot))
  }
  if (Object.hasOwn(FUNCS, tok)) return FUNCS[tok]([])
  throw new TemplateError(`function "${tok}" not defined`)
}

function evalOperand(o: Operand, s: Scope): any {
  if ('word' in o) return evalArg(o.word, s)
  const v = evalCommands(o.pipe, s)
  return o.fields ? field(v, o.fields) : v
}

function evalCommands(cmds: Operand[][], s: Scope): any {
  let value: any = MISSING
  let first = true
  for (const cmd of cmds) {
    const extra = first ? [] : [value]
    first = false
    const head = cmd[0]
    const name = head && 'word' in head ? head.word : undefined
    if (name !== undefined && Object.hasOwn(FUNCS, name)) value = FUNCS[name]([...cmd.slice(1).map((o) => evalOperand(o, s)), ...extra])
    else if (cmd.length === 1 && extra.length === 0) value = evalOperand(head, s)
    else throw new TemplateError(`can't give argument to non-function ${name ?? '('}`)
  }
  return value
}

const evalPipe = (pipe: string, s: Scope): any => evalCommands(parsePipeline(pipe), s)

function run(nodes: Node[], s: Scope, out: string[]): void {
  for (const n of nodes) {
    if (n.kind === 'text') out.push(n.text)
    else if (n.kind === 'action') {
      const decl = /^(\$\w*)\s*:=\s*(.*)$/s.exec(n.pipe)
      if (decl) s.vars.set(decl[1], evalPipe(decl[2], s))
      else out.push(goPrint(evalPipe(n.pipe, s)))
    } else {
      const decl = /^(\$\w*)(?:\s*,\s*(\$\w*))?\s*:=\s*(.*)$/s.exec(n.pipe)
      const v = evalPipe(decl ? decl[3] : n.pipe, s)
      if (n.kind === 'range') {
        const entries: [any, any][] = Array.isArray(v) ? v.map((x, i) => [i, x]) : v && typeof v === 'object' ? Object.keys(v).sort().map((k) => [k, v[k]]) : []
        if (entries.length === 0) run(n.alt, s, out)
        for (const [k, x] of entries) {
          const vars = new Map(s.vars)
          if (decl && decl[2]) {
            vars.set(decl[1], k)
            vars.set(decl[2], x)
          } else if (decl) vars.set(decl[1], x)
          run(n.body, { dot: x, vars }, out)
        }
      } else if (truthy(v)) run(n.body, n.kind === 'with' ? { dot: v, vars: s.vars } : s, out)
      else run(n.alt, s, out)
    }
  }
}

/**
 * text/template's parser refuses a name that is no function before anything runs: every bare
 * identifier in a pipe (not a field, a variable or a literal) must be a defined function.
 */
function checkFunctions(nodes: Node[]): void {
  for (const n of nodes) {
    if (n.kind === 'text') continue
    const pipe = n.pipe.replace(/^(\$\w*)(?:\s*,\s*(\$\w*))?\s*:=\s*/s, '')
    for (const tok of wordsOf(parsePipeline(pipe)))
      if (/^[A-Za-z_]\w*$/.test(tok) && tok !== 'true' && tok !== 'false' && tok !== 'nil' && !Object.hasOwn(FUNCS, tok)) throw new TemplateError(`function "${tok}" not defined`)
    if (n.kind !== 'action') {
      checkFunctions(n.body)
      checkFunctions(n.alt)
    }
  }
}

/** Runs a Go template over the object as kubectl's template printer does; errors in kubectl's words. */
export function goTemplate(template: string, data: unknown): string {
  let nodes: Node[]
  try {
    nodes = parse(template)
    checkFunctions(nodes)
  } catch (e) {
    throw new KubectlError(`error: error parsing template ${template}, template: output:1: ${(e as Error).message}`)
  }
  const out: string[] = []
  try {
    run(nodes, { dot: data, vars: new Map([['$', data]]) }, out)
  } catch (e) {
    const partial = out.join('')
    throw new KubectlError(`${partial}error: error executing template "${template}": template: output:1: executing "output" at <${template}>: ${(e as Error).message}`)
  }
  return out.join('')
}
