// The rows of the claims list: every header field and claim (and each entry of the
// `kubernetes.io` object) with its JSON value, the generic explanation from src/jwt/claims.ts,
// and what it means for THIS token, in plain words, with the values filled in.

import { explainClaim } from '../claims'
import { claimSeconds, offsetFromIat, spanExact } from './format'

export type TimeClaimName = 'iat' | 'nbf' | 'exp' | 'warnafter'

export interface ClaimRow {
  /** Dotted path as in CLAIM_EXPLANATIONS: `sub`, `kubernetes.io.pod`, `header.kid`. */
  path: string
  /** The key as written in the token. */
  key: string
  depth: 0 | 1
  /** The value as compact JSON (text, never markup). */
  json: string
  title?: string
  generic?: string
  /** What it means for this token. */
  specific: string
  /** For iat, nbf, exp, warnafter: the value in Unix seconds. */
  time?: { name: TimeClaimName; seconds: number; fromIat?: string }
}

export interface DescribeContext {
  /** The key IDs the cluster publishes (lab.jwks()). */
  kids?: string[]
}

type Obj = Record<string, unknown>
const obj = (v: unknown): Obj | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined)
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined)

/** JSON of a decoded value on one line, with a space after each colon and comma: `{"name": "app", "uid": "…"}`. */
export function jsonText(v: unknown, depth = 0): string {
  if (depth > 32) return '…'
  if (Array.isArray(v)) return `[${v.map((x) => jsonText(x, depth + 1)).join(', ')}]`
  if (v && typeof v === 'object') {
    return `{${Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}: ${jsonText(x, depth + 1)}`).join(', ')}}`
  }
  return JSON.stringify(v) ?? String(v)
}

/** `pod app (uid 4865…)` from a `{name, uid}` reference. */
export function refText(kind: string, v: unknown): string {
  const r = obj(v)
  if (!r) return `${kind} ${jsonText(v)}`
  const name = str(r.name) ?? '(no name)'
  return r.uid !== undefined ? `${kind} ${name} (uid ${String(r.uid)})` : `${kind} ${name}`
}

/** What the bound objects of a token are, in one sentence. */
export function bindingSummary(k8s: unknown): string {
  const k = obj(k8s)
  if (!k) return 'The kubernetes.io claim is not an object, so the API server cannot tell what the token is bound to.'
  const ns = str(k.namespace)
  const sa = k.serviceaccount !== undefined ? refText('ServiceAccount', k.serviceaccount) : undefined
  const parts: string[] = []
  if (k.pod !== undefined) parts.push(`bound to ${refText('pod', k.pod)}${k.node !== undefined ? ` on ${refText('node', k.node)}` : ''}`)
  else if (k.secret !== undefined) parts.push(`bound to ${refText('Secret', k.secret)}`)
  else if (k.node !== undefined) parts.push(`bound to ${refText('node', k.node)}`)
  else parts.push('not bound to a pod, Secret or node (it lives until exp)')
  if (sa) parts.push(`speaks for ${sa}${ns ? ` in namespace ${ns}` : ''}`)
  return `This token is ${parts.join(', and ')}.`
}

function specificFor(path: string, v: unknown, payload: Obj, ctx: DescribeContext): string {
  const iat = claimSeconds(payload.iat)
  switch (path) {
    case 'header.alg':
      if (v === 'none') return 'alg "none": the token says it is not signed at all. The API server never accepts such a token.'
      if (v === 'RS256') return 'Signed with RS256: an RSA key and SHA-256, as the API server signs its tokens.'
      return `Signed with ${jsonText(v)}.`
    case 'header.kid': {
      if (!ctx.kids) return `Key ID ${jsonText(v)}.`
      return typeof v === 'string' && ctx.kids.includes(v)
        ? `The cluster publishes a key with this ID (/openid/v1/jwks), so a verifier knows which key to check the signature with.`
        : `No key the cluster publishes has this ID: the cluster did not sign this token with its current keys.`
    }
    case 'header.typ':
      return `Labelled ${jsonText(v)}; the API server ignores this field.`
    case 'iss':
      if (v === 'kubernetes/serviceaccount') return 'The fixed issuer of old Secret-based tokens: this is a legacy token.'
      return `Issued by ${typeof v === 'string' ? v : jsonText(v)}. The API server accepts it only if that is one of its issuers.`
    case 'sub': {
      const m = typeof v === 'string' ? /^system:serviceaccount:([^:]+):([^:]+)$/.exec(v) : null
      if (!m) return `Speaks for ${jsonText(v)}, which is not a ServiceAccount name of the form system:serviceaccount:<namespace>:<name>.`
      return `Speaks for ServiceAccount ${m[2]} in namespace ${m[1]}. RBAC sees the user ${v} in the groups system:serviceaccounts and system:serviceaccounts:${m[1]}.`
    }
    case 'aud': {
      const list = Array.isArray(v) ? v.map((a) => (typeof a === 'string' ? a : jsonText(a))) : [typeof v === 'string' ? v : jsonText(v)]
      if (list.length === 0) return 'An empty audience list: no server should accept this token.'
      return list.length === 1 ? `Meant only for ${list[0]}.` : `Meant for ${list.length} audiences: ${list.join(', ')}.`
    }
    case 'jti':
      return `This token's own ID. Requests made with it show authentication.kubernetes.io/credential-id: JTI=${typeof v === 'string' ? v : jsonText(v)} in the audit log.`
    case 'iat':
      return iat !== undefined ? 'The moment the API server issued this token; the other times count from it.' : `Not a number of seconds: ${jsonText(v)}.`
    case 'nbf': {
      const s = claimSeconds(v)
      if (s === undefined) return `Not a number of seconds: ${jsonText(v)}.`
      return iat === s ? 'Valid from the moment it was issued.' : 'Not valid before this moment (a minute of leeway allowed).'
    }
    case 'exp': {
      const s = claimSeconds(v)
      if (s === undefined) return `Not a number of seconds: ${jsonText(v)}.`
      const life = iat !== undefined ? `, ${spanExact(s - iat)} after issue` : ''
      return `Refused after this moment (plus a minute of leeway)${life}.`
    }
    case 'kubernetes.io':
      return bindingSummary(v)
    case 'kubernetes.io.namespace':
      return `The ServiceAccount (and the bound pod or Secret) live in namespace ${typeof v === 'string' ? v : jsonText(v)}.`
    case 'kubernetes.io.pod':
      return `Bound to ${refText('pod', v)}. Deleting that pod, or replacing it with a new pod of the same name, ends this token.`
    case 'kubernetes.io.node':
      return payloadHasPod(payload)
        ? `The pod ran on ${refText('node', v)} when the token was issued. Recorded for auditing, not checked.`
        : `Bound to ${refText('node', v)}: the token stops working when that node is deleted.`
    case 'kubernetes.io.serviceaccount':
      return `Acts as ${refText('ServiceAccount', v)}. If that ServiceAccount is deleted, or deleted and created again with a new uid, the token fails.`
    case 'kubernetes.io.secret':
      return `Bound to ${refText('Secret', v)}. Deleting that Secret ends this token.`
    case 'kubernetes.io.warnafter': {
      const s = claimSeconds(v)
      if (s === undefined) return `Not a number of seconds: ${jsonText(v)}.`
      const after = iat !== undefined ? ` (${spanExact(s - iat)} after issue)` : ''
      return `From this moment${after} the API server still accepts the token but logs each use as stale.`
    }
    default:
      if (path.startsWith('kubernetes.io/serviceaccount/')) return `Legacy claim: ${typeof v === 'string' ? v : jsonText(v)}.`
      return path.startsWith('header.')
        ? 'Not a header field Kubernetes sets.'
        : 'Not a claim Kubernetes sets; the API server ignores it.'
  }
}

function payloadHasPod(payload: Obj): boolean {
  return obj(payload['kubernetes.io'])?.pod !== undefined
}

function timeOf(path: string, v: unknown, iat: number | undefined): ClaimRow['time'] {
  const name = ({ iat: 'iat', nbf: 'nbf', exp: 'exp', 'kubernetes.io.warnafter': 'warnafter' } as const)[path as 'iat']
  const seconds = claimSeconds(v)
  if (!name || seconds === undefined) return undefined
  return { name, seconds, ...(iat !== undefined && name !== 'iat' ? { fromIat: offsetFromIat(seconds, iat) } : {}) }
}

function row(path: string, key: string, depth: 0 | 1, v: unknown, payload: Obj, ctx: DescribeContext): ClaimRow {
  const e = explainClaim(path)
  const time = timeOf(path, v, claimSeconds(payload.iat))
  return {
    path, key, depth,
    json: path === 'kubernetes.io' && obj(v) ? '{ … } (its entries follow)' : jsonText(v),
    ...(e ? { title: e.title, generic: e.text } : {}),
    specific: specificFor(path, v, payload, ctx),
    ...(time ? { time } : {}),
  }
}

/** The rows for a token's header fields. */
export function headerRows(header: unknown, payload: unknown, ctx: DescribeContext = {}): ClaimRow[] {
  const h = obj(header)
  if (!h) return []
  const p = obj(payload) ?? {}
  return Object.entries(h).map(([k, v]) => row(`header.${k}`, k, 0, v, p, ctx))
}

/** The rows for a token's claims, the entries of `kubernetes.io` right after it. */
export function claimRows(payload: unknown, ctx: DescribeContext = {}): ClaimRow[] {
  const p = obj(payload)
  if (!p) return []
  const rows: ClaimRow[] = []
  for (const [k, v] of Object.entries(p)) {
    rows.push(row(k, k, 0, v, p, ctx))
    const nested = k === 'kubernetes.io' ? obj(v) : undefined
    if (nested) for (const [nk, nv] of Object.entries(nested)) rows.push(row(`${k}.${nk}`, nk, 1, nv, p, ctx))
  }
  return rows
}
