// Runs a translated pattern (regex.ts) on lines in time linear in the line: RE2 (re2js, loaded on
// first use) with POSIX leftmost-longest matches as GNU grep reports them; back-references,
// which no linear-time engine can run, go to a backtracker with a step budget instead.

import { BacktrackLimit, compileBacktracker } from './backtrack'

export interface LineMatcher {
  test(line: string): boolean
  /** Non-empty matches, left to right, as `grep -o` prints them. */
  matches(line: string): [number, number][]
}

/** Steps the back-reference fallback may take in one command. */
export const BACKTRACK_STEPS = 1_000_000

export { BacktrackLimit }

export function backtrackLimitMessage(): string {
  return `stopped: the back-references in this pattern need more than ${BACKTRACK_STEPS} steps, the lab's limit`
}

type Find = (line: string, from: number) => [number, number] | undefined

function lineMatcher(find: Find): LineMatcher {
  return {
    test: (line) => find(line, 0) !== undefined,
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
    const flags = RE2JS.LONGEST_MATCH | RE2JS.LOOKBEHINDS | (ignoreCase ? RE2JS.CASE_INSENSITIVE : 0)
    try {
      const re = RE2JS.compile(source, flags)
      return lineMatcher((line, from) => {
        const m = re.matcher(line)
        return m.find(from) ? [m.start(), m.end()] : undefined
      })
    } catch {
      // Beyond RE2 (a repeat count over 1000): the bounded backtracker below.
    }
  }
  const bt = compileBacktracker(source, ignoreCase, { steps: 0, max: BACKTRACK_STEPS })
  return lineMatcher((line, from) => bt.find(line, from))
}
