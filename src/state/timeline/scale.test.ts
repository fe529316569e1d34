import { describe, expect, it } from 'vitest'
import { centredOn, DAY, describeSpan, fit, following, HOUR, MAX_SPAN, MIN_SPAN, MINUTE, pan, span, tickLabel, tickStep, ticks, toTime, toX, when, YEAR, zoom } from './scale'

const T0 = Date.UTC(2026, 4, 23, 23, 27, 30)

describe('timeline scale', () => {
  it('maps times to pixels and back', () => {
    const v = { start: T0, end: T0 + HOUR }
    expect(toX(v, 400, T0)).toBe(0)
    expect(toX(v, 400, T0 + HOUR)).toBe(400)
    expect(toX(v, 400, T0 + 15 * MINUTE)).toBe(100)
    expect(toTime(v, 400, 100)).toBe(T0 + 15 * MINUTE)
  })

  it('zooms about an anchor, which stays at the same pixel', () => {
    const v = { start: T0, end: T0 + HOUR }
    const anchor = T0 + 10 * MINUTE
    const z = zoom(v, 0.5, anchor)
    expect(span(z)).toBe(30 * MINUTE)
    expect(toX(z, 400, anchor)).toBeCloseTo(toX(v, 400, anchor), 6)
    const centre = zoom(v, 2)
    expect(centre.start + span(centre) / 2).toBe(T0 + 30 * MINUTE)
  })

  it('keeps the span between ten seconds and three years', () => {
    const v = { start: T0, end: T0 + 20_000 }
    expect(span(zoom(v, 0.01))).toBe(MIN_SPAN)
    expect(span(zoom({ start: T0, end: T0 + YEAR }, 100))).toBe(MAX_SPAN)
    expect(span(centredOn(T0, 1))).toBe(MIN_SPAN)
  })

  it('pans by a fraction of the span', () => {
    const v = pan({ start: T0, end: T0 + HOUR }, -0.25)
    expect(v).toEqual({ start: T0 - 15 * MINUTE, end: T0 + 45 * MINUTE })
  })

  it('fits a range with a margin and follows now a quarter in', () => {
    const f = fit(T0, T0 + YEAR)
    expect(f.start).toBeLessThan(T0)
    expect(f.end).toBeGreaterThan(T0 + YEAR)
    const fl = following(T0, HOUR)
    expect(toX(fl, 400, T0)).toBeCloseTo(100, 6)
  })

  it('picks readable tick steps from seconds to months', () => {
    expect(tickStep({ start: T0, end: T0 + 60_000 }, 400)).toBe(15_000)
    expect(tickStep({ start: T0, end: T0 + 1.5 * HOUR }, 400)).toBe(30 * MINUTE)
    expect(tickStep({ start: T0, end: T0 + YEAR }, 400)).toBe(91 * DAY)
    const ts = ticks({ start: T0, end: T0 + HOUR }, 400)
    expect(ts.length).toBeGreaterThan(1)
    for (const t of ts) expect(t.t % (15 * MINUTE)).toBe(0)
    expect(tickLabel(Date.UTC(2026, 4, 24, 0, 15), 15 * MINUTE)).toBe('00:15')
    expect(tickLabel(Date.UTC(2026, 4, 24, 0, 15, 5), 5000)).toBe('00:15:05')
    expect(tickLabel(Date.UTC(2026, 4, 24), 7 * DAY)).toBe('May 24')
  })

  it('says times and spans in words', () => {
    expect(when(Date.UTC(2026, 4, 23, 23, 28, 5))).toBe('23:28:05 on 2026-05-23')
    expect(describeSpan(90 * MINUTE)).toBe('90 min')
    expect(describeSpan(YEAR)).toBe('1.0 y')
  })
})
