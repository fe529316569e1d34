import { describe, expect, it } from 'vitest'
import { timelineActions } from '../slices/timelineActions'
import { createAppStore } from '../store'
import { nextPoint, viewOf } from './view'

const createTimelineView = () => {
  const store = createAppStore()
  const actions = timelineActions(store)
  return { getState: () => ({ ...store.getState().timeline, ...actions }) }
}
import type { Lane } from './lanes'
import { HOUR, MINUTE, span, YEAR } from './scale'

const T0 = Date.UTC(2026, 4, 23, 23, 27, 30)
const iat = T0 + 1000
const lanes: Lane[] = [{
  id: 'pod:u1', kind: 'pod', title: 'sa-demo/app', refreshes: [iat + 2880_000, iat + 2 * 2880_000],
  tokens: [{ key: 'j1', jti: 'j1', namespace: 'sa-demo', serviceAccount: 'default', source: 'kubelet', iat, warnafter: iat + 3607_000, exp: iat + YEAR, requests: [] }],
}]

describe('timeline view', () => {
  it('follows the clock, then holds a fixed window once zoomed or panned', () => {
    const s = createTimelineView()
    expect(viewOf(s.getState(), T0).start).toBe(T0 - 0.25 * 1.5 * HOUR)
    s.getState().zoomBy(0.5, T0)
    expect(s.getState().mode).toBe('follow')
    expect(span(viewOf(s.getState(), T0))).toBe(45 * MINUTE)
    s.getState().panBy(-0.25, T0)
    expect(s.getState().mode).toBe('fixed')
    const fixed = viewOf(s.getState(), T0)
    expect(viewOf(s.getState(), T0 + HOUR)).toEqual(fixed)
    s.getState().follow()
    expect(viewOf(s.getState(), T0 + HOUR).start).toBeGreaterThan(fixed.start)
  })

  it('jumps to the next refresh, warnafter and exp after the middle of the view', () => {
    expect(nextPoint(lanes, 'refresh', T0)).toBe(iat + 2880_000)
    expect(nextPoint(lanes, 'refresh', iat + 2880_000)).toBe(iat + 2 * 2880_000)
    expect(nextPoint(lanes, 'warnafter', T0)).toBe(iat + 3607_000)
    expect(nextPoint(lanes, 'exp', iat + 3607_000)).toBe(iat + YEAR)
    expect(nextPoint(lanes, 'warnafter', iat + YEAR)).toBeUndefined()
    const s = createTimelineView()
    expect(s.getState().jump('warnafter', lanes, T0)).toBe(true)
    const v = viewOf(s.getState(), T0)
    expect((v.start + v.end) / 2).toBe(iat + 3607_000)
    expect(s.getState().message).toMatch(/^Next warnafter: 00:27:38 on 2026-05-24/)
    expect(s.getState().jump('warnafter', lanes, T0)).toBe(false)
    expect(s.getState().message).toMatch(/^No warnafter after/)
  })
})
