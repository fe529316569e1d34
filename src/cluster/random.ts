// The lab's only source of randomness: a seeded, serialisable generator (sfc32).
// Deterministic mode seeds it from the user's seed; otherwise from crypto.getRandomValues.
// Imitates: k8s.io/apimachinery/pkg/util/rand (name suffixes) and google/uuid (uids, jti).

/** Alphabet of names.SimpleNameGenerator (apimachinery pkg/util/rand): no vowels, no 0/1/3. */
export const NAME_SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789'

export type RandomState = [number, number, number, number]

/** Each byte as two lowercase hex digits. */
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'))

/** cyrb128: hash a string into four 32-bit words (a seed for sfc32). */
export function hashSeed(seed: string): RandomState {
  let h1 = 1779033703, h2 = 3144134277, h3 = 1013904242, h4 = 2773480762
  for (let i = 0; i < seed.length; i++) {
    const k = seed.charCodeAt(i)
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067)
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233)
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213)
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179)
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067)
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233)
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213)
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179)
  h1 ^= h2 ^ h3 ^ h4; h2 ^= h1; h3 ^= h1; h4 ^= h1
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0]
}

export class Random {
  private s: RandomState

  constructor(state: RandomState) {
    this.s = [...state] as RandomState
  }

  static fromSeed(seed: string | number): Random {
    return new Random(hashSeed(String(seed)))
  }

  /** A generator seeded from the platform's cryptographic source (non-deterministic mode). */
  static fromEntropy(): Random {
    const words = new Uint32Array(4)
    globalThis.crypto.getRandomValues(words)
    return new Random([words[0], words[1], words[2], words[3]])
  }

  /** An independent generator derived from this one's state and a label, without advancing this one. */
  fork(label: string): Random {
    const h = hashSeed(`${this.s.join(',')}/${label}`)
    return new Random(h)
  }

  state(): RandomState {
    return [...this.s] as RandomState
  }

  /** Next 32-bit unsigned integer. */
  nextUint32(): number {
    const s = this.s
    let a = s[0], b = s[1], c = s[2], d = s[3]
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0
    const t = (((a + b) | 0) + d) | 0
    d = (d + 1) | 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) | 0
    c = (c << 21) | (c >>> 11)
    c = (c + t) | 0
    // (in place: state() and the constructor copy, so no one else holds this array)
    s[0] = a >>> 0
    s[1] = b >>> 0
    s[2] = c >>> 0
    s[3] = d >>> 0
    return t >>> 0
  }

  /** Float in [0, 1). */
  float(): number {
    return this.nextUint32() / 4294967296
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.float() * n)
  }

  bytes(n: number): Uint8Array {
    const out = new Uint8Array(n)
    for (let i = 0; i < n; i++) out[i] = this.nextUint32() & 0xff
    return out
  }

  /** RFC 4122 version-4 UUID, as google/uuid NewString prints it. */
  uuid(): string {
    const b = this.bytes(16)
    b[6] = (b[6] & 0x0f) | 0x40
    b[8] = (b[8] & 0x3f) | 0x80
    let out = ''
    for (let i = 0; i < 16; i++) out += (i === 4 || i === 6 || i === 8 || i === 10 ? '-' : '') + HEX[b[i]]
    return out
  }

  /** n characters of names.SimpleNameGenerator's alphabet (e.g. the 5 of kube-api-access-xxxxx). */
  nameSuffix(n = 5): string {
    let s = ''
    for (let i = 0; i < n; i++) s += NAME_SUFFIX_ALPHABET[this.int(NAME_SUFFIX_ALPHABET.length)]
    return s
  }

  /** A string of decimal digits (os.MkdirTemp's suffix). */
  digits(n: number): string {
    let s = ''
    for (let i = 0; i < n; i++) s += String(this.int(10))
    return s
  }

  hex(n: number): string {
    let s = ''
    for (let i = 0; i < n; i++) s += this.int(16).toString(16)
    return s
  }
}
