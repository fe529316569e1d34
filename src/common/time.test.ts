import { describe, expect, it } from 'vitest'
import { parseTime, rfc3339, rfc3339Millis, rfc3339Seconds } from './time'

describe('RFC 3339 times', () => {
  it('formats with seconds precision as metav1.Time does (fraction dropped, not rounded)', () => {
    expect(rfc3339(Date.UTC(2026, 4, 23, 23, 25, 0, 999))).toBe('2026-05-23T23:25:00Z')
    expect(rfc3339(-1)).toBe('1969-12-31T23:59:59Z')
    expect(rfc3339Seconds(1779578851.9)).toBe('2026-05-23T23:27:31Z')
    expect(rfc3339Millis(Date.UTC(2026, 4, 23, 23, 25, 0, 7))).toBe('2026-05-23T23:25:00.007Z')
  })
  it('parses a time, reading one without a zone as UTC', () => {
    expect(parseTime('2026-05-23T23:25:00Z')).toBe(Date.UTC(2026, 4, 23, 23, 25))
    expect(parseTime('2026-05-23T23:25')).toBe(Date.UTC(2026, 4, 23, 23, 25))
    expect(parseTime('2026-05-24T01:25:00+02:00')).toBe(Date.UTC(2026, 4, 23, 23, 25))
    expect(parseTime('2026-05-23')).toBe(Date.UTC(2026, 4, 23))
    expect(parseTime('yesterday')).toBeNaN()
  })
})
