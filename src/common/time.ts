// RFC 3339 times: the text form of every timestamp the lab prints or stores (metav1.Time,
// token claims shown in UTC, `lab now`), and reading a start time given as ISO-8601.

/** RFC 3339 with seconds precision, as metav1.Time marshals: `2026-05-23T23:25:00Z`. */
export function rfc3339(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z')
}

/** RFC 3339 of a JWT NumericDate (seconds since the epoch; a fraction is dropped). */
export function rfc3339Seconds(seconds: number): string {
  return rfc3339(Math.floor(seconds) * 1000)
}

/** RFC 3339 with milliseconds: `2026-05-23T23:25:00.123Z`. */
export function rfc3339Millis(ms: number): string {
  return new Date(ms).toISOString()
}

/** Milliseconds of an RFC 3339 / ISO-8601 time; a date-time without a zone is read as UTC. NaN if not a time. */
export function parseTime(text: string): number {
  return Date.parse(/T/.test(text) && !/(Z|[+-]\d{2}:\d{2})$/.test(text) ? `${text}Z` : text)
}
