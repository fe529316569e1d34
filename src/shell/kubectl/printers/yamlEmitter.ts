// gopkg.in/yaml.v2 emitterc.go: scalar analysis, style choice and the scalar writers (best_width 80, indent 2, unicode on)

export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal'

const BEST_WIDTH = 80
const BEST_INDENT = 2

interface ScalarAnalysis {
  multiline: boolean
  blockPlainAllowed: boolean
  singleQuotedAllowed: boolean
  blockAllowed: boolean
}

const isBreak = (c: string | undefined) =>
  c === '\r' || c === '\n' || c === '\u0085' || c === '\u2028' || c === '\u2029'
const isBlank = (c: string | undefined) => c === ' ' || c === '\t'
const isBlankz = (c: string | undefined) => c === undefined || c === '\0' || isBlank(c) || isBreak(c)

/** is_printable of go-yaml, by code point. */
function isPrintable(c: string): boolean {
  const cp = c.codePointAt(0)!
  return (
    cp === 0x0a ||
    (cp >= 0x20 && cp <= 0x7e) ||
    (cp >= 0xa0 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff)
  )
}

const utf8Len = (c: string) => {
  const cp = c.codePointAt(0)!
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4
}

/** yaml_emitter_analyze_scalar (flow-context flags are not needed: kubectl prints block style only). */
export function analyzeScalar(value: string[]): ScalarAnalysis {
  if (value.length === 0) {
    return { multiline: false, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: false }
  }
  let blockIndicators = false
  let lineBreaks = false
  let special = false
  let leadingSpace = false
  let leadingBreak = false
  let trailingSpace = false
  let trailingBreak = false
  let breakSpace = false
  let spaceBreak = false
  let precededByWhitespace = true
  let previousSpace = false
  let previousBreak = false
  const joined = value.slice(0, 3).join('')
  if (joined === '---' || joined === '...') blockIndicators = true
  for (let i = 0; i < value.length; i++) {
    const c = value[i]
    const followedByWhitespace = i + 1 >= value.length || isBlank(value[i + 1])
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(c)) blockIndicators = true
      else if ((c === '?' || c === ':' || c === '-') && followedByWhitespace) blockIndicators = true
    } else if (c === ':' && followedByWhitespace) blockIndicators = true
    else if (c === '#' && precededByWhitespace) blockIndicators = true
    if (!isPrintable(c)) special = true
    if (c === ' ') {
      if (i === 0) leadingSpace = true
      if (i === value.length - 1) trailingSpace = true
      if (previousBreak) breakSpace = true
      previousSpace = true
      previousBreak = false
    } else if (isBreak(c)) {
      lineBreaks = true
      if (i === 0) leadingBreak = true
      if (i === value.length - 1) trailingBreak = true
      if (previousSpace) spaceBreak = true
      previousSpace = false
      previousBreak = true
    } else {
      previousSpace = false
      previousBreak = false
    }
    precededByWhitespace = isBlankz(c)
  }
  const a: ScalarAnalysis = { multiline: lineBreaks, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: true }
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) a.blockPlainAllowed = false
  if (trailingSpace) a.blockAllowed = false
  if (breakSpace) {
    a.blockPlainAllowed = false
    a.singleQuotedAllowed = false
  }
  if (spaceBreak || special) {
    a.blockPlainAllowed = false
    a.singleQuotedAllowed = false
    a.blockAllowed = false
  }
  if (lineBreaks || blockIndicators) a.blockPlainAllowed = false
  return a
}

/** yaml_emitter_select_scalar_style (block context, implicit tags). */
export function selectStyle(requested: ScalarStyle, a: ScalarAnalysis, empty: boolean, simpleKey: boolean): ScalarStyle {
  let style = requested
  if (simpleKey && a.multiline) style = 'double'
  if (style === 'plain') {
    if (!a.blockPlainAllowed) style = 'single'
    if (empty && simpleKey) style = 'single'
  }
  if (style === 'single' && !a.singleQuotedAllowed) style = 'double'
  if (style === 'literal' && (!a.blockAllowed || simpleKey)) style = 'double'
  return style
}

/** The emitter's output position and indentation state. */
export class Emitter {
  out: string[] = []
  column = 0
  indent = -1
  indents: number[] = []
  whitespace = true
  indention = true

  put(s: string) {
    this.out.push(s)
    this.column++
  }
  putBreak() {
    this.out.push('\n')
    this.column = 0
  }
  /** write_break: '\n' is a line break; other break characters are copied and reset the column. */
  writeBreak(c: string) {
    if (c === '\n') this.putBreak()
    else {
      this.put(c)
      this.column = 0
    }
  }
  increaseIndent(flow: boolean, indentless: boolean) {
    this.indents.push(this.indent)
    if (this.indent < 0) this.indent = flow ? BEST_INDENT : 0
    else if (!indentless) this.indent += BEST_INDENT
  }
  popIndent() {
    this.indent = this.indents.pop()!
  }
  writeIndent() {
    const indent = Math.max(this.indent, 0)
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak()
    while (this.column < indent) this.put(' ')
    this.whitespace = true
    this.indention = true
  }
  writeIndicator(ind: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean) {
    if (needWhitespace && !this.whitespace) this.put(' ')
    for (const c of ind) this.put(c)
    this.whitespace = isWhitespace
    this.indention = this.indention && isIndention
  }

  writePlain(value: string[], allowBreaks: boolean) {
    if (!this.whitespace) this.put(' ')
    let spaces = false
    let breaks = false
    for (let i = 0; i < value.length; i++) {
      const c = value[i]
      if (c === ' ') {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && value[i + 1] !== ' ') this.writeIndent()
        else this.put(c)
        spaces = true
      } else if (isBreak(c)) {
        if (!breaks && c === '\n') this.putBreak()
        this.writeBreak(c)
        this.indention = true
        breaks = true
      } else {
        if (breaks) this.writeIndent()
        this.put(c)
        this.indention = false
        spaces = false
        breaks = false
      }
    }
    this.whitespace = false
    this.indention = false
  }

  writeSingleQuoted(value: string[], allowBreaks: boolean) {
    this.writeIndicator("'", true, false, false)
    let spaces = false
    let breaks = false
    for (let i = 0; i < value.length; i++) {
      const c = value[i]
      if (c === ' ') {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < value.length - 1 && value[i + 1] !== ' ') {
          this.writeIndent()
        } else this.put(c)
        spaces = true
      } else if (isBreak(c)) {
        if (!breaks && c === '\n') this.putBreak()
        this.writeBreak(c)
        this.indention = true
        breaks = true
      } else {
        if (breaks) this.writeIndent()
        if (c === "'") this.put("'")
        this.put(c)
        this.indention = false
        spaces = false
        breaks = false
      }
    }
    this.writeIndicator("'", false, false, false)
    this.whitespace = false
    this.indention = false
  }

  writeDoubleQuoted(value: string[], allowBreaks: boolean) {
    let spaces = false
    this.writeIndicator('"', true, false, false)
    const bom = value[0] === '\ufeff' // is_bom looks at the start of the value, whatever i is
    for (let i = 0; i < value.length; i++) {
      const c = value[i]
      if (!isPrintable(c) || bom || isBreak(c) || c === '"' || c === '\\') {
        this.put('\\')
        for (const ch of escapeCode(c)) this.put(ch)
        spaces = false
      } else if (c === ' ') {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < value.length - 1) {
          this.writeIndent()
          if (value[i + 1] === ' ') this.put('\\')
        } else this.put(c)
        spaces = true
      } else {
        this.put(c)
        spaces = false
      }
    }
    this.writeIndicator('"', false, false, false)
    this.whitespace = false
    this.indention = false
  }

  writeLiteral(value: string[]) {
    this.writeIndicator('|', true, false, false)
    if (value[0] === ' ' || isBreak(value[0])) this.writeIndicator(String(BEST_INDENT), false, false, false)
    let chomp = ''
    const last = value.length - 1
    if (value.length === 0 || !isBreak(value[last])) chomp = '-'
    else if (last === 0 || isBreak(value[last - 1])) chomp = '+'
    if (chomp) this.writeIndicator(chomp, false, false, false)
    this.putBreak()
    this.indention = true
    this.whitespace = true
    let breaks = true
    for (const c of value) {
      if (isBreak(c)) {
        this.writeBreak(c)
        this.indention = true
        breaks = true
      } else {
        if (breaks) this.writeIndent()
        this.put(c)
        this.indention = false
        breaks = false
      }
    }
  }
}

/** The text after '\' for a character the double-quoted writer escapes. */
function escapeCode(c: string): string {
  const v = c.codePointAt(0)!
  const named: Record<number, string> = {
    0x00: '0', 0x07: 'a', 0x08: 'b', 0x09: 't', 0x0a: 'n', 0x0b: 'v', 0x0c: 'f', 0x0d: 'r', 0x1b: 'e',
    0x22: '"', 0x5c: '\\', 0x85: 'N', 0xa0: '_', 0x2028: 'L', 0x2029: 'P',
  }
  if (named[v] !== undefined) return named[v]
  const hex = v.toString(16).toUpperCase()
  if (v <= 0xff) return 'x' + hex.padStart(2, '0')
  if (v <= 0xffff) return 'u' + hex.padStart(4, '0')
  return 'U' + hex.padStart(8, '0')
}

export { utf8Len }
