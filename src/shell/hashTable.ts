// Imitates: bash/hashcmd.c and hashlib.c. The shell remembers where it found each program it ran
// from PATH (`hash` lists them, `type` says "ls is hashed (/usr/bin/ls)"). A subshell works on a
// copy, so `ls | cat` hashes nothing in the shell that runs the pipeline.

/** One remembered program: where it is and how often the shell looked it up since. */
export interface Hashed {
  path: string
  hits: number
}

/** bash's table of programs has 256 buckets (hashcmd.h FILENAME_HASH_BUCKETS). */
const BUCKETS = 256

/** bash's hash_string: FNV-1 over the name's bytes, 32 bits (a byte above 127 is a negative `char`). */
function fnv1(name: string): number {
  let h = 2166136261
  for (const byte of new TextEncoder().encode(name)) h = (Math.imul(h, 16777619) ^ (byte > 127 ? byte | 0xffffff00 : byte)) >>> 0
  return h
}

export class HashTable {
  private readonly entries: Map<string, Hashed>
  /** The PATH the entries were found on. */
  private path: string | undefined

  constructor(from?: HashTable) {
    this.entries = new Map([...(from?.entries ?? [])].map(([k, v]) => [k, { ...v }]))
    this.path = from?.path
  }

  /**
   * The table for the PATH now: bash empties it when PATH is assigned. (Here it empties when PATH
   * is found changed, so `PATH=$PATH` keeps it, where bash would empty it.)
   */
  under(PATH: string | undefined): this {
    if (PATH !== this.path) {
      this.entries.clear()
      this.path = PATH
    }
    return this
  }

  /** A program run from PATH: one more hit, or a new entry with one. */
  ran(name: string, path: string): void {
    const e = this.entries.get(name)
    if (e && e.path === path) e.hits++
    else this.entries.set(name, { path, hits: 1 })
  }

  /** `hash NAME` and `hash -p PATH NAME`: remembered anew (at its bucket's head) with no hit yet. */
  put(name: string, path: string): void {
    this.entries.delete(name)
    this.entries.set(name, { path, hits: 0 })
  }

  /** Looked up as bash's hash_search does: a hit is counted. */
  find(name: string): string | undefined {
    const e = this.entries.get(name)
    if (e) e.hits++
    return e?.path
  }

  has(name: string): boolean {
    return this.entries.has(name)
  }

  delete(name: string): boolean {
    return this.entries.delete(name)
  }

  clear(): void {
    this.entries.clear()
  }

  get size(): number {
    return this.entries.size
  }

  /** The entries in the order they were entered. */
  entered(): [name: string, entry: Hashed][] {
    return [...this.entries]
  }

  /**
   * The entries in the order bash walks its table: bucket by bucket (the name's hash modulo 256),
   * and within a bucket the newest first (hash_insert puts an entry at its bucket's head).
   */
  listed(): [name: string, entry: Hashed][] {
    // each name's bucket once, and its place in the order entered (later first within a bucket)
    const keyed = this.entered().map((entry, i) => ({ entry, bucket: fnv1(entry[0]) % BUCKETS, i }))
    return keyed.sort((a, b) => a.bucket - b.bucket || b.i - a.i).map((k) => k.entry)
  }
}
