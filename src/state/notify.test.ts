import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { EAGER_PER_FRAME, frameTiming } from './notify'
import { batched, createAppStore, eagerTerminal } from './store'

/** Animation frames run by hand (Node has none; the views fall back to a 50 ms timer). */
let frames: (() => void)[] = []
const runFrame = () => {
  const f = frames
  frames = []
  f.forEach((cb) => cb())
}
const tick = () => new Promise((r) => setTimeout(r, 0))

beforeEach(() => {
  frames = []
  frameTiming.fallbackMs = 60_000 // frames come only from runFrame (a loaded machine is no frame)
  ;(globalThis as { requestAnimationFrame?: unknown }).requestAnimationFrame = (cb: () => void) => frames.push(cb)
})
afterEach(() => {
  frameTiming.fallbackMs = 50
  delete (globalThis as { requestAnimationFrame?: unknown }).requestAnimationFrame
})

describe('when React hears of changes', () => {
  it('the terminal hears of its output at once (a microtask), once for several writes, and not of other slices', async () => {
    const store = createAppStore()
    let heard = 0
    eagerTerminal(store).subscribe(() => heard++)
    store.getState().lab.apply({ nowMs: 5 })
    await Promise.resolve()
    expect(heard).toBe(0)
    store.getState().terminal.echo('$ ', 'ls')
    store.getState().terminal.write('out', 'a\n')
    expect(heard).toBe(0)
    await Promise.resolve()
    expect(heard).toBe(1)
  })

  it(`after ${EAGER_PER_FRAME} renders in a frame, a stream of output is drawn once per frame`, async () => {
    const store = createAppStore()
    let heard = 0
    eagerTerminal(store).subscribe(() => heard++)
    for (let i = 0; i < EAGER_PER_FRAME; i++) {
      store.getState().terminal.write('out', `${i}\n`)
      await Promise.resolve()
    }
    expect(heard).toBe(EAGER_PER_FRAME)
    for (let i = 0; i < 10; i++) {
      store.getState().terminal.write('out', `more ${i}\n`)
      await Promise.resolve()
    }
    expect(heard).toBe(EAGER_PER_FRAME)
    runFrame()
    expect(heard).toBe(EAGER_PER_FRAME + 1)
    // a new frame: at once again
    store.getState().terminal.write('out', 'next\n')
    await Promise.resolve()
    expect(heard).toBe(EAGER_PER_FRAME + 2)
  })

  it('the panels hear once per task, and after the frame that shows new output', async () => {
    const store = createAppStore()
    const log: string[] = []
    eagerTerminal(store).subscribe(() => log.push('terminal'))
    batched(store).subscribe(() => log.push('panels'))
    store.getState().lab.apply({ nowMs: 5 })
    store.getState().lab.apply({ nowMs: 6 })
    await tick()
    expect(log).toEqual(['panels']) // no output drawn: at the next task
    store.getState().terminal.write('out', 'x\n')
    store.getState().lab.apply({ nowMs: 7 })
    await tick()
    await tick()
    expect(log).toEqual(['panels', 'terminal'])
    runFrame()
    await tick()
    expect(log).toEqual(['panels', 'terminal', 'panels'])
  })
})
