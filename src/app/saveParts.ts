// How a lab is laid out in IndexedDB so that a save writes only what changed: the snapshot is
// cut into parts (each resource's objects in BUCKETS parts, each file, each kubelet, the clock,
// ...), each with a cheap fingerprint; the growing lists (facts, audit, history) are logs kept in
// chunks of CHUNK entries, so that a command appends to the last chunk instead of rewriting the
// list. Logs are compacted to their latest entries (FACTS_KEEP, AUDIT_KEEP, HISTORY_KEEP) by
// dropping whole chunks; the terminal's last SAVED_LINES lines are one part. No DOM, no window:
// this runs in a worker too.

import { AUDIT_KEEP, FACTS_KEEP } from '../cluster/compact'
import { isViewedRecord } from '../cluster/store/store'
import { HISTORY_KEEP } from '../shell/compact'
import type { Batch } from './idb'
import type { LabSnapshot } from './lab'

export const CHUNK = 200
export const SAVED_LINES = 500
export const META = 'meta'
export const ATTEMPT = 'attempt'
export const PARTS_VERSION = 2

export const LOG_LIMITS = { facts: FACTS_KEEP, audit: AUDIT_KEEP, history: HISTORY_KEEP } as const
/** Entries before the last saved one that must match too, where a log slides (the audit record at its live bound). */
const CONTEXT = 32
export type LogName = keyof typeof LOG_LIMITS

/** What one save stores: the lab's snapshot, the terminal's lines and how the lab was started. */
export interface SaveInput {
  snapshot: LabSnapshot
  lines: unknown[]
  seed?: string
  now?: string | number
}

export interface Meta {
  v: typeof PARTS_VERSION
  savedAt: string
  /** How many changes this page has saved (compared with the attempt marker on load). */
  seq: number
  seed?: string
  now?: string | number
  logs: Partial<Record<LogName, { k0: number; count: number }>>
}

/** Written before each save: what the save is about, so a reload can say what was not saved. */
export interface Attempt {
  seq: number
  at: string
  /** The commands run since the last save that succeeded (latest last, at most 20). */
  commands: string[]
}

interface LogMark {
  k0: number
  count: number
  /** The live list's length and its last entry (JSON) when last saved. */
  len: number
  last: string
  /** Entries of the last, partly filled chunk. */
  tail: unknown[]
  /** The list's last CONTEXT entries when last saved. */
  recent: unknown[]
}

const chunkKey = (name: string, k: number) => `${name}#${String(k).padStart(9, '0')}`
const allChunks = (name: string): [string, string] => [`${name}#`, `${name}#\uffff`]
const json = (x: unknown) => JSON.stringify(x) ?? 'undefined'

/** The prints of frozen parts (a kubelet's state, shared until it changes: kubelet.ts), made once per object. */
const frozenPrints = new WeakMap<object, string>()
/** json(x), once per frozen object: a frozen value never changes, so neither does its print. */
function printOnce(x: unknown): string {
  if (!x || typeof x !== 'object' || !Object.isFrozen(x)) return json(x)
  let p = frozenPrints.get(x)
  if (p === undefined) frozenPrints.set(x, (p = json(x)))
  return p
}

function without<T extends object>(o: T, keys: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(o)) if (!keys.includes(k)) out[k] = v
  return out
}

type KObjectLike = { metadata?: { resourceVersion?: string } }

/** How many parts each resource's objects are spread over. */
export const BUCKETS = 16

function bucketOf(key: string): number {
  let h = 0
  for (let i = 0; i < key.length; i++) h = (Math.imul(h, 31) + key.charCodeAt(i)) | 0
  return (h >>> 0) % BUCKETS
}

/**
 * A resource's objects in their parts, with their prints: made once per record of objects that a
 * store's view handed out. The store never changes such a record (it writes to a copy: store.ts),
 * so a resource unchanged since the last save costs nothing.
 */
const partsByRecord = new WeakMap<object, { i: number; part: Record<string, KObjectLike>; print: string }[]>()

function partsOf(objects: Record<string, KObjectLike>): { i: number; part: Record<string, KObjectLike>; print: string }[] {
  const known = partsByRecord.get(objects)
  if (known) return known
  const parts: Record<string, KObjectLike>[] = []
  for (const [key, o] of Object.entries(objects)) (parts[bucketOf(key)] ??= {})[key] = o
  const out: { i: number; part: Record<string, KObjectLike>; print: string }[] = []
  parts.forEach((part, i) => part && out.push({ i, part, print: bucketPrint(part) }))
  if (isViewedRecord(objects)) partsByRecord.set(objects, out)
  return out
}

function bucketPrint(bucket: Record<string, KObjectLike>): string {
  let n = 0
  let max = 0
  for (const o of Object.values(bucket)) {
    n++
    const rv = Number(o.metadata?.resourceVersion)
    if (rv > max) max = rv
  }
  return `${n}:${max}`
}

/** Every part but the logs, each with a fingerprint that changes whenever the part does. */
function singleParts(input: SaveInput): Map<string, { value: unknown; print: string }> {
  const s = input.snapshot
  const c = s.cluster
  const out = new Map<string, { value: unknown; print: string }>()
  const add = (key: string, value: unknown, print: string = json(value)) => out.set(key, { value, print })
  add('top', without(s, ['cluster', 'shell', 'seenTokens']))
  add('cluster', without(c, ['store', 'clock', 'facts', 'audit', 'kubelets']))
  add('clock', c.clock)
  add('store', { resourceVersion: c.store.resourceVersion, resources: Object.keys(c.store.objects) })
  // Each resource in BUCKETS parts by a hash of the object's key: a change rewrites one part.
  for (const [res, objects] of Object.entries(c.store.objects)) {
    for (const { i, part, print } of partsOf(objects)) add(`obj:${res}#${i}`, part, print)
  }
  for (const [node, k] of Object.entries(c.kubelets)) add(`kubelet:${node}`, k, printOnce(k))
  add('shell', without(s.shell, ['history', 'files']))
  // The screen slides (its last SAVED_LINES lines): small, and written whole when it changed.
  add('lines', input.lines.slice(-SAVED_LINES))
  // A file's text is its own fingerprint: unchanged text is the same string, compared in O(1).
  for (const [path, text] of Object.entries(s.shell.files)) add(`file:${path}`, text, text)
  if (s.seenTokens) {
    const keys = Object.keys(s.seenTokens)
    add('seen', s.seenTokens, `${keys.length}:${keys[keys.length - 1] ?? ''}`)
  }
  return out
}

function logLists(input: SaveInput): [LogName, unknown[]][] {
  const c = input.snapshot.cluster
  const lists: [LogName, unknown[]][] = [['facts', c.facts], ['history', input.snapshot.shell.history]]
  if (c.audit) lists.push(['audit', c.audit])
  return lists
}

/** Plans the writes of each save from what the previous saves wrote; forget() after a failure. */
export class PartWriter {
  private prints = new Map<string, string>()
  private marks = new Map<LogName, LogMark>()
  private fresh = true

  /** After a failed or unknown write: the next save rewrites everything. */
  forget(): void {
    this.prints.clear()
    this.marks.clear()
    this.fresh = true
  }

  /** The batch for this save, and `commit` to call once it is written. */
  plan(input: SaveInput, meta: Omit<Meta, 'logs' | 'v'>): { batch: Batch; commit: () => void; bytesHint: number } {
    const full = this.fresh
    const batch: Required<Batch> = { put: [], del: [], delRange: [], clear: full }
    const prints = new Map<string, string>()
    let bytesHint = 0
    for (const [key, { value, print }] of singleParts(input)) {
      prints.set(key, print)
      if (!full && this.prints.get(key) === print) continue
      batch.put.push([key, value])
      bytesHint += print.length
    }
    if (!full) for (const key of this.prints.keys()) if (!prints.has(key)) batch.del.push(key)
    const marks = new Map<LogName, LogMark>()
    for (const [name, list] of logLists(input)) marks.set(name, this.planLog(name, list, full ? undefined : this.marks.get(name), batch))
    if (!full) for (const name of this.marks.keys()) if (!marks.has(name)) batch.delRange.push(allChunks(name))
    const logs: Meta['logs'] = {}
    for (const [name, m] of marks) logs[name] = { k0: m.k0, count: m.count }
    const metaValue: Meta = { v: PARTS_VERSION, ...meta, logs }
    batch.put.push([META, metaValue])
    return {
      batch,
      bytesHint,
      commit: () => {
        this.prints = prints
        this.marks = marks
        this.fresh = false
      },
    }
  }

  private planLog(name: LogName, list: unknown[], m: LogMark | undefined, batch: Required<Batch>): LogMark {
    const limit = LOG_LIMITS[name]
    let start: number | undefined
    if (m) {
      if (m.len === 0) start = 0
      else if (list.length >= m.len && json(list[m.len - 1]) === m.last && fitsAt(list, m.len - 1, m)) start = m.len
      else start = slidTo(list, m, LOG_LIMITS[name])
    }
    const added = start === undefined ? [] : list.slice(start)
    if (!m || start === undefined || added.length > limit) {
      // Rewrite the whole log from chunk 0.
      if (m) batch.delRange.push(allChunks(name))
      return this.appendChunks(name, { k0: 0, count: 0, len: 0, last: '', tail: [], recent: [] }, list.slice(-limit), list, batch)
    }
    return this.appendChunks(name, m, added, list, batch)
  }

  private appendChunks(name: string, m: LogMark, added: unknown[], list: unknown[], batch: Required<Batch>): LogMark {
    const len = list.length
    const last = len ? json(list[len - 1]) : ''
    const recent = list.slice(-CONTEXT)
    if (added.length === 0) return { ...m, len, last, recent }
    const limit = LOG_LIMITS[name as LogName]
    const first = m.count - m.tail.length // absolute index of the tail's first entry (a chunk boundary)
    const entries = [...m.tail, ...added]
    const count = m.count + added.length
    const tail = entries.slice(entries.length - (count % CHUNK))
    let k0 = m.k0
    const minK = Math.floor(Math.max(0, count - limit) / CHUNK)
    if (minK > k0) {
      batch.delRange.push([chunkKey(name, k0), chunkKey(name, minK - 1)])
      k0 = minK
    }
    let k = first / CHUNK
    for (let i = 0; i < entries.length; i += CHUNK, k++) if (k >= k0) batch.put.push([chunkKey(name, k), entries.slice(i, i + CHUNK)])
    return { k0, count, len, last, tail, recent }
  }
}

/**
 * Where the new entries of a sliding list start: after the one place where the saved entries'
 * end (the last one and CONTEXT before it) appears. Undefined when nowhere or in two places (a
 * repeating pattern): the caller then rewrites the log whole rather than guess.
 */
/** Whether the entries before list[i] are those that stood before the last saved entry. */
function fitsAt(list: unknown[], i: number, m: LogMark): boolean {
  const r = m.recent
  for (let j = 1; j < r.length && i - j >= 0; j++) if (list[i - j] !== r[r.length - 1 - j] && json(list[i - j]) !== json(r[r.length - 1 - j])) return false
  return true
}

function slidTo(list: unknown[], m: LogMark, limit: number): number | undefined {
  const fits = (i: number) => fitsAt(list, i, m)
  let found: number | undefined
  for (let i = list.length - 1; i >= Math.max(0, list.length - limit); i--) {
    if (found !== undefined && i < found - 2 * CONTEXT) break
    if (json(list[i]) !== m.last || !fits(i)) continue
    if (found !== undefined) return undefined
    found = i
  }
  return found === undefined ? undefined : found + 1
}

/** Put the parts read back together (untrusted: the result still has to pass the schema). */
export function assemble(parts: Map<string, unknown>, meta: Meta): { snapshot: unknown; lines: unknown[] } {
  const obj = (key: string) => {
    const v = parts.get(key)
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {}
  }
  const log = (name: LogName): unknown[] | undefined => {
    const mark = meta.logs[name]
    if (!mark) return undefined
    const out: unknown[] = []
    const lastK = Math.floor((mark.count - 1) / CHUNK)
    for (let k = mark.k0; k <= lastK && k - mark.k0 < 100_000; k++) {
      const chunk = parts.get(chunkKey(name, k))
      if (!Array.isArray(chunk)) throw new Error(`part ${k} of the ${name} is missing`)
      out.push(...chunk)
    }
    return out.slice(-LOG_LIMITS[name])
  }
  const objects: Record<string, unknown> = {}
  const kubelets: Record<string, unknown> = {}
  const files: Record<string, unknown> = {}
  const store = obj('store')
  if (Array.isArray(store.resources)) for (const res of store.resources) if (typeof res === 'string') objects[res] = {}
  for (const [key, value] of parts) {
    if (key.startsWith('obj:')) {
      const res = key.includes('#') ? key.slice(4, key.lastIndexOf('#')) : key.slice(4)
      if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`the saved ${res} cannot be read`)
      objects[res] = Object.assign((objects[res] ?? {}) as object, value)
    }
    else if (key.startsWith('kubelet:')) kubelets[key.slice(8)] = value
    else if (key.startsWith('file:')) files[key.slice(5)] = value
  }
  const audit = log('audit')
  const snapshot = {
    ...obj('top'),
    cluster: {
      ...obj('cluster'),
      store: { resourceVersion: store.resourceVersion, objects },
      clock: parts.get('clock'),
      facts: log('facts') ?? [],
      ...(audit ? { audit } : {}),
      kubelets,
    },
    shell: { ...obj('shell'), history: log('history') ?? [], files },
    ...(parts.has('seen') ? { seenTokens: parts.get('seen') } : {}),
  }
  const lines = parts.get('lines')
  return { snapshot, lines: Array.isArray(lines) ? lines : [] }
}
