// Alias substitution as bash's parser does it (parse.y alias_expand_token): the first word of a
// simple command, if unquoted and an alias, is replaced by the alias's text, which is read again
// (so it may hold several words, operators or reserved words). An alias is not expanded again
// inside its own text, so `alias ls='ls -l'` ends.

import type { Word } from './ast'
import { plainText } from './syntax'

export interface AliasSource {
  src: string
  pos: number
  readWord(): Word
}

export class AliasState {
  /** Aliases being read: their name and where their text ends in the source. */
  private active: { name: string; end: number }[] = []
  /** How much longer substitutions have made the source (positions after them shift by it). */
  grown = 0

  constructor(readonly aliases: ReadonlyMap<string, string> | undefined) {}

  /** Replace the word at `s.pos` by its alias text; whether it did. */
  expand(s: AliasSource): boolean {
    if (!this.aliases?.size) return false
    this.active = this.active.filter((a) => a.end > s.pos)
    const start = s.pos
    let word: Word
    try {
      word = s.readWord()
    } catch {
      return false
    } finally {
      s.pos = start
    }
    const name = plainText(word)
    if (name === undefined) return false
    const value = this.aliases.get(name)
    if (value === undefined || this.active.some((a) => a.name === name)) return false
    const delta = value.length - word.raw.length
    for (const a of this.active) a.end += delta
    this.grown += delta
    s.src = s.src.slice(0, start) + value + s.src.slice(start + word.raw.length)
    this.active.push({ name, end: start + value.length })
    return true
  }
}
