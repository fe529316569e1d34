// The decoder's summary of one token, read in five seconds: the verdict in a sentence, who the
// token speaks for, what it is bound to (and whether that still exists in the lab), and its
// times relative to the lab clock (the kubelet's refresh, warnafter, exp). Also the order in
// which a student reads the claims: who, for whom, when, identity.

import type { Fact } from '../../cluster/events/facts'
import type { Badge } from './verdict'
import type { ClaimRow } from './describe'
import { claimSeconds, relativeTo, spanWords } from './format'

type Obj = Record<string, unknown>
const obj = (v: unknown): Obj | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined)
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined)

export type BoundState = 'alive' | 'deleting' | 'gone' | 'unknown'

export interface SummaryTime {
  name: 'refresh' | 'warnafter' | 'exp'
  /** `Kubelet refresh`, `Stale from (warnafter)`, `Expires (exp)`. */
  label: string
  /** `48 min after issue` */
  fromIssue?: string
  atMs: number
  /** `in 47 min`, `3 min ago`. */
  relative: string
  past: boolean
}

export interface TokenSummary {
  /** The verdict in one sentence: `Valid: the API server accepts it now.` */
  sentence: string
  /** `ServiceAccount default in namespace sa-demo` */
  who?: string
  /** `pod app on node worker-0` */
  bound?: string
  boundState?: BoundState
  /** `the pod is running`, `the pod is gone: the token died with it` */
  boundNote?: string
  times: SummaryTime[]
}

export interface SummaryInput {
  payload: unknown
  badge?: Badge
  /** The lab clock; without it, times are not placed. */
  nowMs?: number
  facts?: readonly Fact[]
  /** When the kubelet replaces this token (lab ms); by default 80 % of the lifetime it asked for (iat to warnafter). */
  refreshAt?: number
}

/** The sentence for a verdict: its label, then its reason. */
export function verdictSentence(b: Badge | undefined): string {
  if (!b) return 'Not checked yet: the lab has not answered.'
  const reason = b.reason.trim()
  return reason ? `${b.label}: ${reason.charAt(0).toLowerCase()}${reason.slice(1)}` : `${b.label}.`
}

/** Whether the pod with this uid still exists, from the cluster's facts. */
export function podState(facts: readonly Fact[] | undefined, namespace: string | undefined, name: string, uid: string | undefined): BoundState {
  if (!facts) return 'unknown'
  let state: BoundState = 'unknown'
  for (const f of facts) {
    if (!f.type.startsWith('pod.') || !('name' in f) || !('namespace' in f)) continue
    if (f.name !== name || (namespace !== undefined && f.namespace !== namespace)) continue
    const sameUid = uid === undefined || f.uid === uid
    if (!sameUid) {
      // Another pod of the same name: ours is gone if we had seen it, or was never in this lab.
      if (f.type === 'pod.created' && state !== 'unknown') state = 'gone'
      continue
    }
    if (f.type === 'pod.deleted') state = 'gone'
    else if (f.type === 'pod.deletionRequested') state = 'deleting'
    else if (state === 'unknown') state = 'alive'
  }
  return state
}

const NOTES: Record<BoundState, string> = {
  alive: 'the pod exists',
  deleting: 'the pod is being deleted',
  gone: 'the pod is gone, and the token died with it',
  unknown: 'this lab has not seen that pod',
}

function binding(k: Obj | undefined): { bound?: string; pod?: Obj } {
  if (!k) return {}
  const pod = obj(k.pod)
  const node = str(obj(k.node)?.name)
  if (pod) return { bound: `pod ${str(pod.name) ?? '?'}${node ? ` on node ${node}` : ''}`, pod }
  const secret = str(obj(k.secret)?.name)
  if (secret) return { bound: `Secret ${secret}` }
  if (node) return { bound: `node ${node}` }
  return { bound: 'nothing (it lives until exp)' }
}

function who(p: Obj, k: Obj | undefined): string | undefined {
  const sa = str(obj(k?.serviceaccount)?.name)
  const ns = str(k?.namespace)
  if (sa) return `ServiceAccount ${sa}${ns ? ` in namespace ${ns}` : ''}`
  const m = typeof p.sub === 'string' ? /^system:serviceaccount:([^:]+):([^:]+)$/.exec(p.sub) : null
  if (m) return `ServiceAccount ${m[2]} in namespace ${m[1]}`
  const legacy = str(p['kubernetes.io/serviceaccount/service-account.name'])
  if (legacy) return `ServiceAccount ${legacy}${str(p['kubernetes.io/serviceaccount/namespace']) ? ` in namespace ${str(p['kubernetes.io/serviceaccount/namespace'])}` : ''}`
  return typeof p.sub === 'string' ? p.sub : undefined
}

export function summarize(input: SummaryInput): TokenSummary {
  const p = obj(input.payload) ?? {}
  const k = obj(p['kubernetes.io'])
  const { bound, pod } = binding(k)
  const out: TokenSummary = { sentence: verdictSentence(input.badge), times: [] }
  const w = who(p, k)
  if (w) out.who = w
  if (bound) out.bound = bound
  if (pod) {
    const state = podState(input.facts, str(k?.namespace), str(pod.name) ?? '?', str(pod.uid))
    out.boundState = state
    out.boundNote = NOTES[state]
  }
  const now = input.nowMs
  if (now === undefined) return out
  const iat = claimSeconds(p.iat)
  const add = (name: SummaryTime['name'], label: string, atMs: number | undefined) => {
    if (atMs === undefined) return
    out.times.push({ name, label, atMs, relative: relativeTo(atMs, now), past: atMs <= now })
  }
  const dead = out.boundState === 'gone'
  const warn = claimSeconds(k?.warnafter)
  // The kubelet asked for warnafter - iat seconds (3607) and replaces the token at 80 % of that.
  const nominal = pod && iat !== undefined && warn !== undefined ? (iat + 0.8 * (warn - iat)) * 1000 : undefined
  if (!dead) add('refresh', 'Kubelet refresh', input.refreshAt ?? nominal)
  add('warnafter', 'Stale from (warnafter)', warn === undefined ? undefined : warn * 1000)
  const exp = claimSeconds(p.exp)
  add('exp', 'Expires (exp)', exp === undefined ? undefined : exp * 1000)
  if (iat !== undefined) for (const t of out.times) t.fromIssue = `${spanWords(t.atMs - iat * 1000)} after issue`
  return out
}

export type ClaimGroup = 'who' | 'for-whom' | 'when' | 'identity' | 'other'

export const GROUP_TITLES: Record<ClaimGroup, string> = {
  who: 'Who: the identity it speaks for',
  'for-whom': 'For whom: issuer and audience',
  when: 'When: issued, stale, expires',
  identity: 'Bound to, and its own ID',
  other: 'Other claims',
}

const GROUP_OF: Record<string, [ClaimGroup, number]> = {
  sub: ['who', 0],
  'kubernetes.io.serviceaccount': ['who', 1],
  'kubernetes.io.namespace': ['who', 2],
  iss: ['for-whom', 0],
  aud: ['for-whom', 1],
  iat: ['when', 0],
  nbf: ['when', 1],
  'kubernetes.io.warnafter': ['when', 2],
  exp: ['when', 3],
  'kubernetes.io.pod': ['identity', 0],
  'kubernetes.io.secret': ['identity', 1],
  'kubernetes.io.node': ['identity', 2],
  jti: ['identity', 3],
  'kubernetes.io': ['identity', 4],
}

/** The claim rows in the order a student needs them, in groups (empty groups left out). */
export function groupClaims(rows: readonly ClaimRow[]): { group: ClaimGroup; title: string; rows: ClaimRow[] }[] {
  const order: ClaimGroup[] = ['who', 'for-whom', 'when', 'identity', 'other']
  const place = (r: ClaimRow): [ClaimGroup, number] => GROUP_OF[r.path] ?? ['other', 99]
  // The kubernetes.io object itself is said by its entries (and the summary), when it has any.
  const nested = rows.some((r) => r.depth === 1)
  rows = rows.filter((r) => !(nested && r.path === 'kubernetes.io'))
  return order
    .map((group) => ({
      group,
      title: GROUP_TITLES[group],
      rows: rows.filter((r) => place(r)[0] === group).sort((a, b) => place(a)[1] - place(b)[1]),
    }))
    .filter((g) => g.rows.length > 0)
}
