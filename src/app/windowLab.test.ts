import { describe, expect, it } from 'vitest'
import { setupPage } from '../state/testing'
import { createWindowLab } from './windowLab'

function setup(check?: (s: unknown) => void) {
  const page = setupPage('still', { t: 0 }, '1')
  const { store, lab } = page
  const restored: unknown[] = []
  const w = createWindowLab(page.ctl, page.clock, store, { presenter: false, problems: [] }, {
    check,
    restored: (s) => restored.push(s),
    savedStates: () => ['tokenlab:broken:x'],
    restoreSaved: async () => {},
    clearSavedState: () => {},
  })
  const attach = () => {
    page.attach()
    w.attach()
  }
  return { w, lab, attach, restored, store }
}

describe('window.lab', () => {
  it('queues run() until the lab is ready, and shows it in the terminal', async () => {
    const { w, attach, store } = setup()
    expect(() => w.api.now()).toThrow('the lab is still starting: await window.lab.ready first')
    const p = w.api.run('echo early')
    attach()
    await w.api.ready
    expect(await p).toEqual({ stdout: 'early\n', stderr: '', exitCode: 0 })
    expect(store.getState().terminal.lines.length).toBe(2)
    expect(w.api.seed).toBe('1')
    expect(w.api.now()).toBe('2026-05-23T23:25:00Z')
  })

  it('restore() goes through the lab and tells the page', async () => {
    const { w, lab, attach, restored } = setup()
    attach()
    const snap = { ...(await lab.snapshot()), nowMs: 0 }
    await w.api.restore(snap as never)
    expect(lab.nowMs()).toBe(0)
    expect(w.api.nowMs()).toBe(0)
    expect(restored).toEqual([snap])
  })

  it('answers now(), nowMs() and history() from the projection, snapshot() and complete() through the lab', async () => {
    const { w, attach } = setup()
    attach()
    await w.api.run('echo a')
    await w.api.advance(30_000)
    expect(w.api.nowMs()).toBe(Date.UTC(2026, 4, 23, 23, 25, 30))
    expect(w.api.now()).toBe('2026-05-23T23:25:30Z')
    expect(w.api.history()).toEqual(['echo a'])
    expect(await w.api.snapshot()).toMatchObject({ nowMs: Date.UTC(2026, 4, 23, 23, 25, 30), history: ['echo a'] })
    expect(await w.api.complete('ech', 3)).toEqual({ from: 0, candidates: ['echo'] })
    expect(await w.api.needsMoreInput("echo 'a")).toBe(true)
  })

  it('tells onClear listeners when the lab cleared the screen', async () => {
    const { w, attach, lab } = setup()
    let cleared = 0
    w.api.onClear(() => cleared++)
    attach()
    lab.onEvent = ((prev) => (e: Parameters<typeof prev>[0]) => {
      prev(e)
      if (e.type === 'clear') w.cleared()
    })(lab.onEvent)
    await w.api.run('clear')
    expect(cleared).toBe(1)
  })

  it('restore() of a snapshot the check refuses changes nothing', async () => {
    const { w, lab, attach, restored } = setup(() => {
      throw new Error('cluster.facts: expected Array, found Object')
    })
    attach()
    const before = lab.nowMs()
    await expect(w.api.restore({ ...(await lab.snapshot()), nowMs: 0 } as never)).rejects.toThrow('cluster.facts: expected Array, found Object')
    expect(lab.nowMs()).toBe(before)
    expect(restored).toEqual([])
  })

  it('rejects a run() of something that is not text', async () => {
    const { w } = setup()
    await expect(w.api.run(42 as unknown as string)).rejects.toThrow('line must be a string')
  })
})
