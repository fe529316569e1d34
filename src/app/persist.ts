// The saved record's format (version 1: an old localStorage save, a set-aside lab, an exported
// file) and the terminal lines saved with a lab. Saving itself is in persistLab.ts (IndexedDB,
// incremental: saveParts.ts, saver.ts, labStore.ts). Stored data is untrusted: it is checked
// before use (schema.ts), and whatever cannot be read is set aside, never thrown away.

import type { Segment, SegmentKind } from '../state/lines'

/**
 * Every kind of segment, for reading stored lines; `satisfies` keeps it in step with SegmentKind.
 * (Here, its only user, and not in lines.ts: importing anything of lines.ts from the start-up
 * chunk made the bundler put lines.ts in a chunk of its own, 0.3 KiB more in the first screen.)
 */
const SEGMENT_KINDS = { out: true, err: true, prompt: true, input: true, note: true, warn: true } satisfies Record<SegmentKind, true>
const isSegmentKind = (k: unknown): k is SegmentKind => typeof k === 'string' && Object.hasOwn(SEGMENT_KINDS, k)

export const STATE_KEY = 'tokenlab:state:v1'
export const STATE_VERSION = 1
export const BROKEN_PREFIX = 'tokenlab:broken:'
export const PREVIOUS_PREFIX = 'tokenlab:previous:'
export { SAVED_LINES } from './saveParts'
import { SAVED_LINES } from './saveParts'

export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>

/** A segment's kind and text; a third element 1 marks standard error of a command that succeeded (Segment.ok). */
export type StoredSeg = [SegmentKind, string] | [SegmentKind, string, 1]

export interface StoredLab {
  v: typeof STATE_VERSION
  savedAt: string
  /** The seed the lab was created with (undefined: real time, random values). */
  seed?: string
  /** The `now` URL parameter the lab was created with, if any. */
  now?: string | number
  /** lab.snapshot(): checked further by the lab's own restore. */
  snapshot: object
  lines: StoredSeg[][]
}

export interface Notice {
  text: string
  kind: 'note' | 'warn'
}

/** localStorage, or undefined where it is missing or refused (private modes, sandboxed frames). */
export function globalStorage(): StorageLike | undefined {
  try {
    const s = globalThis.localStorage
    return s && typeof s.getItem === 'function' ? s : undefined
  } catch {
    return undefined
  }
}

export function checkLines(v: unknown): StoredSeg[][] {
  if (!Array.isArray(v)) return []
  const out: StoredSeg[][] = []
  for (const line of v.slice(-SAVED_LINES)) {
    if (!Array.isArray(line) || line.length > 1000) return []
    const segs: StoredSeg[] = []
    for (const seg of line) {
      if (!Array.isArray(seg) || (seg.length !== 2 && seg.length !== 3)) return []
      const [kind, text, ok] = seg as unknown[]
      if (!isSegmentKind(kind) || typeof text !== 'string' || (seg.length === 3 && (ok !== 1 || kind !== 'err'))) return []
      segs.push(seg.length === 3 ? [kind, text, 1] : [kind, text])
    }
    out.push(segs)
  }
  return out
}

/** Parse and check a stored record; a reason in plain words if it cannot be used. */
export function parseStored(raw: string): { ok: true; stored: StoredLab } | { ok: false; reason: string } {
  let v: unknown
  try {
    v = JSON.parse(raw)
  } catch {
    return { ok: false, reason: 'it is not valid JSON' }
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return { ok: false, reason: 'it is not an object' }
  const o = v as Record<string, unknown>
  if (o.v !== STATE_VERSION) return { ok: false, reason: `it has version ${JSON.stringify(o.v) ?? 'none'}, this page reads version ${STATE_VERSION}` }
  if (typeof o.snapshot !== 'object' || o.snapshot === null || Array.isArray(o.snapshot)) return { ok: false, reason: 'it holds no lab snapshot' }
  if (o.seed !== undefined && typeof o.seed !== 'string') return { ok: false, reason: 'its seed is not text' }
  if (o.now !== undefined && typeof o.now !== 'string' && typeof o.now !== 'number') return { ok: false, reason: 'its start time is invalid' }
  return {
    ok: true,
    stored: {
      v: STATE_VERSION,
      savedAt: typeof o.savedAt === 'string' ? o.savedAt.slice(0, 40) : 'an unknown time',
      ...(o.seed !== undefined ? { seed: o.seed as string } : {}),
      ...(o.now !== undefined ? { now: o.now as string | number } : {}),
      snapshot: o.snapshot,
      lines: checkLines(o.lines),
    },
  }
}

/** Keys of states set aside in localStorage by older versions of the page, newest first. */
export function savedStateKeys(storage: StorageLike | undefined): string[] {
  if (!storage) return []
  const keys: string[] = []
  for (let i = 0; i < storage.length; i++) {
    const k = storage.key(i)
    if (k && (k.startsWith(BROKEN_PREFIX) || k.startsWith(PREVIOUS_PREFIX))) keys.push(k)
  }
  return keys.sort().reverse()
}

/** Terminal lines as saved: the page's own notices are left out (they are said again on load). */
export function linesToStore(lines: { segs: Segment[] }[]): StoredSeg[][] {
  return lines
    .slice(-2 * SAVED_LINES) // only the end matters: a long screen costs nothing more
    .filter((l) => l.segs.some((s) => s.kind !== 'note' && s.kind !== 'warn'))
    .slice(-SAVED_LINES)
    .map((l) => l.segs.map((s): StoredSeg => (s.ok ? [s.kind, s.text, 1] : [s.kind, s.text])))
}

export const linesFromStore = (lines: StoredSeg[][]): Segment[][] => lines.map((l) => l.map(([kind, text, ok]) => (ok ? { kind, text, ok: true } : { kind, text })))

