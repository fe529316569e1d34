import { describe, expect, it } from 'vitest'
import { timelineActions } from '../slices/timelineActions'
import { createAppStore } from '../store'
import { edgeMarks, edgeSize, fromNow, fromNowShort } from './edges'
import type { Lane, TokenInfo } from './lanes'
import { laneRows, type MarkItem } from './marks'
import { DAY, HOUR, MINUTE, span, YEAR, type TimeView } from './scale'
import { viewOf } from './view'
import { storyRange, wholeView } from './whole'

// The article's story (seed 1): pod app created and started, its token issued at 23:27:31 UTC
// (iat 1779578851), a 403 at 23:27:35, the pod deleted, a 401 at 23:28:05. A pod token asks for
// 3607 s: warnafter = iat + 3607 s, exp = iat + 1 year (the API server's extended expiration),
// the kubelet's refresh at 80% of 3607 s (2886 s, about 48 min).
const S = 1000
const IAT = 1779578851 * S
const CREATED = IAT - 11 * S
const GONE = Date.UTC(2026, 4, 23, 23, 28, 5)
const WIDTH = 1280
const EDGE = 130

function req(t: number, code: number, index: number) {
  return { t, index, code, answer: code === 403 ? 'forbidden' : 'unauthorized', method: 'GET', verb: 'list', uri: '/api/v1/namespaces/sa-demo/pods', source: 'curl', reason: '', stale: false } as const
}

function articleLane(): Lane {
  const tok: TokenInfo = {
    key: 'j1', jti: 'j1', namespace: 'sa-demo', serviceAccount: 'default', source: 'kubelet', pod: { name: 'app', uid: 'u1' },
    iat: IAT, warnafter: IAT + 3607 * S, exp: IAT + YEAR, invalidAt: GONE,
    refresh: { t: IAT + 2886 * S + 1, exact: false, afterGone: true },
    requests: [req(IAT + 4 * S, 403, 7), req(GONE, 401, 12)],
  }
  return {
    id: 'pod:u1', kind: 'pod', title: 'sa-demo/app', refreshes: [],
    pod: {
      namespace: 'sa-demo', name: 'app', uid: 'u1', node: 'node-1', createdAt: CREATED, deletionAt: GONE - 1 * S, goneAt: GONE,
      events: [{ t: CREATED, kind: 'created' }, { t: CREATED + S, kind: 'scheduled', node: 'node-1' }, { t: CREATED + 6 * S, kind: 'started' }, { t: GONE - S, kind: 'deletionRequested' }, { t: GONE, kind: 'deleted' }],
    },
    tokens: [tok],
  }
}

function fitAll(lanes: Lane[], now: number, width = WIDTH): { view: TimeView; actions: ReturnType<typeof timelineActions>; store: ReturnType<typeof createAppStore> } {
  const store = createAppStore()
  const actions = timelineActions(store)
  actions.fitAll(lanes, now, { width, edgeRoom: EDGE })
  return { view: viewOf(store.getState().timeline, now), actions, store }
}

const mark = (marks: MarkItem[], kind: string) => marks.find((m) => m.kind === kind)

describe('the whole view', () => {
  it('shows the article’s iat, refresh (+48 min) and warnafter (+1 h) far apart at 1280 px, and exp a year away at the edge', () => {
    const now = GONE + S
    const lane = articleLane()
    const { view, actions, store } = fitAll([lane], now)
    const [podRow, tokRow] = laneRows(lane, view, WIDTH, now)
    const iat = mark(tokRow.marks, 'iat')!
    const refresh = mark(tokRow.marks, 'refreshPoint')!
    const warn = mark(tokRow.marks, 'warnafter')!
    expect(iat.x).toBeGreaterThanOrEqual(16)
    expect(refresh.x - iat.x).toBeGreaterThanOrEqual(600)
    expect(warn.x - refresh.x).toBeGreaterThanOrEqual(150)
    expect(warn.x).toBeLessThan(WIDTH - 15.9)
    // the requests (all before now) leave room for the edge marker at the right of their half of the row
    expect((now - view.start) / span(view) * WIDTH).toBeLessThanOrEqual(WIDTH - EDGE)
    // the requests (30 s apart) and the pod's life are in view, beside iat
    const reqs = tokRow.marks.filter((m) => m.kind === 'request' || m.kind === 'cluster')
    expect(reqs.length).toBeGreaterThanOrEqual(1)
    const covered = (t: number) => reqs.some((m) => m.t === t || (m.range !== undefined && m.range[0] <= t && t <= m.range[1]))
    expect(covered(IAT + 4 * S) && covered(GONE)).toBe(true)
    expect(podRow.marks.every((m) => m.x >= 0 && m.x <= WIDTH)).toBe(true)
    expect(view.start).toBeLessThan(CREATED)
    expect(view.end).toBeGreaterThan(IAT + 3607 * S)
    // exp is not squeezed in: it is an edge marker that brings it into view
    expect(mark(tokRow.marks, 'exp')).toBeUndefined()
    const edges = edgeMarks(lane.tokens[0], view, now)
    expect(edges).toHaveLength(1)
    const [exp] = edges
    expect(exp).toMatchObject({ side: 'right', kind: 'exp', t: IAT + YEAR, label: 'exp in 365 days →' })
    expect(exp.name).toMatch(/^exp in 365 days, after the view: exp of token j1… of pod sa-demo\/app at 23:27:31 on 2027-05-23; already invalid since its pod was gone at 23:28:05 on 2026-05-23; activate to show it$/)
    actions.showTime(exp.t, exp.what, now)
    const there = viewOf(store.getState().timeline, now)
    expect(span(there)).toBeCloseTo(span(view), -1)
    const expMark = mark(laneRows(lane, there, WIDTH, now)[1].marks, 'exp')!
    expect(expMark.x).toBeCloseTo(WIDTH / 2, 3)
    expect(store.getState().timeline.message).toMatch(/^Showing exp of token j1… of pod sa-demo\/app: 23:27:31 on 2027-05-23\./)
    // back from there, the marks left behind are at the left edge
    expect(edgeMarks(lane.tokens[0], there, now).map((e) => [e.side, e.kind, e.label])).toEqual([['left', 'warnafter', '← warnafter in 60 min']])
  })

  it('with a live pod after 49 minutes: both tokens, the next refresh, not a year of scheduled ones', () => {
    const r1 = IAT + 2880 * S
    const refreshes = Array.from({ length: 10_950 }, (_, i) => r1 + i * 2880 * S)
    const tok = (key: string, iat: number, refresh: number): TokenInfo => ({
      key, jti: key, namespace: 'sa-demo', serviceAccount: 'default', source: 'kubelet', pod: { name: 'app', uid: 'u1' },
      iat, warnafter: iat + 3607 * S, exp: iat + YEAR, refresh: { t: refresh, exact: true, afterGone: false }, requests: [],
    })
    const lane: Lane = { ...articleLane(), refreshes, tokens: [tok('j1', IAT, r1), tok('j2', r1, refreshes[1])] }
    lane.pod = { ...lane.pod!, deletionAt: undefined, goneAt: undefined, events: lane.pod!.events.slice(0, 3) }
    const now = IAT + 49 * MINUTE
    const { view } = fitAll([lane], now)
    expect(view.start).toBeLessThan(CREATED)
    expect(view.end).toBeGreaterThan(r1 + 3607 * S) // the second token's warnafter
    expect(view.end).toBeLessThan(IAT + 3 * HOUR)
    const [podRow, t1, t2] = laneRows(lane, view, WIDTH, now)
    expect(podRow.marks.filter((m) => m.kind === 'refresh').map((m) => m.t)).toEqual([r1, refreshes[1]])
    expect(mark(t1.marks, 'warnafter')!.x - mark(t1.marks, 'refreshPoint')!.x).toBeGreaterThanOrEqual(100)
    expect(mark(t2.marks, 'refreshPoint')!.x - mark(t1.marks, 'warnafter')!.x).toBeGreaterThanOrEqual(100)
    expect(edgeMarks(lane.tokens[1], view, now).map((e) => e.label)).toEqual(['exp in 365 days →'])
  })

  it('a year on, shows the year that happened and looks a quarter ahead, not to the newest exp', () => {
    const now = IAT + YEAR + 10 * MINUTE
    const lane = articleLane()
    const newer: TokenInfo = { ...lane.tokens[0], key: 'j9', jti: 'j9', iat: now - 5 * MINUTE, warnafter: now - 5 * MINUTE + 3607 * S, exp: now - 5 * MINUTE + YEAR, invalidAt: undefined, refresh: undefined, requests: [] }
    const { view } = fitAll([{ ...lane, tokens: [...lane.tokens, newer] }], now)
    expect(view.start).toBeLessThan(CREATED)
    expect(view.end).toBeGreaterThan(now)
    expect(view.end).toBeLessThan(now + 0.3 * YEAR)
    expect(((now - view.start) / span(view)) * WIDTH).toBeCloseTo(WIDTH - EDGE, 3) // room for "exp in 365 days →" right of now
    expect(storyRange([lane], now).beyond).toBe(false) // the first token's exp happened
  })

  it('an empty lab shows now and what is about to happen, at least ten minutes', () => {
    const now = IAT
    const v = wholeView([], now, { width: WIDTH })
    expect(v.start).toBeLessThan(now)
    expect(v.end).toBeGreaterThan(now)
    expect(span(v)).toBeGreaterThanOrEqual(10 * MINUTE)
  })

  it('a narrow track keeps the story and some room for the edge', () => {
    const now = GONE + S
    const lane = articleLane()
    const view = wholeView([lane], now, { width: 240, edgeRoom: EDGE })
    const marks = laneRows(lane, view, 240, now)[1].marks
    expect(mark(marks, 'iat')!.x).toBeGreaterThan(0)
    expect(mark(marks, 'warnafter')!.x).toBeLessThan(240 - 15.9)
    expect(mark(marks, 'warnafter')!.x - mark(marks, 'iat')!.x).toBeGreaterThan(60)
  })
})

describe('times from now', () => {
  it('says how far, in the largest sensible unit', () => {
    const now = IAT
    expect(fromNow(now + YEAR, now)).toBe('in 365 days')
    expect(fromNow(now - 48 * MINUTE, now)).toBe('48 min ago')
    expect(fromNow(now + 3 * HOUR, now)).toBe('in 3 h')
    expect(fromNow(now + 2 * DAY, now)).toBe('in 2 days')
    expect(fromNow(now - 30 * S, now)).toBe('30 s ago')
    expect(fromNow(now, now)).toBe('now')
    expect(fromNowShort(now + YEAR, now)).toBe('+365 d')
    expect(fromNowShort(now - 48 * MINUTE, now)).toBe('−48 min')
  })

  it('edge markers say less on a narrow track (a projector at 1280x720: about 9 ems), their names all', () => {
    expect(edgeSize(250 / 12)).toBe('long') // 1280x800
    expect(edgeSize(15)).toBe('medium')
    expect(edgeSize(156 / 18)).toBe('short') // presenter mode, 1280x720
    const lane = articleLane()
    const now = GONE + S
    const view = { start: CREATED, end: IAT + 2 * HOUR }
    const [long] = edgeMarks(lane.tokens[0], view, now, 'long')
    const [medium] = edgeMarks(lane.tokens[0], view, now, 'medium')
    const [short] = edgeMarks(lane.tokens[0], view, now, 'short')
    expect([long.label, medium.label, short.label]).toEqual(['exp in 365 days →', 'exp +365 d →', 'exp →'])
    expect(short.name).toBe(long.name)
  })
})
