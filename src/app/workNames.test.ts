import { describe, expect, it } from 'vitest'
import { describeWork } from './workNames'

describe('lab advance summary', () => {
  it('names what a student can see, singular and plural', () => {
    expect(describeWork({ 'kubelet.refreshToken': 1 })).toBe('ran 1 token refresh')
    expect(describeWork({ 'kubelet.refreshToken': 10944, 'kubelet.removePod': 2 })).toBe('ran 10944 token refreshes, 2 pod removals')
  })
  it('leaves out internal controller syncs', () => {
    expect(describeWork({ 'controller.serviceaccounts': 3 })).toBe('nothing fell due')
    expect(describeWork({})).toBe('nothing fell due')
  })
})
