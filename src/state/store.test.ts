import { describe, expect, it } from 'vitest'
import type { AuditEntry } from './labPort'
import { normalLines } from './slices/terminal'
import { FIRST_SPAN } from './slices/timelineView'
import { batched, createAppStore, eagerTerminal } from './store'
import { DEFAULT_SPAN } from './timeline/view'

const entry = (at: number): AuditEntry =>
  ({ at, method: 'GET', verb: 'get', requestURI: '/api', source: 'kubectl', code: 200, authentication: { decision: 'allow' } }) as AuditEntry

describe('the one UI store', () => {
  it('has the slices, each setting only its own part', () => {
    const store = createAppStore()
    const s = store.getState()
    expect(Object.keys(s).sort()).toEqual(['clock', 'lab', 'lesson', 'selection', 'terminal', 'timeline'])
    s.selection.selectToken('a.b.c')
    s.terminal.write('out', 'hello\n')
    s.clock.set({ labMs: 42, started: true })
    const t = store.getState()
    expect(t.selection.token).toBe('a.b.c')
    expect(t.terminal.lines.map((l) => l.segs.map((g) => g.text).join(''))).toEqual(['hello'])
    expect(t.clock).toMatchObject({ labMs: 42, started: true, playing: false })
    // a slice's actions stay callable after other slices changed
    t.selection.setCompare('x.y.z')
    expect(store.getState().selection).toMatchObject({ token: 'a.b.c', compareWith: 'x.y.z' })
    expect(store.getState().timeline).toMatchObject({ mode: 'follow', followSpan: DEFAULT_SPAN })
    expect(FIRST_SPAN).toBe(DEFAULT_SPAN)
  })

  it("the alternate screen: what a full-screen command shows goes when it gives the screen back, and the screen from before comes back", () => {
    const store = createAppStore()
    const t = () => store.getState().terminal
    const text = () => t().lines.map((l) => l.segs.map((g) => g.text).join(''))
    t().echo('$ ', 'echo before')
    t().write('out', 'before\n')
    t().echo('$ ', 'watch date')
    t().write('out', 'unfinished')
    t().alternate(true)
    expect(text()).toEqual([])
    expect(t().partial).toEqual([])
    t().write('out', 'Every 2.0s: date\n')
    // a refresh clears the alternate screen only
    t().clear()
    t().write('out', 'Every 2.0s: date\nlater\n')
    // taken again while held: nothing changes (the screen from before is kept once)
    t().alternate(true)
    expect(text()).toEqual(['Every 2.0s: date', 'later'])
    // what a save stores meanwhile is the screen that will come back
    expect(normalLines(t()).map((l) => l.segs.map((g) => g.text).join(''))).toEqual(['$ echo before', 'before', '$ watch date'])
    t().alternate(false)
    expect(text()).toEqual(['$ echo before', 'before', '$ watch date'])
    expect(t().partial.map((g) => g.text)).toEqual(['unfinished'])
    expect(t().normal).toBeUndefined()
    expect(normalLines(t())).toBe(t().lines)
    // given back when not held: nothing changes
    const before = store.getState()
    t().alternate(false)
    expect(store.getState()).toBe(before)
    // new lines go on with new ids after the ones that came back
    t().write('out', 'x\n')
    const ids = t().lines.map((l) => l.id)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('a patch that changes nothing is not a change: nobody hears of it (the terminal asks for no frame on Enter)', () => {
    const store = createAppStore()
    let heard = 0
    let terminalHeard = 0
    store.subscribe(() => heard++)
    eagerTerminal(store).subscribe(() => terminalHeard++)
    const before = store.getState()
    before.terminal.set({ queued: 0, busy: false })
    before.clock.set({ started: before.clock.started })
    expect(store.getState()).toBe(before)
    expect(heard).toBe(0)
    before.terminal.set({ queued: 1 })
    expect(store.getState().terminal.queued).toBe(1)
    expect(heard).toBe(1)
    return Promise.resolve().then(() => expect(terminalHeard).toBe(1))
  })

  it('folds the lab updates into the projection: appended, dropped at the start, replaced on a new epoch', () => {
    const store = createAppStore()
    const lab = () => store.getState().lab
    const [a, b, c, d] = [entry(1), entry(2), entry(3), entry(4)]
    lab().apply({ nowMs: 1, epoch: 1, audit: { reset: true, items: [a, b] }, cwd: '/root', variables: { TOK: 'x' } })
    expect(lab().audit).toEqual([a, b])
    const epoch = lab().epoch
    lab().apply({ nowMs: 2, audit: { drop: 0, items: [c] } })
    expect(lab().audit).toEqual([a, b, c])
    expect(lab().audit[0]).toBe(a) // entries keep their identity
    lab().apply({ nowMs: 3, audit: { drop: 2, items: [d] } })
    expect(lab().audit).toEqual([c, d])
    expect(lab().variables).toEqual({ TOK: 'x' }) // left out: unchanged
    expect(lab().epoch).toBe(epoch)
    // a restarted lab counts its epochs from 1 again: the page still sees a new one
    lab().apply({ nowMs: 4, epoch: 1, facts: { reset: true, items: [] } })
    expect(lab().epoch).toBe(epoch + 1)
    expect(lab().audit).toEqual([])
    expect(lab().version).toBe(4)
  })

  it('tells its batched listeners once per task, however often it changed', async () => {
    const store = createAppStore()
    let heard = 0
    batched(store).subscribe(() => heard++)
    store.getState().terminal.write('out', 'a')
    store.getState().terminal.write('out', 'b\n')
    store.getState().lab.apply({ nowMs: 5 })
    expect(heard).toBe(0)
    await new Promise((r) => setTimeout(r, 10))
    expect(heard).toBe(1)
  })
})
