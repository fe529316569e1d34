// One indexed array's elements, as the shell's variables keep it (arrays.ts): a map from index to
// value that knows its highest index, so that `a[i]=x`, `${a[i]}` and `a+=(x)` cost the same
// whatever the array's size, and that lists its elements in index order, sorting only after an
// element went in below the highest one. Plain data with no imports: ShellEnv's type names it.
// Imitates: bash/array.c (a list kept in index order with its max_index).

export class IndexedArray extends Map<number, string> {
  /** The highest index in use, -1 when empty (bash's max_index). */
  private high = -1
  /** Whether the map's own order is index order. */
  private ordered = true
  /** Declared (`declare -a a`) and never assigned: `declare -p` shows it without `=()`. */
  bare = false

  static of(entries: Iterable<readonly [number, string]>): IndexedArray {
    const a = new IndexedArray()
    for (const [i, v] of entries) a.set(i, v)
    return a
  }

  /** An array of the values in order from index 0. */
  static list(values: readonly string[]): IndexedArray {
    return IndexedArray.of(values.map((v, i) => [i, v] as const))
  }

  override set(index: number, value: string): this {
    if (!super.has(index)) {
      if (index > this.high) this.high = index
      else this.ordered = false
    }
    this.bare = false
    return super.set(index, value)
  }

  override delete(index: number): boolean {
    const had = super.delete(index)
    if (had && index === this.high) {
      this.high = -1
      for (const i of super.keys()) if (i > this.high) this.high = i
    }
    return had
  }

  override clear(): void {
    super.clear()
    this.high = -1
    this.ordered = true
  }

  /** One past the highest index: where `a+=(x)` puts x. */
  get next(): number {
    return this.high + 1
  }

  /** The elements in index order (the map is put back in order once, so later calls cost nothing). */
  sorted(): [number, string][] {
    if (!this.ordered) {
      const entries = [...super.entries()].sort((a, b) => a[0] - b[0])
      super.clear()
      for (const [i, v] of entries) super.set(i, v)
      this.ordered = true
    }
    return [...super.entries()]
  }

  clone(): IndexedArray {
    const a = IndexedArray.of(this.sorted())
    a.bare = this.bare
    return a
  }
}
