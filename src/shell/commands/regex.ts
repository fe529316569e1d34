// POSIX basic and extended regular expressions (with GNU's extensions \+ \? \| \< \> \w \s)
// translated to regular-expression source that both RE2 (re2js) and JavaScript read, with GNU
// grep's error messages. matcher.ts runs it without exponential backtracking.

export type RegexResult = { ok: true; source: string } | { ok: false; message: string }

const CLASS_MAP: Record<string, string> = {
  alpha: 'A-Za-z', digit: '0-9', alnum: 'A-Za-z0-9', upper: 'A-Z', lower: 'a-z', space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t', punct: '!-\\/:-@\\[-`{-~', print: ' -~', graph: '!-~', cntrl: '\\x00-\\x1f\\x7f', xdigit: '0-9A-Fa-f',
}

const UNMATCHED_BRACKET = 'Unmatched [, [^, [:, [., or [='

/** Read a bracket expression starting at `[`; returns the JS class and the index after it. */
function bracket(p: string, start: number): { src: string; end: number } | string {
  let i = start + 1
  let out = '['
  if (p[i] === '^') {
    out += '^'
    i++
  }
  let first = true
  for (;;) {
    if (i >= p.length) return UNMATCHED_BRACKET
    const c = p[i]
    if (c === ']' && !first) break
    first = false
    if (c === '[' && (p[i + 1] === ':' || p[i + 1] === '.' || p[i + 1] === '=')) {
      const kind = p[i + 1]
      const close = p.indexOf(kind + ']', i + 2)
      if (close < 0) return UNMATCHED_BRACKET
      const name = p.slice(i + 2, close)
      if (kind === ':') {
        const cls = CLASS_MAP[name]
        if (!cls) return 'Invalid character class name'
        out += cls
      } else out += escapeClassChar(name)
      i = close + 2
      continue
    }
    out += escapeClassChar(c)
    i++
  }
  return { src: out + ']', end: i + 1 }
}

function escapeClassChar(c: string): string {
  return c === '\\' || c === ']' || c === '[' || c === '^' ? '\\' + c : c
}

function escapeLiteral(c: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(c) ? '\\' + c : c
}

/** Translate a BRE (extended=false) or ERE to JS RegExp source. */
export function translate(p: string, extended: boolean): RegexResult {
  let out = ''
  let depth = 0
  // Whether the next token is at the start of an expression (where `*` is literal and `^` anchors).
  let atStart = true
  for (let i = 0; i < p.length; ) {
    const c = p[i]
    const wasStart = atStart
    atStart = false
    if (c === '[') {
      const b = bracket(p, i)
      if (typeof b === 'string') return { ok: false, message: b }
      out += b.src
      i = b.end
      continue
    }
    if (c === '\\') {
      const n = p[i + 1]
      i += 2
      if (n === undefined) return { ok: false, message: 'Trailing backslash' }
      if (!extended && n === '(') {
        depth++
        out += '('
        atStart = true
      } else if (!extended && n === ')') {
        if (depth === 0) return { ok: false, message: 'Unmatched ) or \\)' }
        depth--
        out += ')'
      } else if (!extended && n === '|') {
        out += '|'
        atStart = true
      } else if (!extended && (n === '{' || n === '}' || n === '+' || n === '?')) {
        out += n
      } else if (n === '<') out += '\\b(?<!\\w)'
      else if (n === '>') out += '\\b(?<=\\w)'
      else if (/[wWsSbB]/.test(n)) out += '\\' + n
      else if (/[1-9]/.test(n)) out += '\\' + n
      else out += escapeLiteral(n)
      continue
    }
    i++
    if (c === '*' && wasStart) {
      out += '\\*'
      continue
    }
    if (c === '^') {
      if (extended || wasStart) {
        out += '^'
        atStart = true
      } else out += '\\^'
      continue
    }
    if (c === '$') {
      const atEnd = i === p.length || (!extended && (p.startsWith('\\)', i) || p.startsWith('\\|', i)))
      out += extended || atEnd ? '$' : '\\$'
      continue
    }
    if (extended && c === '(') {
      depth++
      out += '('
      atStart = true
      continue
    }
    if (extended && c === ')') {
      if (depth === 0) out += '\\)'
      else {
        depth--
        out += ')'
      }
      continue
    }
    if (extended && c === '|') {
      out += '|'
      atStart = true
      continue
    }
    if (extended && (c === '+' || c === '?')) {
      out += wasStart ? '\\' + c : c
      continue
    }
    if (extended && c === '{') {
      const m = /^\{([0-9]*)(,?)([0-9]*)\}/.exec(p.slice(i - 1))
      if (m && (m[1] !== '' || m[3] !== '')) {
        if (m[1] !== '' && m[3] !== '' && Number(m[3]) < Number(m[1])) return { ok: false, message: 'Invalid content of \\{\\}' }
        out += `{${m[1] || '0'}${m[2]}${m[3]}}`
        i += m[0].length - 1
      } else out += '\\{'
      continue
    }
    if (c === '.' || c === '*') {
      out += c
      continue
    }
    out += escapeLiteral(c)
  }
  if (depth > 0) return { ok: false, message: 'Unmatched ( or \\(' }
  return { ok: true, source: out }
}

export interface GrepPatternOptions {
  extended: boolean
  fixed: boolean
  ignoreCase: boolean
  word: boolean
  line: boolean
}

/** -w and -x around a pattern's source. */
export function wrapWholeWordOrLine(source: string, word: boolean, line: boolean): string {
  let src = source
  // Not followed by a word character, without lookahead (RE2 has none).
  if (word) src = `(?<![A-Za-z0-9_])(?:${src})(?:\\b(?<=\\w)|\\B(?<!\\w))`
  if (line) src = `^(?:${src})$`
  return src
}

/** Translate the patterns into one source matching any of them, or grep's error message. */
export function patternSource(patterns: string[], o: GrepPatternOptions): string | { error: string } {
  const sources: string[] = []
  for (const p of patterns) {
    if (o.fixed) sources.push([...p].map(escapeLiteral).join(''))
    else {
      const r = translate(p, o.extended)
      if (!r.ok) return { error: r.message }
      sources.push(r.source)
    }
  }
  const src = wrapWholeWordOrLine(sources.map((s) => `(?:${s})`).join('|'), o.word, o.line)
  try {
    // Checked only (never run here): the engines in matcher.ts run it.
    new RegExp(src)
  } catch {
    return { error: 'Invalid regular expression' }
  }
  return src
}
