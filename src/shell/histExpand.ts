// History expansion, as an interactive bash does it to each line before parsing it (`!!`, `!$`,
// `!kubectl`, `^old^new`): an event (a line of the history), then a word designator, then modifiers.
// Not inside single quotes, nor after a backslash, nor in a here-document's body; a `!` before a
// blank, `=`, `(` or the end of the line stays, and so does one before the `"` that closes a
// double-quoted string.
// Imitates: bash 5.2 lib/readline/histexpand.c (history_expand, get_history_event,
// get_history_word_specifier, history_tokenize) and bashhist.c pre_process_line.

import { DEFAULT_LIMITS, expansionTooLong } from './limits'

export type HistoryExpansion =
  /** `line`: the line to run (`changed`: it differs from what was typed); `printOnly`: `:p`, shown and kept in the history, not run. */
  | { ok: true; line: string; changed: boolean; printOnly: boolean }
  /** bash's message without its `bash: ` prefix; the line is neither run nor kept. */
  | { ok: false; message: string }

class HistError extends Error {}

/** Characters that end a `!string` event (and are not part of it). */
const EVENT_END = /[\s:;&|()<>"'`]/

export function expandHistory(line: string, history: readonly string[], maxLength = DEFAULT_LIMITS.maxValue): HistoryExpansion {
  try {
    if (line.startsWith('^')) return quickSubstitution(line, history)
    let out = ''
    let changed = false
    let printOnly = false
    let single = false
    let double = false
    const last = { bracket: line.lastIndexOf(']'), brace: line.lastIndexOf('}') }
    /** Here-documents whose bodies begin on the next line: their delimiters. */
    const pending: { word: string; tabs: boolean }[] = []
    for (let i = 0; i < line.length; i++) {
      const c = line[i]
      if (single) {
        out += c
        if (c === "'") single = false
        continue
      }
      if (c === '\\' && i + 1 < line.length) {
        out += c + line[i + 1]
        i++
        continue
      }
      if (c === "'" && !double) single = true
      if (c === '"') double = !double
      if (!double && c === '<' && line[i + 1] === '<' && line[i + 2] !== '<' && line[i - 1] !== '<') {
        const h = heredocDelimiter(line, i + 2)
        if (h) pending.push(h)
      }
      if (c === '\n' && !double && pending.length > 0) {
        // here-document bodies are read as they are, without history expansion
        const end = heredocBodiesEnd(line, i + 1, pending.splice(0))
        out += line.slice(i, end)
        i = end - 1
        continue
      }
      if (c !== '!') {
        out += c
        continue
      }
      const next = line[i + 1]
      if (next === undefined || /[\s=(]/.test(next) || (double && next === '"') || inhibited(line, i, last)) {
        out += c
        continue
      }
      const r = expandAt(line, i, history, out)
      out += r.text
      // (`!#` repeats the line so far: each one doubles it)
      if (out.length > maxLength) throw new HistError(`${line.slice(i, r.end)}: ${expansionTooLong(maxLength)}`)
      i = r.end - 1
      changed = true
      printOnly ||= r.printOnly
    }
    return { ok: true, line: out, changed, printOnly }
  } catch (e) {
    if (e instanceof HistError) return { ok: false, message: e.message }
    throw e
  }
}

/**
 * What bash does with an input before it parses it: an interactive shell's history expansion
 * (expandTyped) and history, then `set -v`'s echo of the input. `say` writes to the terminal.
 * Returns the input to run, or undefined when nothing runs.
 */
export function readInput(entry: string, sh: { interactive: boolean; history: string[]; options: ReadonlySet<string> }, say: (text: string) => void): string | undefined {
  let line = entry
  if (sh.interactive && sh.options.has('histexpand')) {
    const typed = expandTyped(entry, sh.history, say)
    if (typed === undefined) return undefined
    line = typed
  }
  if (sh.interactive && line.trim() !== '') sh.history.push(line)
  if (sh.options.has('verbose')) say(`${line}\n`)
  return line
}

/**
 * An interactive bash's first step with a typed line. It writes what bash writes (the line as
 * expanded, on standard error; or the error), and gives the line to run; undefined when nothing
 * runs: a `:p` line (added to `history` here, shown, not run), or a failed expansion (nothing is run
 * or kept, and `$?` stays).
 */
export function expandTyped(entry: string, history: string[], say: (text: string) => void): string | undefined {
  if (!entry.includes('!') && !entry.startsWith('^')) return entry
  const h = expandHistory(entry, history)
  if (!h.ok) {
    say(`bash: ${h.message}\n`)
    return undefined
  }
  if (h.changed) say(`${h.line}\n`)
  if (!h.printOnly) return h.line
  history.push(h.line)
  return undefined
}

/** The delimiter of a `<<` (or `<<-`) whose word starts at `at`: quotes and backslashes removed. */
function heredocDelimiter(line: string, at: number): { word: string; tabs: boolean } | undefined {
  const tabs = line[at] === '-'
  const m = /^[ \t]*((?:'[^'\n]*'|"[^"\n]*"|\\.|[^\s;&|<>()'"\\])+)/.exec(line.slice(tabs ? at + 1 : at))
  if (!m) return undefined
  return { word: m[1].replace(/'([^']*)'|"([^"]*)"|\\(.)/g, (_, a, b, c) => a ?? b ?? c), tabs }
}

/** Where the bodies of `docs`, which begin at `from`, end (after each one's delimiter line, or the end of the text). */
function heredocBodiesEnd(line: string, from: number, docs: { word: string; tabs: boolean }[]): number {
  let at = from
  for (const d of docs) {
    while (at < line.length) {
      const nl = line.indexOf('\n', at)
      const end = nl < 0 ? line.length : nl
      const text = line.slice(at, end)
      at = nl < 0 ? line.length : nl + 1
      if ((d.tabs ? text.replace(/^\t+/, '') : text) === d.word) break
    }
  }
  // the newline that ends the last delimiter line goes on with the rest of the input
  return at > from && line[at - 1] === '\n' ? at - 1 : at
}

/**
 * Where the shell itself uses `!` (bashhist.c bash_history_inhibit_expansion): a bracket
 * expression's negation (`[!a]*`), indirect expansion (`${!name}`), the parameter `$!`.
 */
function inhibited(line: string, i: number, last: { bracket: number; brace: number }): boolean {
  const before = line[i - 1]
  if (before === '[' && last.bracket > i) return true
  if (before === '{' && line[i - 2] === '$' && last.brace > i) return true
  return before === '$'
}

/** `^old^new^`: the last line with its first `old` replaced (`!!:s^old^new^`). */
function quickSubstitution(line: string, history: readonly string[]): HistoryExpansion {
  const m = /^\^([^^]*)\^([^^]*)\^?(.*)$/.exec(line)
  const last = history[history.length - 1]
  if (!m || last === undefined) throw new HistError(`${line.split(/\s/)[0]}: event not found`)
  const [, from, to, rest] = m
  if (from === '' || !last.includes(from)) throw new HistError(`:s^${from}^${to}: substitution failed`)
  return { ok: true, line: last.replace(from, () => to.replace(/&/g, from)) + rest, changed: true, printOnly: false }
}

/** The expansion of the `!` at `at`: its text and where it ends. */
function expandAt(line: string, at: number, history: readonly string[], sofar: string): { text: string; end: number; printOnly: boolean } {
  let i = at + 1
  let event: string | undefined
  let shorthand = false // `!$`, `!^`, `!*`, `!-`-less word designators on the last line
  const c = line[i]
  if (c === '!') {
    event = history[history.length - 1]
    i++
  } else if (c === '#') {
    event = sofar
    i++
  } else if (c === '$' || c === '^' || c === '*' || c === '%') {
    event = history[history.length - 1]
    shorthand = true
  } else if (c === '?') {
    const close = line.indexOf('?', i + 1)
    const nl = line.indexOf('\n', i + 1)
    const end = close < 0 ? (nl < 0 ? line.length : nl) : close
    const text = line.slice(i + 1, end)
    event = [...history].reverse().find((h) => h.includes(text))
    if (event === undefined) throw new HistError(`${line.slice(at, end + (close < 0 ? 0 : 1))}: event not found`)
    i = close < 0 ? end : close + 1
  } else if (/[-0-9]/.test(c)) {
    const m = /^-?[0-9]+/.exec(line.slice(i))
    if (!m) return { text: '!', end: at + 1, printOnly: false }
    const n = Number(m[0])
    event = n < 0 ? history[history.length + n] : history[n - 1]
    if (event === undefined) throw new HistError(`!${m[0]}: event not found`)
    i += m[0].length
  } else {
    let j = i
    while (j < line.length && !EVENT_END.test(line[j])) j++
    const text = line.slice(i, j)
    event = [...history].reverse().find((h) => h.startsWith(text))
    if (event === undefined) throw new HistError(`!${text}: event not found`)
    i = j
  }
  if (event === undefined) throw new HistError(`${line.slice(at, i)}: event not found`)
  // the word designator: after `:`, or at once for ^ $ * - % (and after `!` for the shorthands)
  let text = event
  const d = line[i]
  const colon = d === ':' && /[0-9^$*%-]/.test(line[i + 1] ?? '')
  if (shorthand || colon || (d !== undefined && /[\^$*%-]/.test(d) && i > at + 1)) {
    const start = i
    if (colon) i++
    const m = WORD_DESIGNATOR.exec(line.slice(i))!
    i += m[0].length
    text = words(event, m, line.slice(start, i))
  }
  // modifiers
  let printOnly = false
  for (;;) {
    if (line[i] !== ':') break
    const mod = line[i + 1]
    if (mod === 'p') {
      printOnly = true
      i += 2
    } else if (mod === 'h' || mod === 't' || mod === 'r' || mod === 'e') {
      text = pathPart(text, mod)
      i += 2
    } else if (mod === 's' || (mod === 'g' && line[i + 2] === 's')) {
      const global = mod === 'g'
      const from = i
      i += global ? 3 : 2
      const delim = line[i]
      if (delim === undefined) throw new HistError(`${line.slice(from)}: substitution failed`)
      const endOld = line.indexOf(delim, i + 1)
      const old = line.slice(i + 1, endOld < 0 ? line.length : endOld)
      let endNew = endOld < 0 ? -1 : line.indexOf(delim, endOld + 1)
      const repl = endOld < 0 ? '' : line.slice(endOld + 1, endNew < 0 ? line.length : endNew)
      if (endOld >= 0 && endNew < 0) endNew = line.length - 1
      i = endOld < 0 ? line.length : endNew + 1
      if (old === '' || !text.includes(old)) throw new HistError(`${line.slice(from, i)}: substitution failed`)
      const to = repl.replace(/&/g, old)
      text = global ? text.split(old).join(to) : text.replace(old, () => to)
    } else break
  }
  return { text, end: i, printOnly }
}

/** A word designator: a word (N, ^, $, %), then a range's `-` and end, or `*` (`*` alone: all but the command). */
const WORD_DESIGNATOR = /^([0-9]+|\^|\$|%)?(?:(-)([0-9]+|\$)?|(\*))?/

/** The words of `event` (as history_tokenize splits it) that the word designator `m` names; `typed` for the error. */
function words(event: string, m: RegExpExecArray, typed: string): string {
  const w = tokenize(event)
  const last = w.length - 1
  const at = (s: string | undefined, dflt: number): number => (s === undefined || s === '' ? dflt : s === '^' ? 1 : s === '$' ? last : s === '%' ? last : Number(s))
  const spec = m[0]
  let from: number
  let to: number
  if (spec === '*') [from, to] = [1, last]
  else if (m[4]) [from, to] = [at(m[1], 0), last]
  else if (m[2]) [from, to] = [at(m[1], 0), m[3] === undefined ? last - 1 : at(m[3], last)]
  else [from, to] = [at(m[1], 0), at(m[1], 0)]
  if (spec === '*' && last < 1) return ''
  if (from > to + (m[4] ? 1 : 0) || to > last || from > last) throw new HistError(`${typed}: bad word specifier`)
  return w.slice(from, to + 1).join(' ')
}

/** The words of a history line: shell words (quotes kept), and runs of the shell's operators. */
function tokenize(line: string): string[] {
  const out: string[] = []
  let i = 0
  while (i < line.length) {
    if (/\s/.test(line[i])) {
      i++
      continue
    }
    const op = /^(&&|\|\||;;|>>|<<|[;&|<>()])/.exec(line.slice(i))
    if (op) {
      out.push(op[0])
      i += op[0].length
      continue
    }
    let j = i
    let quote: string | undefined
    while (j < line.length) {
      const ch = line[j]
      if (quote) {
        if (ch === '\\' && quote === '"') j++
        else if (ch === quote) quote = undefined
      } else if (ch === '\\') j++
      else if (ch === "'" || ch === '"') quote = ch
      else if (/[\s;&|<>()]/.test(ch)) break
      j++
    }
    out.push(line.slice(i, j))
    i = j
  }
  return out
}

/** :h (all but the last path part), :t (the last part), :r (all but the suffix), :e (the suffix). */
function pathPart(text: string, mod: 'h' | 't' | 'r' | 'e'): string {
  const slash = text.lastIndexOf('/')
  const dot = text.lastIndexOf('.')
  switch (mod) {
    case 'h':
      return slash < 0 ? text : text.slice(0, slash)
    case 't':
      return slash < 0 ? text : text.slice(slash + 1)
    case 'r':
      return dot > slash ? text.slice(0, dot) : text
    case 'e':
      return dot > slash ? text.slice(dot) : ''
  }
}
