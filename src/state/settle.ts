// A command line has ended: what it wrote on standard error is marked ok when it succeeded. Kept
// out of the first screen's script (the terminal slice loads it on a command's end): it only
// changes how those lines look.

import type { Screen, Segment } from './lines'

/**
 * A command line has ended with `status`: when it succeeded, what it wrote on standard error on
 * lines `fromId` to `toId` (exclusive; the unfinished line too) is marked `ok`. Lines that change
 * are new objects; the others stay as they were (and the screen too when nothing changed).
 */
export function settle(screen: Screen, fromId: number, status: number, toId = Infinity): Screen {
  let changed = false
  const mark = (segs: Segment[]) => {
    if (status || !segs.some((x) => x.kind === 'err' && !x.ok)) return segs
    changed = true
    return segs.map((x): Segment => (x.kind === 'err' ? { ...x, ok: true } : x))
  }
  const lines = screen.lines.map((l) => (l.id < fromId || l.id >= toId ? l : { id: l.id, segs: mark(l.segs) }))
  const partial = screen.nextId < toId ? mark(screen.partial) : screen.partial
  return changed ? { lines: lines.map((l, i) => (l.segs === screen.lines[i].segs ? screen.lines[i] : l)), partial, nextId: screen.nextId } : screen
}
