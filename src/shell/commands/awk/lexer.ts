// Imitates: the POSIX awk grammar's lexical conventions (onetrue-awk lex.c): numbers, strings with
// escapes, regular-expression literals where an operand may start, names, builtin function names,
// keywords, operators and newlines (which end statements unless after `{ && || , do else`).

export type Tok =
  | { t: 'num'; v: number }
  | { t: 'str'; v: string }
  | { t: 'ere'; v: string }
  | { t: 'name'; v: string }
  | { t: 'funcname'; v: string }
  | { t: 'builtin'; v: string }
  | { t: 'kw'; v: string }
  | { t: 'op'; v: string }
  | { t: 'nl' }
  | { t: 'eof' }

/** The line each token is on (parallel to the tokens), for mawk's `line N:` in errors. */
export type Lines = number[]

const KEYWORDS = new Set(['BEGIN', 'END', 'function', 'func', 'if', 'else', 'while', 'for', 'do', 'break', 'continue', 'next', 'nextfile', 'exit', 'return', 'delete', 'in', 'getline', 'print', 'printf'])
export const BUILTINS = new Set(['length', 'substr', 'index', 'split', 'sub', 'gsub', 'match', 'sprintf', 'sin', 'cos', 'atan2', 'exp', 'log', 'sqrt', 'int', 'rand', 'srand', 'tolower', 'toupper', 'system', 'close', 'fflush', 'strftime', 'systime'])
const OPS = ['+=', '-=', '*=', '/=', '%=', '^=', '==', '<=', '>=', '!=', '++', '--', '&&', '||', '>>', '!~', '{', '}', '(', ')', '[', ']', ';', ',', '+', '-', '*', '/', '%', '^', '!', '>', '<', '|', '?', ':', '~', '$', '=']

export class AwkSyntaxError extends Error {}

const ESC: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', '/': '/', a: '\x07', b: '\b', f: '\f', v: '\v' }

export function lex(src: string, lines: Lines = []): Tok[] {
  const out: Tok[] = []
  let i = 0
  let line = 1
  const push0 = out.push.bind(out)
  const push = (t: Tok) => {
    lines.push(line)
    return push0(t)
  }
  const operandMayStart = () => {
    const p = out[out.length - 1]
    if (!p) return true
    if (p.t === 'num' || p.t === 'str' || p.t === 'ere' || p.t === 'name' || p.t === 'funcname') return false
    if (p.t === 'builtin') return false
    if (p.t === 'op') return ![')', ']', '$', '++', '--'].includes(p.v)
    return true
  }
  while (i < src.length) {
    const c = src[i]
    if (c === ' ' || c === '\t') { i++; continue }
    if (c === '\\' && src[i + 1] === '\n') { i += 2; line++; continue }
    if (c === '#') { while (i < src.length && src[i] !== '\n') i++; continue }
    if (c === '\n') { push({ t: 'nl' }); line++; i++; continue }
    if (/[0-9.]/.test(c) && /^(?:[0-9]+\.?[0-9]*|\.[0-9]+)/.test(src.slice(i))) {
      const m = /^(?:0[xX][0-9a-fA-F]+|(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?)/.exec(src.slice(i))!
      push({ t: 'num', v: Number(m[0]) })
      i += m[0].length
      continue
    }
    if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i))!
      const w = m[0]
      i += w.length
      if (KEYWORDS.has(w)) push({ t: 'kw', v: w === 'func' ? 'function' : w })
      else if (BUILTINS.has(w)) push({ t: 'builtin', v: w })
      else push({ t: src[i] === '(' ? 'funcname' : 'name', v: w })
      continue
    }
    if (c === '"') {
      let s = ''
      i++
      while (src[i] !== '"') {
        if (i >= src.length || src[i] === '\n') throw new AwkSyntaxError('non-terminated string')
        if (src[i] === '\\' && i + 1 < src.length) {
          const n = src[i + 1]
          const oct = /^[0-7]{1,3}/.exec(src.slice(i + 1))
          if (oct) { s += String.fromCharCode(parseInt(oct[0], 8)); i += 1 + oct[0].length; continue }
          s += ESC[n] ?? '\\' + n
          i += 2
          continue
        }
        s += src[i++]
      }
      i++
      push({ t: 'str', v: s })
      continue
    }
    if (c === '/' && operandMayStart()) {
      let s = ''
      i++
      let inBracket = false
      while (inBracket || src[i] !== '/') {
        if (i >= src.length || src[i] === '\n') throw new AwkSyntaxError('non-terminated regular expression')
        if (src[i] === '\\' && src[i + 1] === '/') { s += '/'; i += 2; continue }
        if (src[i] === '\\') { s += src[i] + (src[i + 1] ?? ''); i += 2; continue }
        if (src[i] === '[') inBracket = true
        else if (src[i] === ']' && inBracket && s[s.length - 1] !== '[') inBracket = false
        s += src[i++]
      }
      i++
      push({ t: 'ere', v: s })
      continue
    }
    const op = OPS.find((o) => src.startsWith(o, i))
    if (!op) throw new AwkSyntaxError(`invalid char '${c}'`)
    push({ t: 'op', v: op })
    i += op.length
  }
  lines.push(src.endsWith('\n') ? line : line + 1)
  push({ t: 'eof' })
  return out
}
