// awk's extended regular expressions on the linear-time engine grep uses (re2js), compiled
// synchronously once the engine is loaded (load() before running a program). awk's escapes in
// regular expressions (\t, \n, \/, \") are turned into the characters first.

import { translate } from '../regex'

interface Compiled {
  test(s: string): boolean
  /** The leftmost-longest match at or after `from`: [start, end]. */
  find(s: string, from: number): [number, number] | undefined
}

type RE2Module = typeof import('re2js')
let engine: RE2Module['RE2JS'] | undefined

export async function loadRegex(): Promise<void> {
  engine ??= (await import('re2js')).RE2JS
}

export class AwkRegexError extends Error {}

const cache = new Map<string, Compiled>()

export function compileAwkRegex(src: string): Compiled {
  const hit = cache.get(src)
  if (hit) return hit
  const unescaped = src.replace(/\\([tnrfv/"])/g, (_, c: string) => ({ t: '\t', n: '\n', r: '\r', f: '\f', v: '\v' })[c] ?? '\\' + c)
  const r = translate(unescaped, true)
  if (!r.ok) throw new AwkRegexError(`regular expression compile failed (${r.message})\n${src}`)
  if (!engine) throw new Error('awk: regular expressions are not loaded')
  const re = engine.compile(r.source, engine.LONGEST_MATCH)
  const c: Compiled = {
    test: (s) => re.test(s),
    find: (s, from) => {
      const m = re.matcher(s)
      return m.find(from) ? [m.start(), m.end()] : undefined
    },
  }
  if (cache.size > 200) cache.clear()
  cache.set(src, c)
  return c
}
