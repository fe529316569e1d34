import { describe, expect, it } from 'vitest'
import { HistoryNav } from './history'

describe('history navigation', () => {
  it('walks back and forth and returns to the draft', () => {
    const h = new HistoryNav(() => ['one', 'two'])
    expect(h.up('dra')).toBe('two')
    expect(h.up('two')).toBe('one')
    expect(h.up('one')).toBeUndefined()
    expect(h.down()).toBe('two')
    expect(h.down()).toBe('dra')
    expect(h.down()).toBeUndefined()
  })

  it('reads the history afresh after a reset', () => {
    let entries = ['a']
    const h = new HistoryNav(() => entries)
    expect(h.up('')).toBe('a')
    entries = ['a', 'b']
    h.reset()
    expect(h.up('')).toBe('b')
  })
})
