// A function's definition as bash prints it (`declare -f NAME`, `type NAME`, `command -V NAME`):
// bash does not keep the text typed, it prints the parsed commands back in its own layout. One
// command per line, four spaces deeper in each compound command, `;` after each but the last of a
// list, `elif` as an `if` inside `else`, words and arithmetic as typed, `[[ ]]` rebuilt from its
// expression, a here-document's body after its command line.
// Imitates: bash 5.2 print_cmd.c (named_function_string, make_command_string_internal,
// print_redirection, print_heredocs).

import type { AndOr, Assignment, CaseCommand, Command, CondExpr, List, Pipeline, Redirect, SimpleCommand } from './parser/ast'

const pad = (n: number) => ' '.repeat(n)

/** What a printed list leaves open: here-documents print their bodies after their command's line. */
interface Printed { text: string; heredoc: boolean }

/** `declare -f NAME`'s text for a function whose body is `body` (with its final newline). */
export function functionText(name: string, body: Command): string {
  return `${definition(name, body, 0, '')}\n`
}

/** `NAME () { ... }` at indentation `ind`; `keyword` is `function ` for a function defined inside one. */
function definition(name: string, body: Command, ind: number, keyword: string): string {
  // a body that is no group (`f() ( ... )`) is printed inside braces of its own
  const inner = body.kind === 'group' ? list(body.body, ind + 4) : command(body, ind + 4)
  const after = body.kind === 'group' ? redirects(body.redirects) : ''
  return `${keyword}${name} () \n${pad(ind)}{ \n${pad(ind + 4)}${inner.text}\n${pad(ind)}}${after}`
}

/** A list's commands at indentation `ind` (the first one's indentation is the caller's to write). */
function list(l: List, ind: number): Printed {
  let text = ''
  let heredoc = false
  l.items.forEach((item, i) => {
    if (i > 0) {
      const prev = l.items[i - 1]
      // after `&` the next command follows on the same line; after a here-document, on the next line, without `;`
      text += prev.background ? ' ' : heredoc ? `\n${pad(ind)}` : `;\n${pad(ind)}`
    }
    const p = andOr(item, ind)
    text += p.text
    heredoc = p.heredoc
    if (item.background) text += ' &'
  })
  return { text, heredoc }
}

function andOr(a: AndOr, ind: number): Printed {
  let p = pipeline(a.first, ind)
  let text = p.text
  for (const r of a.rest) {
    p = pipeline(r.pipeline, ind)
    text += ` ${r.op} ${p.text}`
  }
  return { text, heredoc: p.heredoc }
}

function pipeline(p: Pipeline, ind: number): Printed {
  let heredoc = false
  const parts = p.commands.map((c) => {
    const printed = command(c, ind)
    heredoc = printed.heredoc
    return printed.text
  })
  const timed = p.timed === 'posix' ? 'time -p ' : p.timed ? 'time ' : ''
  return { text: `${timed}${p.negated ? '! ' : ''}${parts.join(' | ')}`, heredoc }
}

/** A body that ends before a closing word (`fi`, `done`, `else`): `;` after its last command, unless a here-document ended it. */
function body(l: List, ind: number): string {
  const p = list(l, ind)
  return `${pad(ind)}${p.text}${p.heredoc ? '' : ';'}\n`
}

function command(c: Command, ind: number): Printed {
  switch (c.kind) {
    case 'simple':
      return simple(c)
    case 'subshell':
      return { text: `( ${list(c.body, ind).text} )${redirects(c.redirects)}`, heredoc: false }
    case 'group':
      return { text: `{ \n${pad(ind + 4)}${list(c.body, ind + 4).text}\n${pad(ind)}}${redirects(c.redirects)}`, heredoc: false }
    case 'if': {
      // elif: bash's parser makes it an if inside the else
      const [first, ...more] = c.clauses
      let text = `if ${list(first.cond, ind).text}; then\n${body(first.body, ind + 4)}`
      if (more.length > 0) text += `${pad(ind)}else\n${pad(ind + 4)}${command({ kind: 'if', clauses: more, elseBody: c.elseBody, redirects: [] }, ind + 4).text};\n`
      else if (c.elseBody) text += `${pad(ind)}else\n${body(c.elseBody, ind + 4)}`
      return { text: `${text}${pad(ind)}fi${redirects(c.redirects)}`, heredoc: false }
    }
    case 'while':
      return { text: `${c.until ? 'until' : 'while'} ${list(c.cond, ind).text}; do\n${body(c.body, ind + 4)}${pad(ind)}done${redirects(c.redirects)}`, heredoc: false }
    case 'for': {
      const words = c.words ? c.words.map((w) => w.raw).join(' ') : '"$@"'
      return { text: `for ${c.name} in ${words};\n${pad(ind)}do\n${body(c.body, ind + 4)}${pad(ind)}done${redirects(c.redirects)}`, heredoc: false }
    }
    case 'arithfor':
      return { text: `for ((${c.init};${c.cond};${c.update}))\n${pad(ind)}do\n${body(c.body, ind + 4)}${pad(ind)}done${redirects(c.redirects)}`, heredoc: false }
    case 'case':
      return { text: caseText(c, ind), heredoc: false }
    case 'arith':
      return { text: `((${c.expr}))${redirects(c.redirects)}`, heredoc: false }
    case 'cond':
      return { text: `[[ ${cond(c.expr)} ]]${redirects(c.redirects)}`, heredoc: false }
    case 'funcdef':
      return { text: definition(c.name, c.body, ind, 'function '), heredoc: false }
  }
}

function caseText(c: CaseCommand, ind: number): string {
  const items = c.items.map((item) => {
    const b = item.body.items.length > 0 ? `${pad(ind + 8)}${list(item.body, ind + 8).text}` : ''
    return `${pad(ind + 4)}${item.patterns.map((p) => p.raw).join(' | ')})\n${b}\n${pad(ind + 4)}${item.term}`
  })
  return `case ${c.word.raw} in \n${items.join('\n')}\n${pad(ind)}esac${redirects(c.redirects)}`
}

function cond(e: CondExpr): string {
  switch (e.kind) {
    case 'not':
      return `! ${cond(e.expr)}`
    case 'and':
    case 'or':
      return `${cond(e.left)} ${e.kind === 'and' ? '&&' : '||'} ${cond(e.right)}`
    case 'unary':
      return `${e.op} ${e.arg.raw}`
    case 'binary':
      return `${e.left.raw} ${e.op} ${e.right.raw}`
  }
}

function assignment(a: Assignment): string {
  const target = a.index !== undefined ? `${a.name}[${a.index}]` : a.name
  return `${target}${a.append ? '+=' : '='}${a.array ? `(${a.array.map((w) => w.raw).join(' ')})` : a.value.raw}`
}

function simple(c: SimpleCommand): Printed {
  const parts = c.assignments.map(assignment)
  // a declaration builtin's array arguments (`declare -a c=(4 5)`) stand among its words by their names
  const arrays = [...(c.arrays ?? [])]
  for (const w of c.words) parts.push(arrays[0]?.name === w.raw ? assignment(arrays.shift()!) : w.raw)
  const heredocs = c.redirects.filter((r) => r.op === '<<')
  let text = `${parts.join(' ')}${redirects(c.redirects)}`
  for (const h of heredocs) text += `\n${h.heredoc?.text ?? ''}${h.heredoc?.delimiter ?? ''}\n`
  return { text, heredoc: heredocs.length > 0 }
}

/** Redirections as print_redirection writes them, each after a space. */
function redirects(rs: Redirect[]): string {
  return rs.map((r) => ` ${redirect(r)}`).join('')
}

function redirect(r: Redirect): string {
  const target = r.target?.raw ?? ''
  switch (r.op) {
    case '<<':
      return `${r.fd === 0 ? '' : r.fd}<<${r.heredoc?.typed ?? r.heredoc?.delimiter ?? ''}`
    case '>&':
    case '<&':
      return `${r.fd}${r.op}${target}`
    case '&>':
    case '&>>':
      return `${r.op} ${target}`
    default: {
      const usual = r.op === '<' || r.op === '<<<' ? 0 : 1
      // `<>` always with its descriptor
      if (r.readWrite) return `${r.fd}<> ${target}`
      return `${r.fd === usual ? '' : r.fd}${r.force ? '>|' : r.op} ${target}`
    }
  }
}
