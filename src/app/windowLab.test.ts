import { describe, expect, it } from 'vitest'
import { TerminalController } from '../state/controller'
import { createTerminalStore } from '../state/terminalStore'
import { createFakeLab } from '../state/testing'
import type { Lab } from './lab'
import { createWindowLab } from './windowLab'

function setup(check?: (s: unknown) => void) {
  const store = createTerminalStore()
  const controller = new TerminalController(store)
  const restored: unknown[] = []
  const w = createWindowLab(controller, { presenter: false, problems: [] }, {
    check,
    restored: (s) => restored.push(s),
    savedStates: () => ['tokenlab:broken:x'],
    restoreSaved: async () => {},
    clearSavedState: () => {},
  })
  const lab = createFakeLab({ seed: '1' })
  const attach = () => {
    controller.attach(lab, 'still')
    w.attach(lab as unknown as Lab)
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
    expect(store.getState().lines.length).toBe(2)
    expect(w.api.seed).toBe('1')
    expect(w.api.now()).toBe('2026-05-23T23:25:00Z')
  })

  it('restore() goes through the lab and tells the page', async () => {
    const { w, lab, attach, restored } = setup()
    attach()
    const snap = { ...lab.snapshot(), nowMs: 0 }
    await w.api.restore(snap as never)
    expect(lab.nowMs()).toBe(0)
    expect(restored).toEqual([snap])
  })

  it('restore() of a snapshot the check refuses changes nothing', async () => {
    const { w, lab, attach, restored } = setup(() => {
      throw new Error('cluster.facts: expected Array, found Object')
    })
    attach()
    const before = lab.nowMs()
    await expect(w.api.restore({ ...lab.snapshot(), nowMs: 0 } as never)).rejects.toThrow('cluster.facts: expected Array, found Object')
    expect(lab.nowMs()).toBe(before)
    expect(restored).toEqual([])
  })

  it('rejects a run() of something that is not text', async () => {
    const { w } = setup()
    await expect(w.api.run(42 as unknown as string)).rejects.toThrow('line must be a string')
  })
})
