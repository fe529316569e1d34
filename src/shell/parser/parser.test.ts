import { describe, expect, test } from 'vitest'
import type { List, SimpleCommand, Word } from './ast'
import { parse, parseScript } from './parser'

function ok(src: string): List {
  const r = parse(src)
  if (!r.ok) throw new Error(`parse failed: ${r.message}`)
  return r.list
}

function simple(src: string, item = 0): SimpleCommand {
  const cmd = ok(src).items[item].first.commands[0]
  if (cmd.kind !== 'simple') throw new Error('not simple')
  return cmd
}

/** Literal text of a word (expansions shown as $name / $(...)). */
function text(w: Word): string {
  return w.parts.map((p) => (p.kind === 'lit' ? p.text : p.kind === 'var' ? `$${p.name}` : p.kind === 'cmdsub' ? '$(...)' : '?')).join('')
}

describe('words and quotes', () => {
  test('single quotes keep everything literal, including backslashes and $', () => {
    expect(text(simple("echo 'a\\b $X'").words[1])).toBe('a\\b $X')
  })
  test('double quotes expand $VAR and keep escapes other than $ ` " \\ newline', () => {
    const w = simple('echo "x $A \\$B \\q"').words[1]
    expect(w.parts.map((p) => p.kind)).toEqual(['lit', 'var', 'lit'])
    expect(text(w)).toBe('x $A $B \\q')
  })
  test('empty quotes make an empty word part', () => {
    const w = simple("echo ''").words[1]
    expect(w.parts).toEqual([{ kind: 'lit', text: '', quoted: true }])
  })
  test('backslash-newline is a line continuation', () => {
    expect(simple('echo a\\\nb').words.map(text)).toEqual(['echo', 'ab'])
  })
  test('comments run to the end of the line, but # inside a word is literal', () => {
    expect(simple('echo a#b # c d').words.map(text)).toEqual(['echo', 'a#b'])
  })
  test('* is a literal (no globbing in the lab)', () => {
    expect(text(simple('echo *.txt').words[1])).toBe('*.txt')
  })
  test('${VAR:-default}, ${#VAR}, $? and $(...) nested in quotes', () => {
    const w = simple('echo "${A:-x y}${#B}$?$(echo "$(echo in)")"').words[1]
    expect(w.parts.map((p) => p.kind)).toEqual(['var', 'var', 'var', 'cmdsub'])
  })
  test('bad substitution is found at expansion time, not parse time', () => {
    expect(simple('echo ${A B}').words[1].parts[0].kind).toBe('badsub')
  })
  test('$(...) may contain ) inside quotes and nested $(...)', () => {
    const w = simple('echo $(echo ")" $(echo a))').words[1]
    expect(w.parts[0].kind).toBe('cmdsub')
  })
  test("$'...' ANSI-C quoting", () => {
    expect(text(simple("echo $'a\\tb\\x41'").words[1])).toBe('a\tbA')
  })
})

describe('assignments, redirections, here-documents', () => {
  test('assignment words before the command name', () => {
    const c = simple('A=1 B=$(echo x) cmd C=3')
    expect(c.assignments.map((a) => a.name)).toEqual(['A', 'B'])
    expect(c.words.map(text)).toEqual(['cmd', 'C=3'])
  })
  test('redirections in order, with fd numbers and dup', () => {
    const c = simple('cmd >out 2>&1 <in 2>>log &>all')
    expect(c.redirects.map((r) => [r.fd, r.op])).toEqual([[1, '>'], [2, '>&'], [0, '<'], [2, '>>'], [1, '&>']])
  })
  test('a digit inside a word is not an fd number', () => {
    const c = simple('echo a2>f')
    expect(c.words.map(text)).toEqual(['echo', 'a2'])
    expect(c.redirects[0].fd).toBe(1)
  })
  test('here-document bodies are read after the line, with expansion unless the delimiter is quoted', () => {
    const list = ok("cat <<EOF; cat <<'X'\nhi $A\nEOF\nraw $B\nX\necho after")
    const [first, second] = list.items.slice(0, 2).map((i) => i.first.commands[0] as SimpleCommand)
    expect(first.redirects[0].heredoc!.body.some((p) => p.kind === 'var')).toBe(true)
    expect(second.redirects[0].heredoc!.body).toEqual([{ kind: 'lit', text: 'raw $B\n', quoted: true }])
    expect(list.items).toHaveLength(3)
  })
  test('<<- strips leading tabs', () => {
    const c = simple('cat <<-EOF\n\t\tx\n\tEOF')
    expect(c.redirects[0].heredoc!.body).toEqual([{ kind: 'lit', text: 'x\n', quoted: true }])
  })
  test('an unterminated here-document warns like bash and continues', () => {
    const r = parse('cat <<EOF\nabc')
    expect(r.ok && r.warnings[0]).toBe("warning: here-document at line 1 delimited by end-of-file (wanted `EOF')")
    expect(r.ok && r.continues).toBe(true)
  })
})

describe('lists and pipelines', () => {
  test('&& || ; and pipes', () => {
    const list = ok('a | b && c || d; e')
    expect(list.items).toHaveLength(2)
    expect(list.items[0].first.commands).toHaveLength(2)
    expect(list.items[0].rest.map((r) => r.op)).toEqual(['&&', '||'])
  })
  test('newlines after | and && continue the command', () => {
    expect(ok('a |\n b &&\n\n c').items).toHaveLength(1)
  })
  test('! negates a pipeline', () => {
    expect(ok('! a | b').items[0].first.negated).toBe(true)
  })
  test('subshells', () => {
    expect(ok('(cd /tmp; ls) > f').items[0].first.commands[0].kind).toBe('subshell')
  })
  test('chunks before a syntax error on a later line are kept', () => {
    const s = parseScript('echo one\necho two &&& x')
    expect(s.chunks).toHaveLength(1)
    expect(s.error?.message).toBe("syntax error near unexpected token `&'")
  })
})

describe('errors carry bash messages', () => {
  const cases: [string, string, boolean][] = [
    ['&& echo', "syntax error near unexpected token `&&'", false],
    ['echo a | | b', "syntax error near unexpected token `|'", false],
    ['echo >', "syntax error near unexpected token `newline'", false],
    ['echo > ;', "syntax error near unexpected token `;'", false],
    ['()', "syntax error near unexpected token `)'", false],
    ['echo )', "syntax error near unexpected token `)'", false],
    ['fi', "syntax error near unexpected token `fi'", false],
    ['echo (a)', "syntax error near unexpected token `a'", false],
    ["echo 'abc", "unexpected EOF while looking for matching `''", true],
    ['echo "abc', 'unexpected EOF while looking for matching `"\'', true],
    ['echo $(ls', "unexpected EOF while looking for matching `)'", true],
    ['echo `ls', "unexpected EOF while looking for matching ``'", true],
    ['echo ${A', "unexpected EOF while looking for matching `}'", true],
    ['echo a &&', 'syntax error: unexpected end of file', true],
    ['echo a |', 'syntax error: unexpected end of file', true],
    ['(echo a', 'syntax error: unexpected end of file', true],
  ]
  test.each(cases)('%s', (src, message, incomplete) => {
    expect(parse(src)).toEqual({ ok: false, message, incomplete })
  })
  test('absurd nesting is an error value, not a crash', () => {
    const r = parse('echo ' + '$('.repeat(5000) + ')'.repeat(5000))
    expect(r.ok).toBe(false)
  })
})
