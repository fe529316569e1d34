import { describe, expect, it } from 'vitest'
import { localText, offsetFromIat, relativeTo, spanExact, spanWords, utcText } from './format'

const MIN = 60_000
const DAY = 86_400_000

describe('relative time against the lab clock', () => {
  it('says "in" for the future and "ago" for the past, at most two units', () => {
    expect(relativeTo(47 * MIN, 0)).toBe('in 47 min')
    expect(relativeTo(0, 3 * DAY)).toBe('3 days ago')
    expect(relativeTo(DAY, 0)).toBe('in 1 day')
    expect(relativeTo(3607_000, 0)).toBe('in 1 h 0 min')
    expect(relativeTo(365 * DAY - 3600_000, 0)).toBe('in 364 days 23 h')
    expect(relativeTo(0, 57_000)).toBe('57 s ago')
    expect(relativeTo(47 * MIN + 12_000, 0)).toBe('in 47 min 12 s')
  })
  it('is "now" within a second', () => {
    expect(relativeTo(1000, 1500)).toBe('now')
  })
  it('spans', () => {
    expect(spanWords(-90_000)).toBe('1 min 30 s')
    expect(spanExact(3607)).toBe('1 h 0 min 7 s')
    expect(spanExact(365 * 86400)).toBe('365 days')
    expect(spanExact(0)).toBe('0 s')
    expect(spanExact(86400 + 5)).toBe('1 day 0 h 0 min 5 s')
  })
})

describe('absolute times', () => {
  it('UTC and local time with the zone named', () => {
    expect(utcText(1779578851_000)).toBe('2026-05-23 23:27:31 UTC')
    expect(localText(1779578851_000, 'en-GB', 'Europe/Berlin')).toBe('24 May 2026, 01:27:31 (Europe/Berlin)')
  })
  it('offsets from iat', () => {
    expect(offsetFromIat(1000 + 3607, 1000)).toBe('iat + 3607 s (1 h 0 min 7 s)')
    expect(offsetFromIat(1000, 1000)).toBe('the same moment as iat')
    expect(offsetFromIat(980, 1000)).toBe('iat − 20 s (20 s)')
  })
})
