// One associative array (`declare -A`), as the shell's variables keep it (arrays.ts): a map from
// key to value that lists its keys in bash's order, the order of its hash table: by bucket (FNV-1
// of the key, 1024 buckets), the newest key first within a bucket. A key set again keeps its place.
// Imitates: bash/assoc.c and hashlib.c (hash_string, ASSOC_HASH_BUCKETS; bash grows the table past
// 2048 keys, which reorders them; the lab keeps the order of 1024 buckets).

const BUCKETS = 1024

/** bash's hash_string: FNV-1 over the key's UTF-8 bytes. */
function bucketOf(key: string): number {
  let h = 2166136261
  for (const b of new TextEncoder().encode(key)) {
    h = Math.imul(h, 16777619) >>> 0
    h = (h ^ b) >>> 0
  }
  return h & (BUCKETS - 1)
}

export class AssocArray extends Map<string, string> {
  /** When each key went in (a later one comes first in its bucket). */
  private readonly seq = new Map<string, number>()
  private counter = 0
  /** Declared (`declare -A m`) and never assigned: `declare -p` shows it without `=()`. */
  bare = false

  static of(entries: Iterable<readonly [string, string]>): AssocArray {
    const a = new AssocArray()
    for (const [k, v] of entries) a.set(k, v)
    return a
  }

  override set(key: string, value: string): this {
    if (!super.has(key)) this.seq.set(key, this.counter++)
    this.bare = false
    return super.set(key, value)
  }

  override delete(key: string): boolean {
    this.seq.delete(key)
    return super.delete(key)
  }

  override clear(): void {
    super.clear()
    this.seq.clear()
  }

  /** The elements in bash's order. */
  ordered(): [string, string][] {
    return [...super.entries()]
      .map(([k, v]) => ({ k, v, b: bucketOf(k), s: this.seq.get(k)! }))
      .sort((x, y) => x.b - y.b || y.s - x.s)
      .map(({ k, v }) => [k, v])
  }

  /** The elements in the order they went in (how a saved lab keeps them, so the order comes back). */
  inserted(): [string, string][] {
    return [...super.entries()].sort((x, y) => this.seq.get(x[0])! - this.seq.get(y[0])!)
  }

  clone(): AssocArray {
    const a = AssocArray.of(this.inserted())
    a.bare = this.bare
    return a
  }
}
