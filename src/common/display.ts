// What a UTF-8 terminal shows for a byte-faithful string (src/common/bytes.ts): escaped bytes
// that spell characters (half a character written by each of two printf) show as those
// characters, the rest as U+FFFD (one per invalid subpart, as the WHATWG UTF-8 decoder replaces
// them). Apart from bytes.ts and small: the terminal that calls it is on the first screen.

/** Runs of escaped bytes (0x80..0xFF held as U+DC80..U+DCFF, lone). */
const ESCAPED = /[\udc80-\udcff]+/gu
/** Any lone surrogate (with the u flag, a surrogate pair is one character and does not match). */
const STRAY = /[\ud800-\udfff]/u
const STRAYS = /[\ud800-\udfff]/gu

let decoder: { decode(bytes: Uint8Array): string } | undefined

export function displayText(s: string): string {
  if (!STRAY.test(s)) return s
  decoder ??= new TextDecoder()
  const d = decoder
  return s.replace(ESCAPED, (run) => d.decode(Uint8Array.from(run, (c) => c.charCodeAt(0) - 0xdc00))).replace(STRAYS, '\ufffd')
}
