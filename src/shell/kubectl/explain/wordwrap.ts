// Word wrapping at white space, as kubectl's explain templates call it (`wrap N`).
// Imitates: github.com/mitchellh/go-wordwrap v1.0.1 (WrapString), through k8s.io/kubectl/pkg/util/term (NewWordWrapWriter)

/** Bytes of a code point in UTF-8: Go's buffers count bytes, not characters. */
const utf8Len = (ch: string) => {
  const cp = ch.codePointAt(0) ?? 0
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4
}

/** unicode.IsSpace */
const isSpace = (ch: string) => /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/.test(ch)

/** Wraps `s` at white space within `lim` bytes a line; a word longer than the limit stays whole. A limit of 0 leaves `s` as it is. */
export function wrapString(s: string, lim: number): string {
  if (lim === 0) return s
  let buf = ''
  let current = 0
  let word = ''
  let wordLen = 0
  let space = ''
  let spaceLen = 0
  for (const ch of s) {
    if (ch === '\n') {
      if (wordLen === 0) {
        if (current + spaceLen > lim) current = 0
        else buf += space
      } else {
        buf += space + word
      }
      space = word = ''
      spaceLen = wordLen = 0
      buf += ch
      current = 0
    } else if (isSpace(ch)) {
      if (spaceLen === 0 || wordLen > 0) {
        current += spaceLen + wordLen
        buf += space + word
        space = word = ''
        spaceLen = wordLen = 0
      }
      space += ch
      spaceLen += utf8Len(ch)
    } else {
      word += ch
      wordLen += utf8Len(ch)
      if (current + spaceLen + wordLen > lim && wordLen < lim) {
        buf += '\n'
        current = 0
        space = ''
        spaceLen = 0
      }
    }
  }
  if (wordLen === 0) {
    if (current + spaceLen <= lim) buf += space
  } else {
    buf += space + word
  }
  return buf
}

/** The templates' `indent N`: N spaces before the text and after every newline in it. */
export function indent(amount: number, s: string): string {
  const pad = ' '.repeat(amount)
  return pad + s.replaceAll('\n', `\n${pad}`)
}
