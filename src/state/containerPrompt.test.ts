// The container's prompt reaches the page through the lab's updates and leaves with null.
import { describe, expect, it } from 'vitest'
import { labUpdateFields, type LabFields } from './slices/lab'

const base = { version: 0, epoch: 1, cwd: '/root', facts: [], audit: [], history: [], variables: {}, seenTokens: {}, kids: [] } as unknown as LabFields

describe('the container prompt in the lab projection', () => {
  it('is set by an update, kept when absent, cleared by null', () => {
    const open = { ...base, ...labUpdateFields(base, { nowMs: 1, prompt: '/ # ' }) }
    expect(open.prompt).toBe('/ # ')
    const kept = { ...open, ...labUpdateFields(open, { nowMs: 2 }) }
    expect(kept.prompt).toBe('/ # ')
    const closed = { ...kept, ...labUpdateFields(kept, { nowMs: 3, prompt: null }) }
    expect(closed.prompt).toBeUndefined()
  })
})
