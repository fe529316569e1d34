import { describe, expect, it } from 'vitest'
import type { Lane, RequestMark, TokenInfo } from './lanes'
import { GAP_PX, groupsInView, laneRows, REFRESH_CAP, requestName } from './marks'
import { DAY, HOUR, MINUTE, SECOND, YEAR } from './scale'

const T0 = Date.UTC(2026, 4, 23, 23, 27, 30)
const req = (t: number, index: number, code: number, reason: string): RequestMark => ({
  t, index, code, answer: code === 401 ? 'unauthorized' : code === 403 ? 'forbidden' : 'allowed', method: 'GET', verb: 'list',
  uri: '/api/v1/namespaces/sa-demo/pods', source: 'curl', reason, stale: false,
})

function lane(refreshes: number[], requests: RequestMark[] = []): Lane {
  const iat = T0 + SECOND
  const tok: TokenInfo = {
    key: 'j1', jti: 'j1aaaaaaaa', namespace: 'sa-demo', serviceAccount: 'default', source: 'kubelet', pod: { name: 'app', uid: 'u1' },
    iat, warnafter: iat + 3607 * SECOND, exp: iat + YEAR, refresh: { t: iat + 2880 * SECOND, exact: true, afterGone: false }, requests,
  }
  return {
    id: 'pod:u1', kind: 'pod', title: 'sa-demo/app', tokens: [tok], refreshes,
    pod: { namespace: 'sa-demo', name: 'app', uid: 'u1', createdAt: T0, events: [{ t: T0, kind: 'created' }, { t: T0, kind: 'scheduled' }, { t: T0 + 4 * SECOND, kind: 'started' }] },
  }
}

const chain = (n: number) => Array.from({ length: n }, (_, i) => T0 + (i + 1) * 2880 * SECOND)

describe('mark aggregation', () => {
  it('groups sorted times closer than the gap and skips what is out of view', () => {
    const xs = [0, 1, 2, 50, 100, 1000]
    const lb = (t: number) => xs.findIndex((x) => x >= t) === -1 ? xs.length : xs.findIndex((x) => x >= t)
    const groups = groupsInView(xs.length, (i) => xs[i], lb, { view: { start: 0, end: 200 }, width: 200, now: 0 })
    expect(groups).toEqual([[0, 3], [3, 4], [4, 5]])
  })

  it('shows each mark with its accessible name when zoomed in', () => {
    const r403 = req(T0 + 5 * SECOND, 7, 403, 'pods is forbidden')
    const r401 = req(T0 + 35 * SECOND, 9, 401, 'service account token has been invalidated')
    const rows = laneRows(lane([], [r403, r401]), { start: T0 - 10 * SECOND, end: T0 + 50 * SECOND }, 600, T0 + 40 * SECOND)
    const tokenRow = rows[1]
    const reqs = tokenRow.marks.filter((m) => m.kind === 'request')
    expect(reqs.map((m) => m.name)).toEqual([
      '403 list /api/v1/namespaces/sa-demo/pods at 23:27:35 on 2026-05-23, pods is forbidden',
      '401 list /api/v1/namespaces/sa-demo/pods at 23:28:05 on 2026-05-23, service account token has been invalidated',
    ])
    expect(reqs.map((m) => m.glyph)).toEqual(['!', '✕'])
    expect(requestName(r401)).toContain('at 23:28:05')
    expect(tokenRow.marks.find((m) => m.kind === 'iat')!.name).toMatch(/^iat of token j1aaaaaa… of pod sa-demo\/app at 23:27:31/)
    // created and scheduled in the same second: one mark that names both
    expect(rows[0].marks.map((m) => m.glyph)).toEqual(['2', 'R'])
    expect(rows[0].marks[0].name).toMatch(/^2 events of pod sa-demo\/app: pod created, scheduled, from 23:27:30/)
    expect(rows[0].marks[1].name).toBe('pod sa-demo/app started at 23:27:34 on 2026-05-23')
  })

  it('merges marks that would overlap into a cluster with a count and a range to zoom into', () => {
    const many = Array.from({ length: 40 }, (_, i) => req(T0 + i * SECOND, i, i % 2 ? 403 : 200, 'x'))
    const rows = laneRows(lane([], many), { start: T0 - HOUR, end: T0 + HOUR }, 400, T0)
    const clusters = rows[1].marks.filter((m) => m.kind === 'cluster')
    expect(clusters).toHaveLength(1)
    expect(clusters[0].glyph).toBe('40')
    expect(clusters[0].range).toEqual([T0, T0 + 39 * SECOND])
    expect(clusters[0].name).toMatch(/^40 requests with .*\(20 × 200, 20 × 403\)/)
    // lifecycle events 4 s apart merge too at this zoom
    expect(rows[0].marks.filter((m) => m.kind === 'cluster')[0].glyph).toBe('3')
  })

  it('caps refresh marks with a count when zoomed out to a year, and marks only what is in view', () => {
    const rs = chain(10_950)
    const year = laneRows(lane(rs), { start: T0 - DAY, end: T0 + YEAR }, 400, T0)
    const band = year[0].marks.filter((m) => m.tone === 'refresh-count')
    expect(band).toHaveLength(1)
    expect(band[0].glyph).toBe('↻10950')
    expect(band[0].name).toMatch(/^10950 kubelet refreshes .* \(0 done, the rest scheduled\), about every 48 min/)
    // 90 minutes around the 100th refresh: one or two single marks
    const around = laneRows(lane(rs), { start: rs[100] - 45 * MINUTE, end: rs[100] + 45 * MINUTE }, 400, T0)
    const single = around[0].marks.filter((m) => m.kind === 'refresh')
    expect(single.length).toBeGreaterThanOrEqual(1)
    expect(single.length).toBeLessThanOrEqual(2)
    expect(single.every((m) => m.name.endsWith('(scheduled)'))).toBe(true)
    // a week: below the cap each refresh or cluster stays apart by at least the gap
    const week = laneRows(lane(rs), { start: T0, end: T0 + 7 * DAY }, 2000, T0)[0].marks.filter((m) => m.level === 1)
    expect(week.length).toBeLessThanOrEqual(REFRESH_CAP + 1)
    for (let i = 1; i < week.length; i++) expect(week[i].x - week[i - 1].x).toBeGreaterThanOrEqual(GAP_PX / 2)
  })

  it('draws the token valid, stale after warnafter, and invalid once its pod is gone', () => {
    const l = lane([])
    const tok = { ...l.tokens[0], invalidAt: T0 + 35 * SECOND }
    const rows = laneRows({ ...l, tokens: [tok] }, { start: T0 - 10 * MINUTE, end: T0 + 2 * HOUR }, 400, T0)
    expect(rows[1].bars.map((b) => b.tone)).toEqual(['tok-valid', 'tok-dead'])
    const live = laneRows(l, { start: T0 - 10 * MINUTE, end: T0 + 2 * HOUR }, 400, T0)
    expect(live[1].bars.map((b) => b.tone)).toEqual(['tok-valid', 'tok-stale'])
    expect(live[1].marks.map((m) => m.kind)).toEqual(['iat', 'refreshPoint', 'warnafter'])
  })
})
