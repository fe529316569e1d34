// base64url (RFC 4648 §5) without padding, as JWS compact serialisation uses it, and a lenient decoder.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
const LOOKUP: Record<string, number> = {}
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET[i]] = i
LOOKUP['+'] = 62
LOOKUP['/'] = 63

/** Bytes to base64url without padding. */
export function b64urlEncode(bytes: Uint8Array): string {
  let out = ''
  let i = 0
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2]
    out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63] + ALPHABET[(n >> 6) & 63] + ALPHABET[n & 63]
  }
  const rest = bytes.length - i
  if (rest === 1) {
    const n = bytes[i] << 16
    out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63]
  } else if (rest === 2) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8)
    out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63] + ALPHABET[(n >> 6) & 63]
  }
  return out
}

export function b64urlEncodeText(text: string): string {
  return b64urlEncode(new TextEncoder().encode(text))
}

/**
 * Decode base64url or standard base64, with or without `=` padding.
 * Returns an error text instead of throwing for characters outside the alphabet or an impossible length.
 */
export function b64urlDecode(s: string): { bytes: Uint8Array } | { error: string } {
  const t = s.replace(/=+$/, '')
  if (t.length % 4 === 1) return { error: `invalid length ${s.length}` }
  const out = new Uint8Array(Math.floor((t.length * 3) / 4))
  let o = 0, acc = 0, bits = 0
  for (let i = 0; i < t.length; i++) {
    const v = LOOKUP[t[i]]
    if (v === undefined) return { error: `illegal character ${JSON.stringify(t[i])} at offset ${i}` }
    acc = (acc << 6) | v
    bits += 6
    if (bits >= 8) {
      bits -= 8
      out[o++] = (acc >> bits) & 0xff
    }
  }
  return { bytes: out.subarray(0, o) }
}
