// Where the clock controls can jump: the next scheduled work of the cluster, and the next kubelet
// refresh, warnafter or exp of one token (the selected one) or of any token.

import type { TokenSchedule } from '../../cluster/components'
import { payloadOf } from '../../jwt/decode'
import type { Fact } from '../../cluster/events/facts'
import { tokenName } from './lanes'

/** What the targets are computed from: the lab (where it runs). */
export interface JumpSource {
  nextDueAt(): number | undefined
  tokenSchedules(fromMs: number, toMs: number, max?: number): TokenSchedule[]
  facts(): readonly Fact[]
}

export type JumpKind = 'event' | 'refresh' | 'warnafter' | 'exp'

export const YEAR_MS = 365 * 86_400_000

export interface JumpTargets {
  event?: number
  refresh?: number
  warnafter?: number
  exp?: number
  /** Of any token: whose refresh, warnafter and exp each is (the tokens differ: a refreshed file's old token lives on). */
  whose?: { refresh?: string; warnafter?: string; exp?: string }
}

type IssuedFact = Extract<Fact, { type: 'token.issued' }>

/** What the clock needs from a JWT: its id, time claims and pod. Undefined if it is not a JWT. */
export interface TokenTimes {
  jti?: string
  exp?: number
  warnafter?: number
  namespace?: string
  pod?: string
  podUid?: string
}

export function tokenTimes(token: string | undefined): TokenTimes | undefined {
  const parts = token?.trim().replace(/^bearer\s+/i, '').split('.')
  if (!parts || parts.length !== 3) return undefined
  try {
    const p = payloadOf(parts.join('.'))
    if (!p) return undefined
    const k8s = (p['kubernetes.io'] ?? {}) as { namespace?: unknown; pod?: { name?: unknown; uid?: unknown }; warnafter?: unknown }
    const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined)
    const str = (v: unknown) => (typeof v === 'string' ? v : undefined)
    return {
      jti: str(p.jti),
      exp: num(p.exp),
      warnafter: num(k8s.warnafter),
      namespace: str(k8s.namespace),
      pod: str(k8s.pod?.name),
      podUid: str(k8s.pod?.uid),
    }
  } catch {
    return undefined
  }
}

const firstAfter = (now: number, times: (number | undefined)[]) => {
  const later = times.filter((t): t is number => t !== undefined && t > now)
  return later.length ? Math.min(...later) : undefined
}

/** The uids of pods that are gone (deleted, or being deleted): their tokens reach no later time. */
export function gonePods(facts: readonly Fact[]): Set<string> {
  const gone = new Set<string>()
  for (const f of facts) if (f.type === 'pod.deleted' || f.type === 'pod.deletionRequested') gone.add(f.uid)
  return gone
}

/**
 * The jump targets after `now`; with a token, its own refresh, warnafter and exp only. Tokens
 * bound to a pod that is gone are left out: they died with it and reach neither warnafter nor exp.
 */
export function jumpTargets(lab: JumpSource, now: number, token?: string): JumpTargets {
  const event = firstAfter(now, [lab.nextDueAt()])
  let schedules = lab.tokenSchedules(now, now + YEAR_MS, 1)
  const facts = lab.facts()
  const gone = gonePods(facts)
  const issued = facts.filter((f): f is IssuedFact => f.type === 'token.issued' && !(f.pod && gone.has(f.pod.uid)))
  if (token === undefined) {
    const refresh = firstAfter(now, schedules.flatMap((s) => s.refreshes))
    const warnafter = firstAfter(now, issued.map((f) => (f.warnafter === undefined ? undefined : f.warnafter * 1000)))
    const exp = firstAfter(now, issued.map((f) => f.exp * 1000))
    const of = (at: number | undefined, time: (f: IssuedFact) => number | undefined) => {
      const f = at === undefined ? undefined : issued.find((x) => time(x) === at)
      return f && tokenName({ ...f, key: f.jti })
    }
    const file = schedules.find((s) => refresh !== undefined && s.refreshes.includes(refresh))
    const whose = {
      refresh: file && `the token file of pod ${file.namespace}/${file.pod}`,
      warnafter: of(warnafter, (f) => (f.warnafter === undefined ? undefined : f.warnafter * 1000)),
      exp: of(exp, (f) => f.exp * 1000),
    }
    return { event, refresh, warnafter, exp, whose }
  }
  const t = tokenTimes(token)
  if (!t) return { event }
  const fact = t.jti ? issued.find((f) => f.jti === t.jti) : undefined
  const podUid = t.podUid ?? fact?.pod?.uid
  if (podUid !== undefined && gone.has(podUid)) return { event }
  const pod = fact?.pod?.name ?? t.pod
  const namespace = fact?.namespace ?? t.namespace
  schedules = pod ? schedules.filter((s) => s.pod === pod && s.namespace === namespace) : []
  const warnafter = t.warnafter ?? fact?.warnafter
  const exp = t.exp ?? fact?.exp
  return {
    event,
    refresh: firstAfter(now, schedules.flatMap((s) => s.refreshes)),
    warnafter: firstAfter(now, [warnafter === undefined ? undefined : warnafter * 1000]),
    exp: firstAfter(now, [exp === undefined ? undefined : exp * 1000]),
  }
}
