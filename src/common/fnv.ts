// FNV-1a over a string's UTF-16 code units, 32 bits: a small, stable hash for the values the lab
// derives from its state where the real tool draws a random number (a temporary file's name, a
// watch's timeout), so that a transcript stays the same.

export function fnv1a32(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0
  return h
}

/** The i-th of mkstemp's 62 characters: A-Z, a-z, 0-9. */
const tempChar = (i: number) => String.fromCharCode(i < 26 ? 65 + i : i < 52 ? 97 + i - 26 : 48 + i - 52)

/** mkstemp's six random characters (`XXXXXX`), drawn from `seed` (a path and the time, say). */
export function tempSuffix(seed: string): string {
  let h = fnv1a32(seed)
  let out = ''
  for (let i = 0; i < 6; i++) {
    out += tempChar(h % 62)
    h = Math.floor(h / 62) || fnv1a32(`${seed}${i}`)
  }
  return out
}
