// The kubelet's cache of service-account tokens for projected volumes, and when to refresh them.
// Imitates: pkg/kubelet/token/token_manager.go (Manager, GetServiceAccountToken, requiresRefresh,
// DeleteServiceAccountToken, keyFunc).

import type { ApiRequest } from '../../apiserver/types'
import type { ComponentClient } from '../../client/inProcess'
import type { ClusterContext } from '../../context'
import { Random } from '../../random'
import type { BoundObjectReference } from '../../serviceaccount/tokenrequest'
import type { BoundTokenClaims } from '../../serviceaccount/claims'
import type { TokenEntry, VolumeRecord } from '../state'

export const maxTTL = 24 * 60 * 60 * 1000
export const maxJitterSeconds = 10

export interface TokenRequestSpec { audiences: string[]; expirationSeconds: number; boundObjectRef: BoundObjectReference }

/** The parts of a cached TokenRequest requiresRefresh reads: spec.expirationSeconds and status.expirationTimestamp (ms). */
export interface CachedRequest { expirationSeconds: number; expirationTime: number }

/**
 * The jitter of refresh `index` of a chain: `time.Duration(rand.Float64()*maxJitter.Seconds())`
 * truncated to whole seconds (0-9). Drawn from a hash of the chain's seed and the index rather
 * than from a running generator, so that any refresh of the chain can be computed on its own.
 */
export function chainJitter(seed: number, index: number): number {
  let h = (seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b)
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
  h = (h ^ (h >>> 16)) >>> 0
  return Math.floor((h / 4294967296) * maxJitterSeconds)
}

/** The generator of refresh `index`'s random values (jti, directory name). */
export function chainRandom(seed: number, index: number): Random {
  return Random.fromSeed(`token-chain/${seed}/${index}`)
}

/** The threshold after which requiresRefresh is true (ms): min(iat + 24h, exp - 20% of the TTL) - jitter. */
export function refreshThreshold(tr: CachedRequest, jitterSeconds: number): number {
  const exp = tr.expirationTime
  const iat = exp - tr.expirationSeconds * 1000
  const jitter = jitterSeconds * 1000
  return Math.min(iat + maxTTL - jitter, exp - Math.floor((tr.expirationSeconds * 20) / 100) * 1000 - jitter)
}

/** requiresRefresh: past 24 h since issue, within 20% of the TTL of expiry (both minus jitter), or the clock went back. */
export function requiresRefresh(tr: CachedRequest, now: number, jitterSeconds: number): boolean {
  const exp = tr.expirationTime
  const iat = exp - tr.expirationSeconds * 1000
  const jitter = jitterSeconds * 1000
  if (now > iat + maxTTL - jitter) return true
  if (now > exp - Math.floor((tr.expirationSeconds * 20) / 100) * 1000 - jitter) return true
  if (now < iat) return true
  return false
}

/** keyFunc: `%q/%q/%#v/%#v/%#v` of name, namespace, audiences, expirationSeconds and boundObjectRef. */
export function keyFunc(name: string, namespace: string, spec: TokenRequestSpec): string {
  const auds = `[]string{${spec.audiences.map((a) => JSON.stringify(a)).join(', ')}}`
  const r = spec.boundObjectRef
  const ref = `&v1.BoundObjectReference{Kind:${JSON.stringify(r.kind ?? '')}, APIVersion:${JSON.stringify(r.apiVersion ?? '')}, Name:${JSON.stringify(r.name ?? '')}, UID:${JSON.stringify(r.uid ?? '')}}`
  return `${JSON.stringify(name)}/${JSON.stringify(namespace)}/${auds}/${spec.expirationSeconds}/${ref}`
}

type Issued = { ok: true; token: string; expirationTime: number; claims: BoundTokenClaims } | { ok: false; message: string }

export class TokenManager {
  constructor(
    private ctx: ClusterContext,
    private client: ComponentClient,
    private cache: Record<string, TokenEntry>,
  ) {}

  /**
   * The TokenRequest, through the API server with the node's identity:
   * `POST /api/v1/namespaces/NS/serviceaccounts/NAME/token`, the pod as bound object. The claims
   * come back beside the JWT (nothing decodes the token it just received).
   */
  private async requestToken(namespace: string, name: string, spec: TokenRequestSpec, materialised?: ApiRequest['materialised']): Promise<Issued> {
    const path = `/api/v1/namespaces/${namespace}/serviceaccounts/${name}/token`
    const res = await this.client.request('POST', path, { apiVersion: 'authentication.k8s.io/v1', kind: 'TokenRequest', spec }, materialised ? { materialised } : {})
    const status = (res.body as { status?: { token?: string; expirationTimestamp?: string } } | undefined)?.status
    if (res.status !== 201 || !res.issued || !status?.token || !status.expirationTimestamp) {
      return { ok: false, message: (res.body as { message?: string } | undefined)?.message ?? `HTTP ${res.status}` }
    }
    return { ok: true, token: status.token, expirationTime: Date.parse(status.expirationTimestamp), claims: res.issued.claims }
  }

  /** Replace the cache object (after restore). */
  setCache(cache: Record<string, TokenEntry>): void {
    this.cache = cache
  }

  get(id: string): TokenEntry | undefined {
    return this.cache[id]
  }

  /** GetServiceAccountToken: the cached token unless it needs a refresh; otherwise a TokenRequest (signed now). */
  async getServiceAccountToken(id: string, podUID: string, volume: string, namespace: string, name: string, spec: TokenRequestSpec): Promise<{ ok: true; entry: TokenEntry } | { ok: false; message: string }> {
    const cached = this.cache[id]
    if (cached && !requiresRefresh(this.request(cached), this.ctx.clock.now(), cached.jitter)) return { ok: true, entry: cached }
    const r = await this.requestToken(namespace, name, spec)
    if (!r.ok) return { ok: false, message: `failed to fetch token: ${r.message}` }
    const entry: TokenEntry = {
      id, key: keyFunc(name, namespace, spec), podUID, volume, namespace, serviceAccountName: name, spec,
      expirationTime: r.expirationTime, claims: r.claims, token: r.token,
      chainSeed: this.ctx.random.nextUint32(), index: 0, jitter: 0, chainStart: r.expirationTime,
    }
    entry.jitter = chainJitter(entry.chainSeed, 0)
    this.cache[id] = entry
    return { ok: true, entry }
  }

  request(e: TokenEntry): CachedRequest {
    return { expirationSeconds: e.spec.expirationSeconds, expirationTime: e.expirationTime }
  }

  /** When the entry's refresh falls due: the first millisecond at which requiresRefresh holds. */
  refreshAt(e: TokenEntry): number {
    return refreshThreshold(this.request(e), e.jitter) + 1
  }

  /**
   * Walk the refresh chain of an entry from its current token without changing it: calls `visit`
   * with the time of each refresh up to `until` (ms) and returns how many there were. Pure
   * arithmetic, so a year of refreshes of many pods costs milliseconds. `visit` may return true
   * to stop early.
   */
  walk(e: TokenEntry, until: number, visit?: (at: number, index: number) => boolean | void): number {
    // refreshThreshold(), unrolled: no object per step (a year of 200 pods is two million steps)
    const ttl = e.spec.expirationSeconds * 1000
    const cut = Math.floor((e.spec.expirationSeconds * 20) / 100) * 1000
    let exp = e.expirationTime
    let jitter = e.jitter * 1000
    let n = 0
    for (;;) {
      const at = Math.min(exp - ttl + maxTTL - jitter, exp - cut - jitter) + 1
      if (at > until) break
      n++
      if (visit?.(at, e.index + n) === true) break
      exp = Math.floor(at / 1000) * 1000 + ttl
      jitter = chainJitter(e.chainSeed, e.index + n) * 1000
    }
    return n
  }

  /**
   * The kubelet's refresh times of an entry's whole chain (from the token requested at mount)
   * that fall in [from, to], at most `max` of them (for the timeline).
   */
  refreshTimes(e: TokenEntry, from: number, to: number, max = 500): number[] {
    // Walk from the current token when the window starts after it was issued, else from the mount.
    const currentIat = e.expirationTime - e.spec.expirationSeconds * 1000
    const start: TokenEntry = from >= currentIat ? e : { ...e, index: 0, expirationTime: e.chainStart, jitter: chainJitter(e.chainSeed, 0) }
    const out: number[] = []
    this.walk(start, to, (at) => {
      if (at >= from) out.push(at)
      return out.length >= max
    })
    return out
  }

  /** How many refreshes fall due in (from, to] over all cached tokens (for `lab advance`'s summary). */
  refreshesBetween(from: number, to: number): number {
    let n = 0
    for (const e of Object.values(this.cache)) n += this.walk(e, to) - this.walk(e, from)
    return n
  }

  /**
   * Bring an entry up to `now`: the token manager refreshes at each due point, but nobody can
   * see the tokens in between, so only the latest refresh is sent, now that someone looks: the
   * TokenRequest it made when it fell due (that time and its chain's jti; the API server records
   * it at that time and signs it), and its volume's `..data` directory swapped as the AtomicWriter
   * would. If the request fails (ServiceAccount or pod gone), the old token stays, as the kubelet
   * keeps serving it (`Couldn't update token`).
   */
  async catchUp(id: string, now: number, volume?: VolumeRecord): Promise<void> {
    const e = this.cache[id]
    if (!e) return
    let last: { at: number; index: number } | undefined
    this.walk(e, now, (at, index) => { last = { at, index } })
    if (!last) {
      if (e.token === undefined) await this.resend(e)
      return
    }
    const random = chainRandom(e.chainSeed, last.index)
    const r = await this.requestToken(e.namespace, e.serviceAccountName, e.spec, { at: last.at, jti: random.uuid() })
    if (!r.ok) return
    e.claims = r.claims
    e.token = r.token
    e.expirationTime = r.expirationTime
    e.index = last.index
    e.jitter = chainJitter(e.chainSeed, e.index)
    if (volume) {
      volume.tsSuffix = String(random.nextUint32())
      volume.writtenAt = last.at
    }
  }

  /** A lab saved before refreshes went through the API server kept unsigned claims: ask again for the same token. */
  private async resend(e: TokenEntry): Promise<void> {
    const r = await this.requestToken(e.namespace, e.serviceAccountName, e.spec, { at: e.claims.iat * 1000, jti: e.claims.jti })
    if (r.ok) e.token = r.token
  }

  /** The JWT of an entry (see catchUp). */
  token(id: string): string | undefined {
    return this.cache[id]?.token
  }

  /** Entries of one pod. */
  entriesOf(podUID: string): TokenEntry[] {
    return Object.values(this.cache).filter((e) => e.podUID === podUID)
  }

  /** DeleteServiceAccountToken: drop every cached token bound to the pod. */
  deleteServiceAccountToken(podUID: string): string[] {
    const gone = Object.keys(this.cache).filter((k) => this.cache[k].podUID === podUID)
    for (const k of gone) delete this.cache[k]
    return gone
  }
}
