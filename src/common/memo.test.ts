import { describe, expect, it } from 'vitest'
import { memo } from './memo'

describe('memo', () => {
  it('answers a known text without calling again, undefined included, and forgets all when full', () => {
    const calls: string[] = []
    const f = memo((k: string) => (calls.push(k), k === 'none' ? undefined : k.length), 3)
    expect([f('ab'), f('ab'), f('none'), f('none')]).toEqual([2, 2, undefined, undefined])
    expect(calls).toEqual(['ab', 'none'])
    f('c')
    f('d') // a fourth text: the three known ones are forgotten
    f('ab')
    expect(calls).toEqual(['ab', 'none', 'c', 'd', 'ab'])
  })
})
