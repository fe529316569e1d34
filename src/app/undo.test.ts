import { describe, expect, it } from 'vitest'
import type { LabSnapshot } from './lab'
import { UndoHistory, type Undoable } from './undo'

/** A lab whose state is a counter; each state carries `records` audit entries. */
function fakeLab(records = 0) {
  let n = 0
  let snapshots = 0
  const lab: Undoable & { set(v: number): void; snapshots(): number } = {
    snapshot: () => {
      snapshots++
      return { cluster: { clock: { now: n * 1000 }, facts: [], audit: Array.from({ length: records }, () => ({})) } } as unknown as LabSnapshot
    },
    fingerprint: () => String(n),
    progressKey: () => '',
    set: (v) => { n = v },
    snapshots: () => snapshots,
  }
  return lab
}

describe('UndoHistory', () => {
  it('keeps a state only for commands that changed the lab, and snapshots only then', () => {
    const lab = fakeLab()
    const h = new UndoHistory()
    h.before(lab)
    lab.set(1)
    h.after(lab, 'change 1')
    h.before(lab)
    h.after(lab, 'look only')
    expect(h.size).toBe(1)
    expect(lab.snapshots()).toBe(2)
    expect(h.request()).toBe('Undid: change 1\nThe lab is back as it was before that command; lab time 1970-01-01T00:00:00Z. Nothing more to undo.')
    expect(h.takeRequest()?.cluster.clock.now).toBe(0)
    expect(h.takeRequest()).toBeUndefined()
    expect(h.request()).toBeUndefined()
  })

  it('is bounded by a number of commands and by the records the states hold', () => {
    const lab = fakeLab(10)
    const h = new UndoHistory(3, 25)
    for (let i = 1; i <= 5; i++) {
      h.before(lab)
      lab.set(i)
      h.after(lab, `change ${i}`)
    }
    // 3 by count, then 2 by records (11 each: 10 audit records + 1)
    expect(h.size).toBe(2)
    expect(h.request()).toContain('Undid: change 5')
    expect(h.request()).toContain('Undid: change 4')
    expect(h.request()).toBeUndefined()
  })
})
