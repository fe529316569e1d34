// Bash pattern matching (lib/glob/strmatch.c) as regular expressions: `*`, `?` and bracket
// expressions (`[a-z]`, `[!x]`, `[^x]`, `[[:alpha:]]`) in unquoted text; quoted text matches itself.
// Used by `${V#p}`-style expansions, `case` and pathname expansion.

export interface PatternPiece {
  text: string
  quoted: boolean
}

const CLASSES: Record<string, string> = {
  alpha: 'A-Za-z', digit: '0-9', alnum: 'A-Za-z0-9', upper: 'A-Z', lower: 'a-z', space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t', punct: '!-\\/:-@\\[-`{-~', xdigit: '0-9A-Fa-f', word: 'A-Za-z0-9_', cntrl: '\\x00-\\x1f\\x7f',
  print: ' -~', graph: '!-~',
}

const escapeRe = (s: string) => s.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&')

/** Whether unquoted text holds a pattern character (`*`, `?` or `[`). */
export function hasGlob(pieces: PatternPiece[]): boolean {
  return pieces.some((p) => !p.quoted && /[*?[]/.test(p.text))
}

/** The regular-expression source of a pattern; `lazy` makes `*` match as little as it can. */
export function patternSource(pieces: PatternPiece[], lazy = false): string {
  // one text, quoted characters escaped with a backslash (bash's quote_string_for_globbing), so that
  // a bracket expression may hold quoted characters: `[\[\]]`, `["-"x]`
  const t = pieces.map((p) => (p.quoted ? p.text.replace(/[\s\S]/g, '\\$&') : p.text)).join('')
  let out = ''
  for (let i = 0; i < t.length; i++) {
    const c = t[i]
    if (c === '*') out += lazy ? '[\\s\\S]*?' : '[\\s\\S]*'
    else if (c === '?') out += '[\\s\\S]'
    else if (c === '[') {
      const br = bracket(t, i)
      if (br) {
        out += br.source
        i = br.end
      } else out += '\\['
    } else if (c === '\\' && i + 1 < t.length) {
      out += escapeRe(t[i + 1])
      i++
    } else out += escapeRe(c)
  }
  return out
}

function bracket(t: string, start: number): { source: string; end: number } | undefined {
  let i = start + 1
  let negate = false
  if (t[i] === '!' || t[i] === '^') {
    negate = true
    i++
  }
  let body = ''
  let first = true
  for (; i < t.length; i++) {
    const c = t[i]
    if (c === ']' && !first) return { source: `[${negate ? '^' : ''}${body}]`, end: i }
    first = false
    if (c === '[' && t[i + 1] === ':') {
      const close = t.indexOf(':]', i + 2)
      const cls = close > 0 ? CLASSES[t.slice(i + 2, close)] : undefined
      if (cls !== undefined) {
        body += cls
        i = close + 1
        continue
      }
    }
    // a backslash makes the next character itself
    if (c === '\\' && i + 1 < t.length) {
      body += escapeRe(t[++i])
      continue
    }
    if (c === '-' && body !== '' && t[i + 1] !== ']' && i + 1 < t.length) {
      body += '-'
      continue
    }
    body += c === '\\' || c === ']' || c === '[' || c === '^' || c === '-' ? '\\' + c : c
  }
  return undefined
}

/** Whether the whole string matches the pattern. */
export function matchPattern(pieces: PatternPiece[], s: string): boolean {
  return new RegExp(`^(?:${patternSource(pieces)})$`).test(s)
}

/** `${V#p}` (shortest) and `${V##p}` (longest): remove a matching prefix. */
export function removePrefix(v: string, pieces: PatternPiece[], longest: boolean): string {
  const m = new RegExp(`^(?:${patternSource(pieces, !longest)})`).exec(v)
  return m ? v.slice(m[0].length) : v
}

/** `${V%p}` (shortest) and `${V%%p}` (longest): remove a matching suffix. */
export function removeSuffix(v: string, pieces: PatternPiece[], longest: boolean): string {
  const m = new RegExp(`^([\\s\\S]*${longest ? '?' : ''})(?:${patternSource(pieces)})$`).exec(v)
  return m ? m[1] : v
}

/** `${V/p/s}`, `${V//p/s}`, `${V/#p/s}`, `${V/%p/s}`. */
export function replacePattern(v: string, pieces: PatternPiece[], repPieces: PatternPiece[], mode: '/' | '//' | '/#' | '/%'): string {
  const src = patternSource(pieces)
  if (src === '' && (mode === '/' || mode === '//')) return v
  // bash 5.2's patsub_replacement: an unquoted `&` in the replacement stands for the match.
  const fill = (match: string) => repPieces.map((r) => (r.quoted ? r.text : r.text.replaceAll('&', match))).join('')
  if (mode === '/#') {
    const m = new RegExp(`^(?:${src})`).exec(v)
    return m ? fill(m[0]) + v.slice(m[0].length) : v
  }
  if (mode === '/%') {
    const m = new RegExp(`^([\\s\\S]*?)(?:${src})$`).exec(v)
    return m ? m[1] + fill(v.slice(m[1].length)) : v
  }
  const re = new RegExp(src, mode === '//' ? 'g' : '')
  return v.replace(re, (match) => (match === '' ? '' : fill(match)))
}
