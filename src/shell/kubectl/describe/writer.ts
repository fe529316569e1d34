// Imitates: kubectl pkg/describe/describe.go (PrefixWriter, tabbedString, printLabelsMultiline, printAnnotationsMultiline,
// DescribeEvents) and pkg/util/event/sorted_event_list.go.

import { DESCRIBE_TABWRITER, tabwrite } from '../format'
import { age } from '../tables'

/* eslint-disable @typescript-eslint/no-explicit-any */
export type Obj = Record<string, any>

/** A list field's objects (the server stores some kinds as sent): not a list, no items; an item that is no object, left out. */
export const objects = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter((x) => typeof x === 'object' && x !== null) : [])
/** A list field's words: not a list, none. */
export const words = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : [])

/** The describe output through one tabwriter (minwidth 0, tabwidth 8, padding 2); flush() ends an alignment run. */
export class PrefixWriter {
  private done = ''
  private pending = ''
  /** Writes `text` after 2 spaces per level (LEVEL_0…LEVEL_3). */
  write(level: number, text: string): void {
    this.pending += '  '.repeat(level) + text
  }
  flush(): void {
    this.done += tabwrite(this.pending, DESCRIBE_TABWRITER)
    this.pending = ''
  }
  toString(): string {
    this.flush()
    return this.done
  }
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** time.RFC1123Z in UTC (the lab's user is in UTC): `Sun, 29 Nov 2026 15:31:57 +0000`. */
export function rfc1123z(ts: string | undefined): string {
  if (!ts) return 'Mon, 01 Jan 0001 00:00:00 +0000'
  const d = new Date(Date.parse(ts))
  const p2 = (n: number) => String(n).padStart(2, '0')
  return `${DAYS[d.getUTCDay()]}, ${p2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} +0000`
}

export function printLabelsMultiline(w: PrefixWriter, title: string, labels: Record<string, string> | undefined, indent = ''): void {
  w.write(0, `${indent}${title}:\t`)
  const keys = Object.keys(labels ?? {}).sort()
  if (keys.length === 0) {
    w.write(0, '<none>\n')
    return
  }
  keys.forEach((k, i) => {
    if (i !== 0) w.write(0, `${indent}\t`)
    w.write(0, `${k}=${labels?.[k]}\n`)
  })
}

const MAX_ANNOTATION_LEN = 140

export function printAnnotationsMultiline(w: PrefixWriter, title: string, annotations: Record<string, string> | undefined): void {
  w.write(0, `${title}:\t`)
  const keys = Object.keys(annotations ?? {})
    .filter((k) => k !== 'kubectl.kubernetes.io/last-applied-configuration')
    .sort()
  if (keys.length === 0) {
    w.write(0, '<none>\n')
    return
  }
  keys.forEach((k, i) => {
    if (i !== 0) w.write(0, '\t')
    const value = String(annotations?.[k] ?? '').replace(/\n$/, '')
    if (value.length + k.length + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(0, `${k}:\n`)
      for (const s of value.split('\n')) {
        const short = s.length > MAX_ANNOTATION_LEN - 2 ? `${s.slice(0, MAX_ANNOTATION_LEN - 2)}...` : s
        w.write(0, `\t  ${short}\n`)
      }
    } else {
      w.write(0, `${k}: ${value}\n`)
    }
  })
}

const ts = (t: string | undefined | null) => (t ? Date.parse(t) : Number.NEGATIVE_INFINITY)

/** DescribeEvents, with kubectl 1.35's `<fieldPath>: ` message prefix. */
export function describeEvents(w: PrefixWriter, events: Obj[], now: number): void {
  if (events.length === 0) {
    w.write(0, 'Events:\t<none>\n')
    return
  }
  w.flush()
  const sorted = [...events].sort((a, b) => ts(a.lastTimestamp) - ts(b.lastTimestamp))
  w.write(0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n')
  w.write(1, '----\t------\t----\t----\t-------\n')
  for (const e of sorted) {
    const first = e.eventTime ? age(e.eventTime, now) : age(e.firstTimestamp, now)
    let interval = first
    if (e.series) interval = `${age(e.series.lastObservedTime, now)} (x${e.series.count} over ${first})`
    else if ((e.count ?? 0) > 1) interval = `${age(e.lastTimestamp, now)} (x${e.count} over ${first})`
    const source = e.source?.component || e.reportingComponent || ''
    let message = String(e.message ?? '').trim()
    if (e.involvedObject?.fieldPath) message = `${e.involvedObject.fieldPath}: ${message}`
    w.write(1, `${e.type ?? ''}\t${e.reason ?? ''}\t${interval}\t${source}\t${message}\n`)
  }
}
