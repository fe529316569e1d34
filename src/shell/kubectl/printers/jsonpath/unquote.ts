// k8s.io/client-go/util/jsonpath/parser.go UnquoteExtend (strconv.UnquoteChar semantics)

const SIMPLE: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' }

/** Unquote a '…' or "…" literal as Go's strconv would; undefined on invalid syntax. */
export function unquoteExtend(s: string): string | undefined {
  if (s.length < 2) return undefined
  const quote = s[0]
  if (quote !== s[s.length - 1] || (quote !== '"' && quote !== "'")) return undefined
  s = s.slice(1, -1)
  if (!s.includes('\\') && !s.includes(quote)) return s
  const bytes: number[] = []
  const enc = new TextEncoder()
  let i = 0
  while (i < s.length) {
    const c = s[i]
    if (c === quote) return undefined
    if (c !== '\\') {
      const ch = String.fromCodePoint(s.codePointAt(i)!)
      bytes.push(...enc.encode(ch))
      i += ch.length
      continue
    }
    const e = s[i + 1]
    if (e === undefined) return undefined
    i += 2
    if (SIMPLE[e] !== undefined) bytes.push(SIMPLE[e].charCodeAt(0))
    else if (e === "'" || e === '"') {
      if (e !== quote) return undefined
      bytes.push(e.charCodeAt(0))
    } else if (e === 'x' || e === 'u' || e === 'U') {
      const n = e === 'x' ? 2 : e === 'u' ? 4 : 8
      const hex = s.slice(i, i + n)
      if (!new RegExp(`^[0-9a-fA-F]{${n}}$`).test(hex)) return undefined
      i += n
      const v = parseInt(hex, 16)
      if (e === 'x') bytes.push(v) // a single byte
      else {
        if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) return undefined
        bytes.push(...enc.encode(String.fromCodePoint(v)))
      }
    } else if (e >= '0' && e <= '7') {
      const oct = s.slice(i - 1, i + 2)
      if (!/^[0-7]{3}$/.test(oct)) return undefined
      const v = parseInt(oct, 8)
      if (v > 255) return undefined
      i += 2
      bytes.push(v)
    } else return undefined
  }
  return new TextDecoder().decode(new Uint8Array(bytes))
}
