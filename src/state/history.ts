// ArrowUp / ArrowDown through the shell's history, keeping the line being typed as a draft.

export class HistoryNav {
  private entries: string[] | undefined
  private index = 0
  private draft = ''

  /** `source` gives the history, oldest first, when navigation starts. */
  constructor(private readonly source: () => string[]) {}

  /** The previous entry, or undefined at the oldest one. */
  up(current: string): string | undefined {
    if (!this.entries) {
      this.entries = this.source().filter((e) => e.trim() !== '')
      this.index = this.entries.length
    }
    if (this.index === 0) return undefined
    if (this.index === this.entries.length) this.draft = current
    this.index--
    return this.entries[this.index]
  }

  /** The next entry, the draft after the newest, or undefined when already on the draft. */
  down(): string | undefined {
    if (!this.entries || this.index >= this.entries.length) return undefined
    this.index++
    return this.index === this.entries.length ? this.draft : this.entries[this.index]
  }

  /** Forget the position (after Enter or Ctrl+C). */
  reset(): void {
    this.entries = undefined
    this.draft = ''
  }
}
