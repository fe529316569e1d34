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
