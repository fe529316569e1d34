// Reading a saved lab back from IndexedDB, checked by the one schema; moving an old localStorage
// save over once; setting aside (never deleting) whatever cannot be used, and giving it back
// as a download. No DOM, no window: this runs on the main thread or in a worker.

import * as v from 'valibot'
import { ASIDE, LAB, type KvBackend } from './idb'
import type { LabSnapshot } from './lab'
import { checkLines, parseStored, STATE_VERSION, type StoredLab, type StoredSeg } from './persist'
import { assemble, ATTEMPT, LOG_LIMITS, META, PARTS_VERSION, PartWriter, type Meta } from './saveParts'
import { checkSnapshot } from './schema'

/** Set-aside labs kept of each kind (the oldest go first). */
export const KEEP_ASIDE = 5

export interface Aside {
  kind: 'broken' | 'previous'
  at: string
  reason: string
  /** The data as it was found: JSON text. */
  raw: string
}

export interface Restorable {
  snapshot: LabSnapshot
  lines: StoredSeg[][]
  seed?: string
  now?: string | number
  savedAt: string
  seq: number
}

export type LoadResult =
  | { kind: 'none' }
  /** `lost`: the commands not saved before the page went; `behind`: some change (maybe only the clock moving) was not saved. */
  | { kind: 'ok'; lab: Restorable; migrated: boolean; lost: string[]; behind: boolean }
  | { kind: 'broken'; reason: string; asideKey?: string }

const logMark = v.object({ k0: v.pipe(v.number(), v.integer(), v.minValue(0)), count: v.pipe(v.number(), v.integer(), v.minValue(0)) })
const MetaSchema = v.object({
  v: v.literal(PARTS_VERSION),
  savedAt: v.pipe(v.string(), v.maxLength(64)),
  seq: v.pipe(v.number(), v.integer(), v.minValue(0)),
  seed: v.optional(v.pipe(v.string(), v.maxLength(4096))),
  now: v.optional(v.union([v.pipe(v.string(), v.maxLength(64)), v.pipe(v.number(), v.finite())])),
  logs: v.object(Object.fromEntries(Object.keys(LOG_LIMITS).map((k) => [k, v.optional(logMark)])) as Record<keyof typeof LOG_LIMITS, v.OptionalSchema<typeof logMark, undefined>>),
})
const AttemptSchema = v.object({ seq: v.number(), at: v.string(), commands: v.array(v.string()) })

const safeJson = (x: unknown): string => {
  try {
    return JSON.stringify(x) ?? 'null'
  } catch (e) {
    return JSON.stringify({ unreadable: String(e) })
  }
}

/** Keep `raw` under a key of its own in the set-aside store; returns the key (undefined if refused). */
export async function setAside(kv: KvBackend, kind: Aside['kind'], raw: string, reason: string, iso: string): Promise<string | undefined> {
  const key = `${kind}:${iso}`
  try {
    const existing = [...(await kv.readAll(ASIDE)).keys()].filter((k) => k.startsWith(`${kind}:`)).sort().reverse()
    const aside: Aside = { kind, at: iso, reason, raw }
    await kv.write(ASIDE, { put: [[key, aside]], del: existing.slice(KEEP_ASIDE - 1) })
    return key
  } catch {
    return undefined
  }
}

/** Keys of set-aside labs, newest first. */
export async function asideKeys(kv: KvBackend): Promise<string[]> {
  try {
    return [...(await kv.readAll(ASIDE)).keys()].sort((a, b) => (a.split(':').slice(1).join(':') < b.split(':').slice(1).join(':') ? 1 : -1))
  } catch {
    return []
  }
}

export async function readAside(kv: KvBackend, key: string): Promise<Aside | undefined> {
  const a = await kv.get(ASIDE, key)
  if (typeof a !== 'object' || a === null || typeof (a as Aside).raw !== 'string') return undefined
  return a as Aside
}

/** A set-aside lab as a file to download (JSON text, exactly as it was found). */
export async function asideBlob(kv: KvBackend, key: string): Promise<Blob | undefined> {
  const a = await readAside(kv, key)
  return a ? new Blob([a.raw], { type: 'application/json' }) : undefined
}

/** The record format of set-aside labs and old saves (version 1), from a lab to restore. */
export function toRecord(lab: Pick<Restorable, 'snapshot' | 'lines' | 'seed' | 'now' | 'savedAt'>): StoredLab {
  return {
    v: STATE_VERSION,
    savedAt: lab.savedAt,
    ...(lab.seed !== undefined ? { seed: lab.seed } : {}),
    ...(lab.now !== undefined ? { now: lab.now } : {}),
    snapshot: lab.snapshot,
    lines: lab.lines,
  }
}

/** Check a version-1 record (an old save, a set-aside lab, an imported file) down to its snapshot. */
export function checkRecord(raw: string): { ok: true; lab: Restorable } | { ok: false; reason: string } {
  const r = parseStored(raw)
  if (!r.ok) return r
  const c = checkSnapshot(r.stored.snapshot)
  if (!c.ok) return { ok: false, reason: `the lab in it is not valid (${c.reason})` }
  const { seed, now, savedAt, lines } = r.stored
  return { ok: true, lab: { snapshot: c.snapshot, lines, seed, now, savedAt, seq: 0 } }
}

/** Write a whole lab (a migrated or imported one) as the saved lab. */
export async function writeWhole(kv: KvBackend, lab: Restorable): Promise<void> {
  const plan = new PartWriter().plan(lab, { savedAt: lab.savedAt, seq: lab.seq, ...(lab.seed !== undefined ? { seed: lab.seed } : {}), ...(lab.now !== undefined ? { now: lab.now } : {}) })
  await kv.write(LAB, plan.batch)
}

/**
 * The saved lab in IndexedDB, checked; else an old localStorage save (moved over once). A tab
 * that does not own the lab (`mayWrite` false) only reads: it sets nothing aside, moves nothing.
 */
export async function loadLab(kv: KvBackend, legacy: { raw: string | null; remove(): void } | undefined, iso: string, mayWrite = true): Promise<LoadResult> {
  let parts: Map<string, unknown>
  try {
    parts = await kv.readAll(LAB)
  } catch (e) {
    return { kind: 'broken', reason: `it could not be read (${e instanceof Error ? e.message : String(e)})` }
  }
  if (parts.size === 0 || (!parts.has(META) && parts.size === 1 && parts.has(ATTEMPT))) return mayWrite ? migrate(kv, legacy, iso) : { kind: 'none' }
  const broken = async (reason: string): Promise<LoadResult> => {
    if (!mayWrite) return { kind: 'broken', reason }
    const asideKey = await setAside(kv, 'broken', safeJson(Object.fromEntries(parts)), reason, iso)
    if (asideKey) await kv.write(LAB, { clear: true }).catch(() => {})
    return { kind: 'broken', reason, asideKey }
  }
  const meta = v.safeParse(MetaSchema, parts.get(META))
  if (!meta.success) return broken(parts.has(META) ? 'its index is not valid' : 'its index is missing')
  let assembled: { snapshot: unknown; lines: unknown[] }
  try {
    assembled = assemble(parts, meta.output as Meta)
  } catch (e) {
    return broken(e instanceof Error ? e.message : String(e))
  }
  const c = checkSnapshot(assembled.snapshot)
  if (!c.ok) return broken(c.reason)
  const attempt = v.safeParse(AttemptSchema, parts.get(ATTEMPT))
  const behind = attempt.success && attempt.output.seq > meta.output.seq
  const lost = behind ? attempt.output.commands.slice(0, 20).map((s) => s.slice(0, 200)) : []
  const m = meta.output
  return {
    kind: 'ok',
    migrated: false,
    lost,
    behind,
    lab: { snapshot: c.snapshot, lines: checkLines(assembled.lines), seed: m.seed, now: m.now, savedAt: m.savedAt, seq: m.seq },
  }
}

async function migrate(kv: KvBackend, legacy: { raw: string | null; remove(): void } | undefined, iso: string): Promise<LoadResult> {
  if (!legacy?.raw) return { kind: 'none' }
  const r = checkRecord(legacy.raw)
  if (!r.ok) {
    const asideKey = await setAside(kv, 'broken', legacy.raw, r.reason, iso)
    if (asideKey) legacy.remove()
    return { kind: 'broken', reason: r.reason, asideKey }
  }
  try {
    await writeWhole(kv, r.lab)
    legacy.remove()
  } catch {
    // kept in localStorage: the next load tries again
  }
  return { kind: 'ok', lab: r.lab, migrated: true, lost: [], behind: false }
}
