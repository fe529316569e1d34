import { describe, expect, it } from 'vitest'
import { VirtualClock } from './clock'

describe('VirtualClock', () => {
  it('runs work due at one instant in the order it was scheduled; work scheduled ahead goes before it', () => {
    const clock = new VirtualClock(0)
    const at = (uid: string, ms: number, ahead = false) => clock.schedule(ms, 'kubelet.syncPod', { node: 'n', uid }, ahead)
    at('a', 10)
    at('b', 5)
    at('c', 10)
    at('d', 10, true)
    at('e', 5, true)
    at('f', 20, true)
    const order: string[] = []
    for (let w = clock.takeDue(100); w; w = clock.takeDue(100)) order.push(`${'uid' in w.data ? w.data.uid : ''}@${w.at}`)
    expect(order).toEqual(['e@5', 'b@5', 'd@10', 'a@10', 'c@10', 'f@20'])
    expect(clock.now()).toBe(20)
  })
})
