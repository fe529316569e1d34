// The common forms of GNU date's -d STRING (gnulib parse-datetime.y), in UTC: `@SECONDS`, `now`,
// `today`, `yesterday`, `tomorrow`, calendar dates (2026-05-23, 05/23/2026, 23 May 2026, May 23),
// times (10:00, 10:00:05.5, 10am) with an optional zone (Z, UTC, +02, +0200, +02:00), ISO 8601
// `T` forms, and relative items (`+2 days`, `3 hours ago`, `next week`, `last month`, `hour`).
// As in gnulib, a signed number right after a time of day is a zone: `10:00 +2 hours` is 10:00
// at UTC+2 plus one hour.

import type { Instant } from './strftime'

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
const WDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat']
const UNITS: Record<string, [field: 'year' | 'month' | 'sec', n: number]> = {
  year: ['year', 1], month: ['month', 1], fortnight: ['sec', 14 * 86400], week: ['sec', 7 * 86400],
  day: ['sec', 86400], hour: ['sec', 3600], minute: ['sec', 60], min: ['sec', 60], second: ['sec', 1], sec: ['sec', 1],
}
const ORDINALS: Record<string, number> = {
  last: -1, this: 0, next: 1, first: 1, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8,
  ninth: 9, tenth: 10, eleventh: 11, twelfth: 12,
}

function unitOf(word: string): [field: 'year' | 'month' | 'sec', n: number] | undefined {
  const w = word.toLowerCase()
  const unit = (u: string) => (Object.hasOwn(UNITS, u) ? UNITS[u] : undefined)
  return unit(w) ?? (w.endsWith('s') ? unit(w.slice(0, -1)) : undefined)
}

function monthOf(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '')
  const i = MONTHS.indexOf(w.slice(0, 3))
  if (i < 0) return undefined
  const full = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'][i]
  return w.length === 3 || w === full || (w === 'sept' && i === 8) ? i : undefined
}

/** Parse STRING relative to `now`; undefined when GNU date would say `invalid date`. */
export function parseDate(input: string, now: Instant): Instant | undefined {
  const s = input.trim()
  const at = /^@\s*([-+]?[0-9]+)(?:[.,]([0-9]+))?$/.exec(s)
  if (at) {
    const frac = at[2] ? Number((at[2] + '000000000').slice(0, 9)) : 0
    const sec = Number(at[1])
    return sec < 0 && frac > 0 ? { sec: sec - 1, nsec: 1e9 - frac } : { sec, nsec: frac }
  }
  const base = new Date(now.sec * 1000)
  let year = base.getUTCFullYear()
  let month = base.getUTCMonth()
  let day = base.getUTCDate()
  let hms: [number, number, number] | undefined
  let nsec = 0
  let zone = 0
  let haveDate = false
  let haveTime = false
  let haveZone = false
  let haveYear = false
  const rel = { year: 0, month: 0, sec: 0 }
  let weekday: number | undefined
  let weekdayOrd = 0
  // Split into tokens: words, numbers with their punctuation, signs.
  const tokens = s.toLowerCase().replace(/([0-9])t([0-9])/, '$1 $2').match(/[+-]?[0-9][0-9:./-]*(?:[ap]\.?m\.?\b)?|[a-z.]+|[+-]|\S/g) ?? []
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]
    const next = tokens[i + 1]
    let m: RegExpExecArray | null
    if ((m = /^([0-9]{1,4})-([0-9]{1,2})-([0-9]{1,2})$/.exec(tok)) && !haveDate) {
      ;[year, month, day] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])]
      haveDate = haveYear = true
    } else if ((m = /^([0-9]{4,})\/([0-9]{1,2})\/([0-9]{1,2})$/.exec(tok)) && !haveDate) {
      // YYYY/MM/DD: a first number of four digits or more is the year
      ;[year, month, day] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])]
      haveDate = haveYear = true
    } else if ((m = /^([0-9]{1,2})\/([0-9]{1,2})(?:\/([0-9]+))?$/.exec(tok)) && !haveDate) {
      ;[month, day] = [Number(m[1]) - 1, Number(m[2])]
      if (m[3]) year = twoDigitYear(m[3])
      haveYear = !!m[3]
      haveDate = true
    } else if ((m = /^([0-9]{4,})([0-9]{2})([0-9]{2})$/.exec(tok)) && !haveDate && !haveTime && tok.length >= 8) {
      // a number of more than four digits with no date yet: YYYYMMDD
      ;[year, month, day] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])]
      haveDate = haveYear = true
    } else if ((m = /^([0-9]{1,2})(?::([0-9]{2}))?(?::([0-9]{2})(?:[.,]([0-9]+))?)?([ap])\.?m\.?$/.exec(tok)) && !haveTime) {
      let h = Number(m[1])
      if (h === 0 || h > 12) return undefined
      h = (h % 12) + (m[5] === 'p' ? 12 : 0)
      hms = [h, Number(m[2] ?? 0), Number(m[3] ?? 0)]
      haveTime = true
    } else if ((m = /^([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:[.,]([0-9]+))?)?$/.exec(tok)) && !haveTime) {
      hms = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)]
      if (m[4]) nsec = Number((m[4] + '000000000').slice(0, 9))
      haveTime = true
      if (next && /^[+-][0-9:]+$/.test(next) && !haveZone) {
        const z = parseZone(next)
        if (z === undefined) return undefined
        zone = z
        haveZone = true
        i++
      }
    } else if ((tok === 'z' || tok === 'utc' || tok === 'gmt' || tok === 'ut') && !haveZone) {
      haveZone = true
      if (next && /^[+-][0-9:]+$/.test(next) && !(tokens[i + 2] && unitOf(tokens[i + 2]))) {
        const z = parseZone(next)
        if (z === undefined) return undefined
        zone = z
        i++
      }
    } else if (/^[+-]?[0-9]+$/.test(tok) && next && unitOf(next)) {
      const [field, n] = unitOf(next)!
      let k = Number(tok) * n
      i++
      if (tokens[i + 1] === 'ago') {
        k = -k
        i++
      }
      rel[field] += k
    } else if ((tok === '+' || tok === '-') && next && /^[0-9]+$/.test(next) && tokens[i + 2] && unitOf(tokens[i + 2])) {
      tokens[i + 1] = tok + next
    } else if (unitOf(tok)) {
      const [field, n] = unitOf(tok)!
      let k = n
      if (next === 'ago') {
        k = -k
        i++
      }
      rel[field] += k
    } else if (Object.hasOwn(ORDINALS, tok) && next && (unitOf(next) || WDAYS.includes(next.slice(0, 3)))) {
      const ord = ORDINALS[tok]
      if (unitOf(next)) {
        const [field, n] = unitOf(next)!
        rel[field] += ord * n
      } else {
        weekday = WDAYS.indexOf(next.slice(0, 3))
        weekdayOrd = ord
      }
      i++
    } else if (tok === 'now' || tok === 'today' || tok === 'this') {
      // nothing to do
    } else if (tok === 'yesterday' || tok === 'tomorrow') {
      rel.sec += tok === 'yesterday' ? -86400 : 86400
    } else if (tok === 'ago') {
      rel.year = -rel.year
      rel.month = -rel.month
      rel.sec = -rel.sec
    } else if (monthOf(tok) !== undefined && !haveDate) {
      month = monthOf(tok)!
      haveDate = true
      if (next && /^[0-9]{1,2}$/.test(next)) {
        day = Number(next)
        i++
        if (tokens[i + 1] === ',') i++
        if (tokens[i + 1] && /^[0-9]{3,4}$/.test(tokens[i + 1])) {
          year = Number(tokens[++i])
          haveYear = true
        }
      }
    } else if (/^[0-9]{1,2}$/.test(tok) && next && monthOf(next) !== undefined && !haveDate) {
      day = Number(tok)
      month = monthOf(next)!
      haveDate = true
      i++
      if (tokens[i + 1] && /^[0-9]{3,4}$/.test(tokens[i + 1])) {
        year = Number(tokens[++i])
        haveYear = true
      }
    } else if (WDAYS.includes(tok.replace(/,$/, '').slice(0, 3)) && /^[a-z]+,?$/.test(tok)) {
      weekday = WDAYS.indexOf(tok.slice(0, 3))
    } else if (tok === ',') {
      // allowed between items
    } else if (/^[0-9]+$/.test(tok) && haveDate && !haveYear && rel.year === 0 && rel.month === 0 && rel.sec === 0 && (haveTime || tok.length > 2)) {
      // parse-datetime.y's number rule: after a date with no year, a number is the year if a time was
      // seen or it has more than two digits (`Nov 14 22:13:20 2024 GMT`, date's own `... UTC 2023`)
      year = tok.length <= 2 ? twoDigitYear(tok) : Number(tok)
      haveYear = true
    } else return undefined
  }
  if (month > 11 || day < 1 || day > 31) return undefined
  // mktime's round trip: a day the month does not have (2024-02-30) is no date
  if (haveDate && day > new Date(Date.UTC(year, month + 1, 0)).getUTCDate()) return undefined
  if (hms && (hms[0] > 24 || hms[1] > 59 || hms[2] > 60)) return undefined
  // A calendar date or a weekday without a time means midnight.
  if (!hms && (haveDate || weekday !== undefined)) hms = [0, 0, 0]
  if (!hms) {
    hms = [base.getUTCHours(), base.getUTCMinutes(), base.getUTCSeconds()]
    if (!haveDate) nsec = now.nsec
  }
  if (!haveDate && !haveTime && weekday === undefined) nsec = now.nsec
  const ms = Date.UTC(year + rel.year, month + rel.month, day, hms[0], hms[1], hms[2])
  let sec = Math.floor(ms / 1000) - zone
  // a day of the week moves the date only when no calendar date was given (`Mon, 14 Nov 2023` is the 14th)
  if (weekday !== undefined && !haveDate) {
    const wd = new Date(sec * 1000).getUTCDay()
    let delta = (weekday - wd + 7) % 7
    if (weekdayOrd > 0) delta += (weekdayOrd - (delta === 0 ? 0 : 1)) * 7
    else if (weekdayOrd < 0) delta -= 7 * (delta === 0 ? 1 : 1)
    sec += delta * 86400
  }
  sec += rel.sec
  return { sec, nsec }
}

/** A two-digit year: 69-99 are 19xx, 00-68 are 20xx. */
const twoDigitYear = (t: string) => (t.length <= 2 ? (Number(t) < 69 ? 2000 : 1900) + Number(t) : Number(t))

function parseZone(tok: string): number | undefined {
  const m = /^([+-])([0-9]{1,2})(?::?([0-9]{2}))?$/.exec(tok) ?? /^([+-])([0-9]{2})([0-9]{2})$/.exec(tok)
  if (!m) return undefined
  const v = Number(m[2]) * 3600 + Number(m[3] ?? 0) * 60
  return m[1] === '-' ? -v : v
}
