// The reserved word `time` (and its `-p`) where a pipeline starts, as parse.y's timespec reads it:
// `time=3` stays an assignment and `echo time` an argument.

import type { Pipeline } from './ast'

export interface TimeSource {
  readonly src: string
  pos: number
  skipBlanks(): void
}

/** Whether `w` stands at the position as a word of its own. */
function reserved(p: TimeSource, w: string): boolean {
  return p.src.startsWith(w, p.pos) && (p.pos + w.length >= p.src.length || /[\s;&|)]/.test(p.src[p.pos + w.length]))
}

/**
 * Read `time` or `time -p` if it starts the pipeline; `alone` when nothing follows it (it times
 * nothing). Undefined, and nothing read, when the pipeline has no `time`.
 */
export function readTime(p: TimeSource): { timed: NonNullable<Pipeline['timed']>; alone: boolean } | undefined {
  if (!reserved(p, 'time')) return undefined
  p.pos += 4
  p.skipBlanks()
  let timed: NonNullable<Pipeline['timed']> = 'bash'
  if (reserved(p, '-p')) {
    p.pos += 2
    p.skipBlanks()
    timed = 'posix'
  }
  const c = p.src[p.pos] ?? ''
  const alone = p.pos >= p.src.length || /[\n;&)#]/.test(c) || (c === '|' && p.src[p.pos + 1] === '|')
  return { timed, alone }
}
