// strftime as GNU date (coreutils 9.1, gnulib nstrftime) formats in the C locale and in UTC, the
// workstation's only time zone: the % directives with the `-`, `_`, `0`, `^`, `#` flags and a width.

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

/** A moment: whole seconds since the epoch and nanoseconds within the second. */
export interface Instant {
  sec: number
  nsec: number
}

function dayOfYear(d: Date): number {
  return Math.floor((d.getTime() - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86400000)
}

/** ISO 8601 week-based year and week number. */
function isoWeek(d: Date): { year: number; week: number } {
  const wday = (d.getUTCDay() + 6) % 7 // Monday = 0
  const thursday = new Date(d.getTime() + (3 - wday) * 86400000)
  const year = thursday.getUTCFullYear()
  const week = Math.floor(dayOfYear(thursday) / 7) + 1
  return { year, week }
}

type Pad = '0' | ' ' | ''

function num(n: number, width: number, pad: Pad): string {
  const neg = n < 0
  let s = String(Math.abs(n))
  if (pad !== '') s = s.padStart(width - (neg ? 1 : 0), pad)
  return (neg ? '-' : '') + s
}

/** Expand one directive; returns [text, isNumeric, defaultWidth, defaultPad]. */
function directive(c: string, d: Date, t: Instant, colons: number): [string, boolean, number, Pad] | undefined {
  const h = d.getUTCHours()
  switch (c) {
    case 'Y': return [String(d.getUTCFullYear()), true, 1, '0']
    case 'C': return [String(Math.floor(d.getUTCFullYear() / 100)), true, 2, '0']
    case 'y': return [String(d.getUTCFullYear() % 100), true, 2, '0']
    case 'm': return [String(d.getUTCMonth() + 1), true, 2, '0']
    case 'd': return [String(d.getUTCDate()), true, 2, '0']
    case 'e': return [String(d.getUTCDate()), true, 2, ' ']
    case 'H': return [String(h), true, 2, '0']
    case 'k': return [String(h), true, 2, ' ']
    case 'I': return [String(h % 12 || 12), true, 2, '0']
    case 'l': return [String(h % 12 || 12), true, 2, ' ']
    case 'M': return [String(d.getUTCMinutes()), true, 2, '0']
    case 'S': return [String(d.getUTCSeconds()), true, 2, '0']
    case 'j': return [String(dayOfYear(d) + 1), true, 3, '0']
    case 'u': return [String(d.getUTCDay() || 7), true, 1, '0']
    case 'w': return [String(d.getUTCDay()), true, 1, '0']
    case 'U': return [String(Math.floor((dayOfYear(d) + 7 - d.getUTCDay()) / 7)), true, 2, '0']
    case 'W': return [String(Math.floor((dayOfYear(d) + 7 - ((d.getUTCDay() + 6) % 7)) / 7)), true, 2, '0']
    case 'V': return [String(isoWeek(d).week), true, 2, '0']
    case 'G': return [String(isoWeek(d).year), true, 1, '0']
    case 'g': return [String(isoWeek(d).year % 100), true, 2, '0']
    case 's': return [String(t.sec), true, 1, '0']
    case 'N': return [String(t.nsec).padStart(9, '0'), false, 9, '0']
    case 'a': return [DAYS[d.getUTCDay()].slice(0, 3), false, 0, '']
    case 'A': return [DAYS[d.getUTCDay()], false, 0, '']
    case 'b':
    case 'h': return [MONTHS[d.getUTCMonth()].slice(0, 3), false, 0, '']
    case 'B': return [MONTHS[d.getUTCMonth()], false, 0, '']
    case 'p': return [h < 12 ? 'AM' : 'PM', false, 0, '']
    case 'P': return [h < 12 ? 'am' : 'pm', false, 0, '']
    case 'Z': return ['UTC', false, 0, '']
    case 'z': return [['+0000', '+00:00', '+00:00:00', '+00'][colons] ?? '+0000', false, 0, '']
    case 'n': return ['\n', false, 0, '']
    case 't': return ['\t', false, 0, '']
    case '%': return ['%', false, 0, '']
    case 'F': return [`${formatTime('%Y', t)}-${formatTime('%m-%d', t)}`, false, 0, '']
    case 'T': return [formatTime('%H:%M:%S', t), false, 0, '']
    case 'R': return [formatTime('%H:%M', t), false, 0, '']
    case 'D':
    case 'x': return [formatTime('%m/%d/%y', t), false, 0, '']
    case 'X': return [formatTime('%H:%M:%S', t), false, 0, '']
    case 'r': return [formatTime('%I:%M:%S %p', t), false, 0, '']
    case 'c': return [formatTime('%a %b %e %H:%M:%S %Y', t), false, 0, '']
    default: return undefined
  }
}

/** Format an instant as GNU date's +FORMAT does (UTC, C locale). */
export function formatTime(fmt: string, t: Instant): string {
  const d = new Date(t.sec * 1000)
  let out = ''
  for (let i = 0; i < fmt.length; i++) {
    if (fmt[i] !== '%') {
      out += fmt[i]
      continue
    }
    const start = i
    let j = i + 1
    let pad: Pad | undefined
    let upper = false
    let swap = false
    while (j < fmt.length && '-_0^#'.includes(fmt[j])) {
      const f = fmt[j++]
      if (f === '-') pad = ''
      else if (f === '_') pad = ' '
      else if (f === '0') pad = '0'
      else if (f === '^') upper = true
      else swap = true
    }
    let wtext = ''
    while (j < fmt.length && /[0-9]/.test(fmt[j])) wtext += fmt[j++]
    let colons = 0
    while (fmt[j] === ':') {
      colons++
      j++
    }
    const c = fmt[j]
    const r = c === undefined || (colons > 0 && c !== 'z') ? undefined : directive(c, d, t, colons)
    if (!r) {
      out += fmt.slice(start, j + 1)
      i = j
      continue
    }
    i = j
    let [text, numeric, width, defPad] = r
    if (c === 'N' && wtext !== '') {
      out += text.slice(0, Number(wtext)).padEnd(Number(wtext), '0')
      continue
    }
    if (upper) text = text.toUpperCase()
    else if (swap) text = c === 'Z' ? text.toLowerCase() : text.toUpperCase()
    if (wtext !== '') width = Number(wtext)
    if (numeric) {
      text = num(Number(text), width, pad ?? defPad)
    } else if (wtext !== '') {
      text = text.padStart(width, pad === undefined ? ' ' : pad === '' ? '' : pad)
    }
    out += text
  }
  return out
}
