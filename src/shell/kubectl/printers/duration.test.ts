import { describe, expect, it } from 'vitest'
import { humanDuration, shortHumanDuration, translateTimestampSince } from './duration'

const s = 1000
const m = 60 * s
const h = 60 * m
const d = 24 * h

// kubernetes.md §9.1 (apimachinery pkg/util/duration HumanDuration), every boundary:
//   seconds < -1 → <invalid>; -1 ≤ s < 0 → 0s; s < 120 → Ns; minutes < 10 → NmSs (Nm when s%60==0);
//   minutes < 180 → Nm; hours < 8 → NhMm (Nh when m%60==0); hours < 48 → Nh; hours < 192 → NdHh (Nd when h%24==0);
//   hours < 17520 → Nd; hours < 70080 → NyDd (Ny when days%365==0); else Ny. Years are 365 days.
describe('humanDuration', () => {
  it.each([
    [-2 * s, '<invalid>'],
    [-1.5 * s, '0s'],
    [-1 * s, '0s'],
    [-0.5 * s, '0s'],
    [0, '0s'],
    [999, '0s'],
    [s, '1s'],
    [12 * s, '12s'],
    [70 * s, '70s'],
    [119 * s, '119s'],
    [119.9 * s, '119s'],
    [120 * s, '2m'],
    [121 * s, '2m1s'],
    [190 * s, '3m10s'],
    [7 * m + 2 * s, '7m2s'],
    [9 * m + 59 * s, '9m59s'],
    [10 * m, '10m'],
    [10 * m + 59 * s, '10m'],
    [70 * m, '70m'],
    [179 * m + 59 * s, '179m'],
    [180 * m, '3h'],
    [3 * h + 1 * m, '3h1m'],
    [7 * h + 59 * m, '7h59m'],
    [8 * h, '8h'],
    [8 * h + 30 * m, '8h'],
    [47 * h, '47h'],
    [47 * h + 59 * m, '47h'],
    [48 * h, '2d'],
    [49 * h, '2d1h'],
    [7 * d + 23 * h, '7d23h'],
    [8 * d, '8d'],
    [8 * d + 2 * h, '8d'],
    [367 * d, '367d'],
    [2 * 365 * d - h, '729d'],
    [2 * 365 * d, '2y'],
    [2 * 365 * d + 25 * h, '2y1d'],
    [7 * 365 * d + 364 * d, '7y364d'],
    [8 * 365 * d, '8y'],
    [8 * 365 * d + 2 * h, '8y'],
    [20 * 365 * d, '20y'],
  ])('%d ms → %s', (ms, want) => {
    expect(humanDuration(ms)).toBe(want)
  })
})

// §9.4: Ns <60s, Nm <60m, Nh <24h, Nd <365d, Ny.
describe('shortHumanDuration', () => {
  it.each([
    [-2 * s, '<invalid>'],
    [-1 * s, '0s'],
    [0, '0s'],
    [59 * s, '59s'],
    [60 * s, '1m'],
    [59 * m + 59 * s, '59m'],
    [60 * m, '1h'],
    [23 * h + 59 * m, '23h'],
    [24 * h, '1d'],
    [364 * d, '364d'],
    [365 * d, '1y'],
    [800 * d, '2y'],
  ])('%d ms → %s', (ms, want) => {
    expect(shortHumanDuration(ms)).toBe(want)
  })
})

describe('translateTimestampSince', () => {
  const now = Date.parse('2026-11-29T15:38:59Z')
  it('prints the age of a timestamp', () => {
    expect(translateTimestampSince('2026-11-29T15:31:57Z', now)).toBe('7m2s')
    expect(translateTimestampSince('2026-11-29T15:26:57Z', now)).toBe('12m')
  })
  it('prints <unknown> for a missing timestamp', () => {
    expect(translateTimestampSince(undefined, now)).toBe('<unknown>')
    expect(translateTimestampSince('', now)).toBe('<unknown>')
  })
  it('tolerates a clock one second behind', () => {
    expect(translateTimestampSince('2026-11-29T15:39:00Z', now)).toBe('0s')
    expect(translateTimestampSince('2026-11-29T15:39:01Z', now)).toBe('<invalid>')
  })
})

// apimachinery v0.35.0 pkg/util/duration/duration_test.go, converted to milliseconds (1 ns written as 0.000001 ms)
describe('upstream TestHumanDuration', () => {
  it.each([
    [1000, '1s'],
    [70 * 1000, '70s'],
    [190 * 1000, '3m10s'],
    [70 * 60000, '70m'],
    [47 * 3600000, '47h'],
    [49 * 3600000, '2d1h'],
    [(8*24 + 2) * 3600000, '8d'],
    [(367 * 24) * 3600000, '367d'],
    [(365*2*24 + 25) * 3600000, '2y1d'],
    [(365*8*24 + 2) * 3600000, '8y'],
  ])('%d ms → %s', (ms, want) => {
    expect(humanDuration(ms)).toBe(want)
  })
})
describe('upstream TestHumanDurationBoundaries', () => {
  it.each([
    [-2 * 1000, '<invalid>'],
    [-2*1000 + 0.000001, '0s'],
    [0, '0s'],
    [1000 - 1, '0s'],
    [2*60000 - 1, '119s'],
    [2 * 60000, '2m'],
    [2*60000 + 1000, '2m1s'],
    [10*60000 - 1, '9m59s'],
    [10 * 60000, '10m'],
    [10*60000 + 1000, '10m'],
    [3*3600000 - 1, '179m'],
    [3 * 3600000, '3h'],
    [3*3600000 + 60000, '3h1m'],
    [8*3600000 - 1, '7h59m'],
    [8 * 3600000, '8h'],
    [8*3600000 + 59*60000, '8h'],
    [2*24*3600000 - 1, '47h'],
    [2 * 24 * 3600000, '2d'],
    [2*24*3600000 + 3600000, '2d1h'],
    [8*24*3600000 - 1, '7d23h'],
    [8 * 24 * 3600000, '8d'],
    [8*24*3600000 + 23*3600000, '8d'],
    [2*365*24*3600000 - 1, '729d'],
    [2 * 365 * 24 * 3600000, '2y'],
    [2*365*24*3600000 + 23*3600000, '2y'],
    [2*365*24*3600000 + 23*3600000 + 59*60000, '2y'],
    [2*365*24*3600000 + 24*3600000 - 1, '2y'],
    [2*365*24*3600000 + 24*3600000, '2y1d'],
    [3 * 365 * 24 * 3600000, '3y'],
    [4 * 365 * 24 * 3600000, '4y'],
    [5 * 365 * 24 * 3600000, '5y'],
    [6 * 365 * 24 * 3600000, '6y'],
    [7 * 365 * 24 * 3600000, '7y'],
    [8*365*24*3600000 - 1, '7y364d'],
    [8 * 365 * 24 * 3600000, '8y'],
    [8*365*24*3600000 + 364*24*3600000, '8y'],
    [9 * 365 * 24 * 3600000, '9y'],
  ])('%d ms → %s', (ms, want) => {
    expect(humanDuration(ms)).toBe(want)
  })
})
describe('upstream TestShortHumanDurationBoundaries', () => {
  it.each([
    [-2 * 1000, '<invalid>'],
    [-2*1000 + 0.000001, '0s'],
    [0, '0s'],
    [1000 - 1, '0s'],
    [1000, '1s'],
    [2*1000 - 1, '1s'],
    [60000 - 1, '59s'],
    [60000, '1m'],
    [2*60000 - 1, '1m'],
    [3600000 - 1, '59m'],
    [3600000, '1h'],
    [2*3600000 - 1, '1h'],
    [24*3600000 - 1, '23h'],
    [24 * 3600000, '1d'],
    [2*24*3600000 - 1, '1d'],
    [365*24*3600000 - 1, '364d'],
    [365 * 24 * 3600000, '1y'],
    [2*365*24*3600000 - 1, '1y'],
    [2 * 365 * 24 * 3600000, '2y'],
  ])('%d ms → %s', (ms, want) => {
    expect(shortHumanDuration(ms)).toBe(want)
  })
})
