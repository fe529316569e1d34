// Nothing lost on reload: after each command the lab's snapshot (and the terminal's last lines)
// is saved in localStorage; on load it is restored. Stored data is untrusted: it is checked
// before use, and whatever cannot be read is set aside under its own key, never thrown away.

import { SEGMENT_KINDS, type Segment, type SegmentKind } from '../state/lines'

export const STATE_KEY = 'tokenlab:state:v1'
export const STATE_VERSION = 1
export const BROKEN_PREFIX = 'tokenlab:broken:'
export const PREVIOUS_PREFIX = 'tokenlab:previous:'
/** How many set-aside states of each kind are kept (oldest go first). */
const KEEP_ASIDE = 5
/** Terminal lines saved with the lab. */
export const SAVED_LINES = 500

export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>

export type StoredSeg = [SegmentKind, string]

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

export type Loaded =
  | { kind: 'none' }
  | { kind: 'ok'; stored: StoredLab; raw: string }
  | { kind: 'broken'; reason: string; raw: string }

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

function checkLines(v: unknown): StoredSeg[][] {
  if (!Array.isArray(v)) return []
  const out: StoredSeg[][] = []
  for (const line of v.slice(-SAVED_LINES)) {
    if (!Array.isArray(line) || line.length > 1000) return []
    const segs: StoredSeg[] = []
    for (const seg of line) {
      if (!Array.isArray(seg) || seg.length !== 2) return []
      const [kind, text] = seg as unknown[]
      if (!SEGMENT_KINDS.includes(kind as SegmentKind) || typeof text !== 'string') return []
      segs.push([kind as SegmentKind, text])
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

export function loadStored(storage: StorageLike | undefined): Loaded {
  let raw: string | null
  try {
    raw = storage?.getItem(STATE_KEY) ?? null
  } catch {
    return { kind: 'none' }
  }
  if (raw === null) return { kind: 'none' }
  const r = parseStored(raw)
  return r.ok ? { kind: 'ok', stored: r.stored, raw } : { kind: 'broken', reason: r.reason, raw }
}

/** Keys of set-aside states, newest first. */
export function savedStateKeys(storage: StorageLike | undefined): string[] {
  if (!storage) return []
  const keys: string[] = []
  for (let i = 0; i < storage.length; i++) {
    const k = storage.key(i)
    if (k && (k.startsWith(BROKEN_PREFIX) || k.startsWith(PREVIOUS_PREFIX))) keys.push(k)
  }
  return keys.sort().reverse()
}

/** Move the stored state to a key of its own; returns that key (undefined if storage refused). */
export function setAside(storage: StorageLike | undefined, raw: string, prefix: string, wallMs: number): string | undefined {
  if (!storage) return undefined
  const key = `${prefix}${new Date(wallMs).toISOString()}`
  try {
    storage.setItem(key, raw)
    storage.removeItem(STATE_KEY)
  } catch {
    return undefined
  }
  for (const old of savedStateKeys(storage).filter((k) => k.startsWith(prefix)).slice(KEEP_ASIDE)) storage.removeItem(old)
  return key
}

const where = (key: string | undefined) =>
  key
    ? `It is kept in this browser's localStorage under the key "${key}"; to go back to it, run lab.restoreSaved("${key}") in the browser's console.`
    : 'This browser refused to keep a copy.'

/** Set aside a state that could not be read or restored, and say so. */
export function setAsideBroken(storage: StorageLike | undefined, raw: string, reason: string, wallMs: number): Notice {
  const key = setAside(storage, raw, BROKEN_PREFIX, wallMs)
  return { kind: 'warn', text: `Your saved lab could not be read (${reason}), so a fresh lab was started. ${where(key)}` }
}

export interface StartRequest {
  seed?: string
  now?: string | number
}

/**
 * Decide how the page starts: restore the stored lab, or start fresh (setting aside what was
 * stored when it is unreadable or when the URL asks for a different seeded lab).
 */
export function planStart(
  storage: StorageLike | undefined,
  url: StartRequest,
  wallMs: number,
): { restore?: StoredLab; notices: Notice[] } {
  const loaded = loadStored(storage)
  if (loaded.kind === 'none') return { notices: [] }
  if (loaded.kind === 'broken') return { notices: [setAsideBroken(storage, loaded.raw, loaded.reason, wallMs)] }
  const { stored } = loaded
  const urlAsks = url.seed !== undefined || url.now !== undefined
  if (!urlAsks || (stored.seed === url.seed && stored.now === url.now)) return { restore: stored, notices: [] }
  const key = setAside(storage, loaded.raw, PREVIOUS_PREFIX, wallMs)
  const was = stored.seed !== undefined ? `seed ${stored.seed}` : 'without a seed'
  const asked = url.seed !== undefined ? `seed ${url.seed}` : 'no seed'
  const start = url.now !== undefined ? ` starting at ${url.now}` : ''
  return {
    notices: [
      {
        kind: 'note',
        text: `This link starts a fresh lab with ${asked}${start}, so that it reproduces what the link shows. Your previous lab (${was}, saved ${stored.savedAt}) was set aside. ${where(key)}`,
      },
    ],
  }
}

/** Forget the saved lab (after `lab reset`); set-aside states are kept. */
export function clearStoredState(storage: StorageLike | undefined = globalStorage()): void {
  try {
    storage?.removeItem(STATE_KEY)
  } catch {
    // nothing to clear
  }
}

/** Terminal lines as saved: the page's own notices are left out (they are said again on load). */
export function linesToStore(lines: { segs: Segment[] }[]): StoredSeg[][] {
  return lines
    .filter((l) => l.segs.some((s) => s.kind !== 'note' && s.kind !== 'warn'))
    .slice(-SAVED_LINES)
    .map((l) => l.segs.map((s): StoredSeg => [s.kind, s.text]))
}

export const linesFromStore = (lines: StoredSeg[][]): Segment[][] => lines.map((l) => l.map(([kind, text]) => ({ kind, text })))

/** Saves after each change (coalesced, off the input's critical path) and when the page goes. */
export class Persister {
  private timer: ReturnType<typeof setTimeout> | undefined
  private idle: number | undefined
  private pending = false
  private warned = false

  constructor(
    private readonly storage: StorageLike | undefined,
    private readonly build: () => StoredLab | undefined,
    private readonly onProblem: (n: Notice) => void,
  ) {}

  /** Save when the page is idle (within a second at most); `flush()` saves at once. */
  schedule(): void {
    if (this.pending || !this.storage) return
    this.pending = true
    if (typeof requestIdleCallback === 'function') this.idle = requestIdleCallback(() => this.flush(), { timeout: 1000 })
    else this.timer = setTimeout(() => this.flush(), 50)
  }

  flush(): void {
    if (this.timer !== undefined) clearTimeout(this.timer)
    if (this.idle !== undefined) cancelIdleCallback(this.idle)
    this.timer = undefined
    this.idle = undefined
    this.pending = false
    const record = this.build()
    if (!record || !this.storage) return
    try {
      this.storage.setItem(STATE_KEY, JSON.stringify(record))
      return
    } catch {
      // probably full: try again without the terminal's lines
    }
    try {
      this.storage.setItem(STATE_KEY, JSON.stringify({ ...record, lines: [] }))
    } catch (e) {
      if (this.warned) return
      this.warned = true
      this.onProblem({
        kind: 'warn',
        text: `The lab could not be saved in this browser (${e instanceof Error ? e.name : 'storage refused'}): a reload would start afresh.`,
      })
    }
  }
}
