// Runs a translated pattern (regex.ts) on lines in time linear in the line: RE2 (re2js, loaded on
// first use) with POSIX leftmost-longest matches as GNU grep reports them; back-references,
// which no linear-time engine can run, go to a backtracker with a step budget instead.

import { BacktrackLimit, compileBacktracker } from './backtrack'

export interface LineMatcher {
  test(line: string): boolean
  /** Non-empty matches, left to right, as `grep -o` prints them. */
  matches(line: string): [number, number][]
  /** Tell the matcher how much text comes: the back-reference fallback's budget grows with it. */
  willSearch(chars: number): void
  /** The first match and its groups' texts (`[[ =~ ]]`'s BASH_REMATCH; an unmatched group is ''); RE2 only. */
  groups?(line: string): string[] | undefined
}

/** Steps the back-reference fallback may take in one command, plus STEPS_PER_CHAR per character searched. */
export const BACKTRACK_STEPS = 1_000_000
export const STEPS_PER_CHAR = 16

export { BacktrackLimit }

export function backtrackLimitMessage(): string {
  return `stopped: the back-references in this pattern need more steps than the lab allows (${BACKTRACK_STEPS} and ${STEPS_PER_CHAR} a character)`
}

type Find = (line: string, from: number) => [number, number] | undefined

function lineMatcher(find: Find, test?: (line: string) => boolean, budget?: { max: number }): LineMatcher {
  return {
    willSearch(chars) {
      if (budget) budget.max += STEPS_PER_CHAR * chars
    },
    test: test ?? ((line) => find(line, 0) !== undefined),
    matches(line) {
      const out: [number, number][] = []
      for (let pos = 0; pos <= line.length; ) {
        const m = find(line, pos)
        if (!m) break
        if (m[1] > m[0]) out.push(m)
        pos = m[1] > m[0] ? m[1] : m[0] + 1
      }
      return out
    },
  }
}

/** Compile for matching; throws BacktrackLimit from test/matches when the fallback's budget is spent. */
export async function compileMatcher(source: string, ignoreCase: boolean): Promise<LineMatcher> {
  if (!/\\[1-9]/.test(source.replace(/\\\\/g, ''))) {
    const { RE2JS } = await import('re2js')
    const lookbehinds = source.includes('(?<') ? RE2JS.LOOKBEHINDS : 0
    const flags = RE2JS.LONGEST_MATCH | lookbehinds | (ignoreCase ? RE2JS.CASE_INSENSITIVE : 0)
    try {
      const re = RE2JS.compile(source, flags)
      const matcher = lineMatcher(
        (line, from) => {
          const m = re.matcher(line)
          return m.find(from) ? [m.start(), m.end()] : undefined
        },
        (line) => re.test(line),
      )
      matcher.groups = (line) => {
        const m = re.matcher(line)
        if (!m.find(0)) return undefined
        return Array.from({ length: m.groupCount() + 1 }, (_, g) => m.group(g) ?? '')
      }
      return matcher
    } catch {
      // Beyond RE2 (a repeat count over 1000): the bounded backtracker below.
    }
  }
  const budget = { steps: 0, max: BACKTRACK_STEPS }
  const bt = compileBacktracker(source, ignoreCase, budget)
  return lineMatcher((line, from) => bt.find(line, from), undefined, budget)
}

/** PCRE2's words for the pattern errors grep -P reports, from RE2's (the lab runs -P patterns with RE2). */
const PCRE_WORDS: [RegExp, string][] = [
  [/^missing closing \)/, 'missing closing parenthesis'],
  [/^unexpected \)/, 'unmatched closing parenthesis'],
  [/^missing closing \]/, 'missing terminating ] for character class'],
  [/^trailing backslash/, '\\ at end of pattern'],
]

/** Where `\K` stands at the top of a pattern (outside groups and brackets), or -1; `nested` if it is deeper. */
function keepAt(source: string): number | 'nested' {
  let depth = 0
  let inClass = false
  for (let i = 0; i < source.length; i++) {
    const c = source[i]
    if (c === '\\') {
      if (source[i + 1] === 'K' && !inClass) return depth === 0 ? i : 'nested'
      i++
    } else if (inClass) inClass = c !== ']'
    else if (c === '[') {
      inClass = true
      if (source[i + 1] === '^') i++
      if (source[i + 1] === ']') i++
    } else if (c === '(') depth++
    else if (c === ')') depth--
  }
  return -1
}

/** The capturing groups of a pattern (to number the one after them). */
function capturingGroups(source: string): number {
  let n = 0
  let inClass = false
  for (let i = 0; i < source.length; i++) {
    const c = source[i]
    if (c === '\\') i++
    else if (inClass) inClass = c !== ']'
    else if (c === '[') inClass = true
    else if (c === '(' && (source[i + 1] !== '?' || /^\?P?<[A-Za-z_]/.test(source.slice(i + 1)))) n++
  }
  return n
}

/**
 * grep -P: a Perl pattern, leftmost-first as PCRE matches, through RE2 (linear time: no pattern can
 * hang the lab). Lookbehind works, and `\K` at the top of the pattern; what RE2 lacks (lookahead,
 * back-references, atomic groups) is said plainly. The error message when the pattern does not compile.
 */
export async function compilePerlMatcher(pattern: string, ignoreCase: boolean, wrap: (source: string) => string): Promise<LineMatcher | { error: string }> {
  const { RE2JS } = await import('re2js')
  const keep = keepAt(pattern)
  if (keep === 'nested') return { error: '-P: \\K inside a group is not simulated in the lab; put it at the top of the pattern' }
  const before = keep < 0 ? '' : pattern.slice(0, keep)
  const source = keep < 0 ? wrap(pattern) : `(?:${before})(${pattern.slice(keep + 2)})`
  const flags = (source.includes('(?<') ? RE2JS.LOOKBEHINDS : 0) | (ignoreCase ? RE2JS.CASE_INSENSITIVE : 0)
  let re: ReturnType<typeof RE2JS.compile>
  try {
    re = RE2JS.compile(source, flags)
  } catch (e) {
    const message = String((e as Error).message).replace(/^error parsing regexp: /, '')
    const pcre = PCRE_WORDS.find(([m]) => m.test(message))
    if (pcre) return { error: pcre[1] }
    if (/unsupported Perl syntax: `\(\?[=!]/.test(message)) return { error: '-P: lookahead, (?= and (?!, is not simulated in the lab (its engine has none); lookbehind, (?<= and (?<!, and \\K work' }
    return { error: `-P: ${message} (the lab runs -P patterns without back-references, atomic groups or lookahead)` }
  }
  const group = keep < 0 ? 0 : capturingGroups(before) + 1
  return lineMatcher(
    (line, from) => {
      const m = re.matcher(line)
      return m.find(from) ? [m.start(group), m.end(group)] : undefined
    },
    (line) => re.test(line),
  )
}
