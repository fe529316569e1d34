// Comparing two tokens claim by claim (for example a pod's token before and after the kubelet
// refreshed it): which header fields and claims are the same, changed, or only in one of them.

import { decodeJwt } from '../decode'
import { claimSeconds, utcText } from './format'
import { jsonText } from './describe'

export type DiffStatus = 'same' | 'changed' | 'only-a' | 'only-b'

export interface DiffRow {
  /** `header.kid`, `jti`, `kubernetes.io.warnafter`, `signature`. */
  path: string
  a?: string
  b?: string
  /** For time claims: UTC of each side. */
  aTime?: string
  bTime?: string
  status: DiffStatus
}

type Obj = Record<string, unknown>
const obj = (v: unknown): Obj | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined)
const TIME_PATHS = new Set(['iat', 'nbf', 'exp', 'kubernetes.io.warnafter'])

/** A long signature as its ends and length: `wlxNT85k…Aop9JEqw (342 chars)`. */
export function shorten(sig: string): string {
  return sig.length <= 24 ? sig : `${sig.slice(0, 10)}…${sig.slice(-10)} (${sig.length} chars)`
}

/** Path → value, in the token's own order; `kubernetes.io` is opened one level. */
function flatten(token: string): Map<string, unknown> {
  const d = decodeJwt(token)
  const out = new Map<string, unknown>()
  for (const [k, v] of Object.entries(obj(d.header) ?? {})) out.set(`header.${k}`, v)
  for (const [k, v] of Object.entries(obj(d.payload) ?? {})) {
    const nested = k === 'kubernetes.io' ? obj(v) : undefined
    if (nested) for (const [nk, nv] of Object.entries(nested)) out.set(`${k}.${nk}`, nv)
    else out.set(k, v)
  }
  if (d.signature !== undefined) out.set('signature', d.signature)
  return out
}

const timeText = (path: string, v: unknown): string | undefined => {
  const s = TIME_PATHS.has(path) ? claimSeconds(v) : undefined
  return s === undefined ? undefined : utcText(s * 1000)
}

/** The rows of a side-by-side comparison of token A and token B. */
export function diffTokens(a: string, b: string): DiffRow[] {
  const fa = flatten(a)
  const fb = flatten(b)
  const paths = [...fa.keys()]
  for (const k of fb.keys()) if (!fa.has(k)) paths.push(k)
  // the signature last, whatever order the sides had
  paths.sort((x, y) => Number(x === 'signature') - Number(y === 'signature'))
  return paths.map((path) => {
    const inA = fa.has(path)
    const inB = fb.has(path)
    const av = inA ? jsonText(fa.get(path)) : undefined
    const bv = inB ? jsonText(fb.get(path)) : undefined
    const status: DiffStatus = !inA ? 'only-b' : !inB ? 'only-a' : av === bv ? 'same' : 'changed'
    const show = (side: Map<string, unknown>, v: string | undefined) => (v !== undefined && path === 'signature' ? shorten(String(side.get(path))) : v)
    const aTime = inA ? timeText(path, fa.get(path)) : undefined
    const bTime = inB ? timeText(path, fb.get(path)) : undefined
    const a1 = show(fa, av)
    const b1 = show(fb, bv)
    return { path, status, ...(a1 !== undefined ? { a: a1 } : {}), ...(b1 !== undefined ? { b: b1 } : {}), ...(aTime ? { aTime } : {}), ...(bTime ? { bTime } : {}) }
  })
}

/** The paths that differ, for a one-line summary. */
export function changedPaths(rows: DiffRow[]): string[] {
  return rows.filter((r) => r.status !== 'same').map((r) => r.path)
}

/** How a row's difference is said in words (the marker next to it, not colour alone). */
export function statusWords(s: DiffStatus): string {
  return { same: 'same', changed: 'differs', 'only-a': 'only in A', 'only-b': 'only in B' }[s]
}
