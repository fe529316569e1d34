// Share links: the session (seed, start time, lesson, step and the command log) in the URL's
// fragment, `#share=` then base64url of the deflate-raw compressed JSON. The fragment never
// reaches a server. Opening a link is untrusted input: decoded within size limits and checked
// field by field, with a sentence saying what was wrong.

import { decodeBase64urlStrict, encodeBase64url } from '../common/base64'

export const SHARE_VERSION = 1
export const SHARE_PREFIX = '#share='
/** Longest fragment accepted (characters after `#share=`); browsers and chat tools cut longer URLs. */
export const MAX_SHARE_CHARS = 100_000
/** Largest decompressed session (bytes): stops a small link that inflates to a huge one. */
export const MAX_SHARE_BYTES = 2_000_000
export const MAX_SHARE_COMMANDS = 2_000
export const MAX_COMMAND_CHARS = 10_000

export interface SharedSession {
  v: typeof SHARE_VERSION
  seed?: string
  /** The lab's start time, ms since the epoch. */
  now: number
  lesson?: string
  /** From 1. */
  step?: number
  /** The commands typed, oldest first. */
  log: string[]
}

export type ShareResult<T> = { ok: true; value: T } | { ok: false; reason: string }

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream, limit: number): Promise<Uint8Array> {
  const writer = stream.writable.getWriter()
  void writer.write(bytes as Uint8Array<ArrayBuffer>).then(() => writer.close()).catch(() => {})
  const reader = stream.readable.getReader()
  const parts: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.length
    if (total > limit) {
      void reader.cancel().catch(() => {})
      throw new RangeError(`larger than ${limit} bytes`)
    }
    parts.push(value)
  }
  const out = new Uint8Array(total)
  let o = 0
  for (const p of parts) {
    out.set(p, o)
    o += p.length
  }
  return out
}

/** The fragment's payload (after `#share=`) for a session. */
export async function encodeShare(s: SharedSession): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(s))
  const packed = await pipe(json, new CompressionStream('deflate-raw'), Number.MAX_SAFE_INTEGER)
  const text = encodeBase64url(packed)
  if (text.length > MAX_SHARE_CHARS) throw new RangeError(`the session is too long for a link (${text.length} characters, at most ${MAX_SHARE_CHARS}); use Export instead`)
  return text
}

/** Check a decoded session (untrusted). */
export function checkSession(raw: unknown): ShareResult<SharedSession> {
  const bad = (reason: string): ShareResult<SharedSession> => ({ ok: false, reason })
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return bad('it holds no session')
  const o = raw as Record<string, unknown>
  if (typeof o.v !== 'number') return bad('it has no version')
  if (o.v > SHARE_VERSION) return bad(`it was made by a newer version of the lab (share version ${o.v}; this page reads version ${SHARE_VERSION})`)
  if (o.v !== SHARE_VERSION) return bad(`it has an unknown share version ${o.v}`)
  if (o.seed !== undefined && (typeof o.seed !== 'string' || !/^[A-Za-z0-9._-]{1,64}$/.test(o.seed))) return bad('its seed is invalid')
  if (typeof o.now !== 'number' || !Number.isFinite(o.now) || o.now < 0 || o.now > Date.UTC(9999, 11, 31)) return bad('its start time is invalid')
  if (o.lesson !== undefined && (typeof o.lesson !== 'string' || !/^[a-z0-9][a-z0-9-]{0,63}$/.test(o.lesson))) return bad('its lesson id is invalid')
  if (o.step !== undefined && (typeof o.step !== 'number' || !Number.isInteger(o.step) || o.step < 1 || o.step > 999)) return bad('its step is invalid')
  if (!Array.isArray(o.log)) return bad('it has no command log')
  if (o.log.length > MAX_SHARE_COMMANDS) return bad(`it has ${o.log.length} commands, more than the ${MAX_SHARE_COMMANDS} a link may hold`)
  if (!o.log.every((c) => typeof c === 'string' && c.length <= MAX_COMMAND_CHARS)) return bad(`its command log holds something that is not a command of at most ${MAX_COMMAND_CHARS} characters`)
  return {
    ok: true,
    value: {
      v: SHARE_VERSION,
      ...(o.seed !== undefined ? { seed: o.seed as string } : {}),
      now: o.now,
      ...(o.lesson !== undefined ? { lesson: o.lesson as string } : {}),
      ...(o.step !== undefined ? { step: o.step as number } : {}),
      log: o.log as string[],
    },
  }
}

/** Decode the fragment's payload (untrusted): a session, or why it cannot be used. */
export async function decodeShare(text: string): Promise<ShareResult<SharedSession>> {
  const bad = (reason: string): ShareResult<SharedSession> => ({ ok: false, reason })
  if (text.length > MAX_SHARE_CHARS) return bad(`it is too long (${text.length} characters, at most ${MAX_SHARE_CHARS})`)
  const bytes = decodeBase64urlStrict(text)
  if (!bytes || bytes.length === 0) return bad('it is not base64url text')
  let json: Uint8Array
  try {
    json = await pipe(bytes, new DecompressionStream('deflate-raw'), MAX_SHARE_BYTES)
  } catch (e) {
    return bad(e instanceof RangeError ? `it unpacks to more than ${MAX_SHARE_BYTES} bytes` : 'it is not compressed data the lab wrote')
  }
  let raw: unknown
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json))
  } catch {
    return bad('it is not JSON')
  }
  return checkSession(raw)
}

/** The payload of a `#share=` fragment, or undefined when the fragment is something else. */
export function sharePayload(hash: string): string | undefined {
  return hash.startsWith(SHARE_PREFIX) ? hash.slice(SHARE_PREFIX.length) : undefined
}

/** The link: the page's address without query or fragment, then the fragment. */
export function shareUrl(pageHref: string, payload: string): string {
  const u = new URL(pageHref)
  u.search = ''
  u.hash = ''
  return `${u.href}${SHARE_PREFIX}${payload}`
}
