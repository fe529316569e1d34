// A very long terminal line (a pasted 300 KB command, one line of output without newlines) is
// shown bounded: its first LONG_LINE_SHOWN characters, then a marker saying how many more there
// are, with a button that copies the whole line (LongLineMarker.tsx, loaded when first needed).
// Laying out hundreds of kilobytes of wrapped text holds the page for a second; the screen
// shows nothing a student could read there anyway.

import type { Segment } from '../../state/lines'

/** Characters of one line put on screen; the rest is behind the marker. */
export const LONG_LINE_SHOWN = 8000

export interface BoundedSegs {
  segs: readonly Segment[]
  /** Characters not shown (0: the whole line is shown). */
  hidden: number
}

/** The segments cut to `limit` characters in all (whole segments kept up to the cut). */
export function boundSegs(segs: readonly Segment[], limit = LONG_LINE_SHOWN): BoundedSegs {
  let total = 0
  for (const s of segs) total += s.text.length
  if (total <= limit) return { segs, hidden: 0 }
  const out: Segment[] = []
  let room = limit
  for (const s of segs) {
    if (room <= 0) break
    out.push(s.text.length <= room ? s : { kind: s.kind, text: s.text.slice(0, room) })
    room -= s.text.length
  }
  return { segs: out, hidden: total - limit }
}
