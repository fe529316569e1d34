// Tab completion from the command specs and the home filesystem (like bash's programmable
// completion, much simplified): command names first, then subcommands, `--flags`, `$VARS`, paths.

import type { CommandSpec, HomeFs, ShellEnv } from './types'

export interface Completion {
  /** Index in the text where the word being completed starts; candidates replace text[from, cursor). */
  from: number
  candidates: string[]
}

export interface CompletionSources {
  fs: HomeFs
  env: ShellEnv
  commands: CommandSpec[]
}

const SEPARATORS = /(\|\||&&|[|;&(])/

export function completeLine(text: string, cursor: number, src: CompletionSources): Completion {
  const before = text.slice(0, Math.max(0, Math.min(cursor, text.length)))
  // The current simple command is what follows the last unquoted separator.
  const segStart = lastSeparatorEnd(before)
  const segment = before.slice(segStart)
  const words = splitWords(segment)
  const endsInSpace = segment === '' || /\s$/.test(segment)
  const current = endsInSpace ? '' : words[words.length - 1]
  const from = before.length - current.length
  const previous = endsInSpace ? words : words.slice(0, -1)
  let skip = 0
  while (skip < previous.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(previous[skip])) skip++
  const argWords = previous.slice(skip).filter(Boolean)
  const unique = (xs: string[]) => [...new Set(xs)].filter((x) => x.startsWith(current)).sort()

  if (current.startsWith('$')) {
    const names = Object.keys(src.env.exported()).map((n) => '$' + n)
    return { from, candidates: unique(names) }
  }
  if (argWords.length === 0) {
    return { from, candidates: unique(src.commands.map((c) => c.name)) }
  }
  const spec = src.commands.find((c) => c.name === argWords[0])
  if (current.startsWith('-') && spec?.flags) {
    const names = spec.flags.flatMap((f) => (current.startsWith('--') || !f.short ? [`--${f.name}`] : [`-${f.short}`, `--${f.name}`]))
    return { from, candidates: unique(names) }
  }
  // Flags before the subcommand (`kubectl -n sa-demo `, `kubectl --namespace=x `) do not count
  // as it: the word after them is still the verb.
  const positional = spec ? withoutFlags(argWords.slice(1), spec) : argWords.slice(1)
  if (positional.length === 0 && spec?.subcommands && spec.subcommands.length > 0) {
    const subs = unique(spec.subcommands)
    if (subs.length > 0) return { from, candidates: subs }
  }
  return { from, candidates: completePath(current, src.fs) }
}

/** The words that are not flags or flag values (a flag that takes a value eats the next word unless written `--flag=value`). */
function withoutFlags(words: string[], spec: CommandSpec): string[] {
  const out: string[] = []
  for (let i = 0; i < words.length; i++) {
    const w = words[i]
    if (w === '--') return out.concat(words.slice(i + 1))
    if (!w.startsWith('-') || w === '-') {
      out.push(w)
      continue
    }
    if (w.includes('=')) continue
    const flag = w.startsWith('--') ? spec.flags?.find((f) => f.name === w.slice(2)) : spec.flags?.find((f) => f.short === w.slice(1))
    if (flag?.takesValue) i++
  }
  return out
}

function lastSeparatorEnd(text: string): number {
  let quote: string | undefined
  let end = 0
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quote) {
      if (c === quote) quote = undefined
      continue
    }
    if (c === "'" || c === '"') quote = c
    else if (c === '\\') i++
    else if (SEPARATORS.test(c)) end = i + 1
  }
  return end
}

function splitWords(segment: string): string[] {
  const words = segment.trim().split(/\s+/).filter(Boolean)
  return words.length ? words : ['']
}

function completePath(word: string, fs: HomeFs): string[] {
  const slash = word.lastIndexOf('/')
  const dirPart = slash >= 0 ? word.slice(0, slash + 1) : ''
  const prefix = word.slice(slash + 1)
  const dir = dirPart === '' ? '.' : dirPart
  const names = fs.list(fs.resolve(dir))
  if (!names) return []
  return names
    .filter((n) => n.startsWith(prefix) && (prefix.startsWith('.') || !n.startsWith('.')))
    .map((n) => dirPart + n + (fs.isDir(fs.resolve(dirPart + n)) ? '/' : ''))
}
