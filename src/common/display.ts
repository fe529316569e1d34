// What a UTF-8 terminal shows for a byte-faithful string (src/common/bytes.ts): escaped bytes
// (0x80..0xFF held as lone U+DC80..U+DCFF) that spell characters (half a character written by
// each of two printf) show as those characters, the rest as U+FFFD (one per invalid subpart, as
// the WHATWG UTF-8 decoder replaces them). Apart from bytes.ts and small: the terminal is on the
// first screen. With the u flag a surrogate pair is one character: only lone ones match.

export const displayText = (s: string): string =>
  /[\ud800-\udfff]/u.test(s)
    ? s
        .replace(/[\udc80-\udcff]+/gu, (run) => new TextDecoder().decode(Uint8Array.from(run, (c) => c.charCodeAt(0) - 0xdc00)))
        .replace(/[\ud800-\udfff]/gu, '\ufffd')
    : s
