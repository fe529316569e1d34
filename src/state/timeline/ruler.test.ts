import { describe, expect, it } from 'vitest'
import { rulerMarks, rulerNow, rulerScale, rulerSpans, rulerTicks, rulerX, sinceIat, type RulerToken } from './ruler'

// A pod token as the kubelet gets it (reference: kubernetes.md 1.10, 2.5, 4.3): expirationSeconds
// 3607, so warnafter = iat + 3607 s, exp = iat + 31,536,000 s (365 d, extended expiration), and the
// kubelet refreshes at 80% of 3607 s = 2885.6 s (48 min 5.6 s), here 4 s earlier by jitter.
const iat = Date.UTC(2026, 4, 23, 23, 28, 5)
const S = 1000
const pod: RulerToken = { iat, refresh: iat + 2882 * S, warnafter: iat + 3607 * S, exp: iat + 31_536_000 * S }
const W = 1280 - 2 * 16 // the ruler's width in the timeline at 1280 px (the panel is full width there at most)

describe('the token ruler', () => {
  it('places 48 min, 1 h and 1 year apart by at least 60 px at 1280 wide, and 30 px in a 400 px pane', () => {
    for (const [width, gap] of [[W, 60], [400, 30]] as const) {
      const s = rulerScale(pod, iat + 49 * 60 * S, width)
      const [r, w, e] = [pod.refresh!, pod.warnafter!, pod.exp!].map((t) => rulerX(s, t))
      expect(w - r).toBeGreaterThanOrEqual(gap)
      expect(e - w).toBeGreaterThanOrEqual(gap)
      expect(rulerX(s, iat)).toBe(0)
      expect(e).toBeLessThanOrEqual(width)
      expect(r).toBeGreaterThanOrEqual(gap)
    }
  })

  it('is monotonic from iat to past exp, across the break', () => {
    const s = rulerScale(pod, iat + 3 * 3600 * S, W)
    expect(s.broken).toBe(true)
    let prev = -1
    for (let t = iat; t <= pod.exp! + 86_400 * S; t += 997 * 60 * S) {
      const x = rulerX(s, t)
      expect(x).toBeGreaterThanOrEqual(prev)
      prev = x
    }
    // strictly inside, too: a minute and a day are different places
    expect(rulerX(s, iat + 60 * S)).toBeGreaterThan(0)
    expect(rulerX(s, iat + 2 * 86_400 * S)).toBeGreaterThan(rulerX(s, iat + 86_400 * S))
  })

  it('labels the axis with the lab clock’s UTC times and dates: 23:30 on May 23, midnight starts May 24, days after iat past the break', () => {
    const s = rulerScale(pod, iat + 49 * 60 * S, W)
    const ticks = rulerTicks(s)
    const first = ticks[0]
    expect(first.label).toBe('23:30')
    expect(first.date).toBe('2026-05-23')
    const midnight = ticks.find((t) => t.label === '00:00')
    expect(midnight?.date).toBe('2026-05-24')
    expect(midnight?.t).toBe(Date.UTC(2026, 4, 24))
    const days = ticks.filter((t) => t.x > s.breakX).map((t) => t.label)
    expect(days[0]).toBe('May 24, 2026') // iat + 1 d
    expect(days).toContain('May 30, 2026') // iat + 7 d
    expect(days).toContain('Jun 22, 2026') // iat + 30 d
    for (let i = 1; i < ticks.length; i++) expect(ticks[i].x - ticks[i - 1].x).toBeGreaterThanOrEqual(35)
  })

  it('drops the first date when the next date follows too close (both would overlap)', () => {
    const s = rulerScale(pod, iat + 49 * 60 * S, 380)
    const ticks = rulerTicks(s, 60, 90)
    const dated = ticks.filter((t) => t.date !== undefined)
    expect(dated.map((t) => t.date)).toEqual(['2026-05-24'])
    for (let i = 1; i < dated.length; i++) expect(dated[i].x - dated[i - 1].x).toBeGreaterThanOrEqual(90)
  })

  it('names the marks in words with the time since iat, and keeps labels from overlapping', () => {
    const s = rulerScale(pod, iat + 49 * 60 * S, 400)
    const marks = rulerMarks(pod, s, iat + 49 * 60 * S)
    expect(marks.map((m) => m.label)).toEqual(['issued', 'refresh +48 min', 'warnafter +1 h', 'exp +1 year'])
    expect(marks.map((m) => m.future)).toEqual([false, false, true, true])
    expect(marks[3].name).toBe('exp at 23:28:05 on 2027-05-23, 1 year after iat: it stops authenticating')
    const rows = new Map<number, [number, number][]>()
    for (const m of marks) {
      const w = m.label.length * 7.2
      for (const [a, b] of rows.get(m.row) ?? []) expect(m.labelX >= b || m.labelX + w <= a).toBe(true)
      rows.set(m.row, [...(rows.get(m.row) ?? []), [m.labelX, m.labelX + w]])
      expect(m.labelX).toBeGreaterThanOrEqual(0)
      expect(m.labelX + w).toBeLessThanOrEqual(400 + 0.01)
    }
  })

  it('shows a dead token: refresh not reached, invalid from pod gone until exp', () => {
    const gone = iat + 20 * 60 * S
    const tok = { ...pod, invalidAt: gone }
    const s = rulerScale(tok, iat + 30 * 60 * S, W)
    const spans = rulerSpans(tok, s)
    expect(spans.map((p) => p.tone)).toEqual(['valid', 'dead'])
    expect(spans[0].to).toBe(gone)
    const refresh = rulerMarks(tok, s, iat + 30 * 60 * S).find((m) => m.kind === 'refresh')!
    expect(refresh.name).toMatch(/not reached: the pod was gone first$/)
  })

  it('draws a short token (kubectl create token, 1 h) on a linear ruler', () => {
    const tok: RulerToken = { iat, exp: iat + 3600 * S }
    const s = rulerScale(tok, iat + 10 * 60 * S, 600)
    expect(s.broken).toBe(false)
    expect(rulerX(s, iat + 1800 * S)).toBeCloseTo(rulerX(s, tok.exp!) / 2, 5)
    expect(rulerSpans(tok, s).map((p) => p.tone)).toEqual(['valid'])
  })

  it('says where now is', () => {
    const s = rulerScale(pod, iat + 49 * 60 * S, W)
    expect(rulerNow(pod, s, iat + 49 * 60 * S).label).toBe('now +49 min')
    const later = pod.exp! + 86_400 * S
    const s2 = rulerScale(pod, later, W)
    expect(rulerNow(pod, s2, later)).toEqual({ x: W, label: 'now, past exp' })
    expect(sinceIat(3607 * S)).toBe('1 h')
    expect(sinceIat(3 * 86_400 * S)).toBe('3 d')
  })
})
