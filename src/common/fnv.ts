// FNV-1a over a string's UTF-16 code units, 32 bits: a small, stable hash for the values the lab
// derives from its state where the real tool draws a random number (a temporary file's name, a
// watch's timeout), so that a transcript stays the same.

export function fnv1a32(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0
  return h
}
