// Tab completion as bash shows it: complete the common prefix, or list the candidates.

import type { TerminalSlice } from './slices/terminal'
export interface CompletionEdit {
  value: string
  cursor: number
}

export type CompletionOutcome =
  | { kind: 'none' }
  | { kind: 'edit'; edit: CompletionEdit }
  | { kind: 'list'; candidates: string[] }

export function commonPrefix(words: string[]): string {
  if (words.length === 0) return ''
  let p = words[0]
  for (const w of words) {
    let i = 0
    while (i < p.length && i < w.length && p[i] === w[i]) i++
    p = p.slice(0, i)
  }
  return p
}

/**
 * Apply the lab's answer to Tab. Candidates replace value[from..cursor]. A single candidate
 * that is a whole word gets a trailing space (not after `/` or `=`), as in bash.
 */
export function applyCompletion(
  value: string,
  cursor: number,
  result: { from: number; candidates: string[] },
): CompletionOutcome {
  const candidates = [...new Set(result.candidates)]
  const from = Math.max(0, Math.min(result.from, cursor))
  const word = value.slice(from, cursor)
  if (candidates.length === 0) return { kind: 'none' }
  let insert: string
  if (candidates.length === 1) {
    insert = candidates[0]
    if (!/[/= ]$/.test(insert) && !value.slice(cursor).startsWith(' ')) insert += ' '
  } else {
    insert = commonPrefix(candidates)
    if (insert.length <= word.length) return { kind: 'list', candidates }
  }
  if (insert === word) return { kind: 'none' }
  return { kind: 'edit', edit: { value: value.slice(0, from) + insert + value.slice(cursor), cursor: from + insert.length } }
}

/** Candidates in columns, filled top to bottom like bash and ls (width in characters). */
export function formatColumns(items: string[], width = 80): string[] {
  if (items.length === 0) return []
  const colWidth = Math.max(...items.map((i) => i.length)) + 2
  const cols = Math.max(1, Math.floor((width + 2) / colWidth))
  const rows = Math.ceil(items.length / cols)
  const out: string[] = []
  for (let r = 0; r < rows; r++) {
    let line = ''
    for (let c = 0; c < cols; c++) {
      const item = items[c * rows + r]
      if (item === undefined) break
      const last = c === cols - 1 || items[(c + 1) * rows + r] === undefined
      line += last ? item : item.padEnd(colWidth)
    }
    out.push(line)
  }
  return out
}

/**
 * The lab's answer to Tab: the new input line, or undefined after listing the candidates in the
 * terminal under the line (at most 500, then how many more).
 */
export function finishCompletion(
  term: Pick<TerminalSlice, 'echo' | 'write' | 'prompt'>,
  value: string,
  cursor: number,
  result: { from: number; candidates: string[] },
  columns: number,
): CompletionEdit | undefined {
  const outcome = applyCompletion(value, cursor, result)
  if (outcome.kind === 'edit') return outcome.edit
  if (outcome.kind === 'list') {
    term.echo(term.prompt, value)
    const shown = outcome.candidates.slice(0, 500)
    const more = outcome.candidates.length - shown.length
    term.write('out', formatColumns(shown, columns).join('\n') + '\n' + (more > 0 ? `… and ${more} more\n` : ''))
  }
  return undefined
}
