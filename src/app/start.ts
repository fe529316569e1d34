// The lab's start time as given to createLab (`now`): ISO-8601 text or milliseconds.

import { parseTime } from '../common/time'

/** Parse the `now` option; throws an Error with a clear message for anything else. */
export function parseStart(now: string | number | undefined): number | undefined {
  if (now === undefined || now === '') return undefined
  if (typeof now === 'number') {
    if (!Number.isFinite(now)) throw new Error(`invalid start time ${now}: not a finite number of milliseconds`)
    return now
  }
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/.test(now)) {
    throw new Error(`invalid start time "${now}": use ISO-8601, for example 2026-05-23T23:25:00Z`)
  }
  const ms = parseTime(now)
  if (Number.isNaN(ms)) throw new Error(`invalid start time "${now}": not a real date`)
  return ms
}
