import { describe, expect, it } from 'vitest'
import { batched, createAppStore, eagerTerminal } from './store'

/**
 * A later task, after the MessageChannel tasks already queued. Node delivers a port's messages in the
 * event loop's poll phase and runs timers before it: one timer may fire before a message posted just
 * now arrives (1 run in 5 under load), two in a row cannot, as a poll phase comes between them.
 */
const tick = () => new Promise((r) => setTimeout(r, 0)).then(() => new Promise((r) => setTimeout(r, 0)))

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
    // a turn of the event loop later: at once again
    await tick()
    store.getState().terminal.write('out', 'b\n')
    await Promise.resolve()
    expect(heard).toBe(2)
  })

  it('a stream of output within one turn of the event loop is drawn once more, after it, not once per chunk', async () => {
    const store = createAppStore()
    let heard = 0
    eagerTerminal(store).subscribe(() => heard++)
    store.getState().terminal.write('out', 'first\n')
    await Promise.resolve()
    expect(heard).toBe(1)
    for (let i = 0; i < 50; i++) {
      store.getState().terminal.write('out', `more ${i}\n`)
      await Promise.resolve()
    }
    expect(heard).toBe(1)
    await tick()
    expect(heard).toBe(2)
    expect(store.getState().terminal.lines.length).toBe(51)
  })

  it('the panels hear once per task, however often the store changed', async () => {
    const store = createAppStore()
    let heard = 0
    batched(store).subscribe(() => heard++)
    store.getState().terminal.write('out', 'a')
    store.getState().lab.apply({ nowMs: 5 })
    store.getState().lab.apply({ nowMs: 6 })
    await Promise.resolve()
    expect(heard).toBe(0)
    await tick()
    expect(heard).toBe(1)
  })
})
