// The kubelet's cache of service-account tokens for projected volumes, and when to refresh them.
// Imitates: pkg/kubelet/token/token_manager.go (Manager, GetServiceAccountToken, requiresRefresh,
// DeleteServiceAccountToken, keyFunc).

import type { ClusterContext } from '../../context'
import type { Random } from '../../random'
import { prepareTokenRequest, recordIssued, createTokenRequest, type TokenLookups, type BoundObjectReference } from '../../serviceaccount/tokenrequest'
import type { TokenSigner } from '../../serviceaccount/signer'
import type { BoundTokenClaims } from '../../serviceaccount/claims'
import { signSync } from '../../serviceaccount/lazysign'
import type { TokenEntry } from '../state'
import { b64urlDecode } from '../../../jwt/base64url'

export const maxTTL = 24 * 60 * 60 * 1000
export const maxJitterSeconds = 10

export interface TokenRequestSpec { audiences: string[]; expirationSeconds: number; boundObjectRef: BoundObjectReference }

/** The parts of a cached TokenRequest requiresRefresh reads: spec.expirationSeconds and status.expirationTimestamp (ms). */
export interface CachedRequest { expirationSeconds: number; expirationTime: number }

/** `time.Duration(rand.Float64()*maxJitter.Seconds()) * time.Second`: whole seconds 0 to 9. */
export function drawJitter(random: Random): number {
  return Math.floor(random.float() * maxJitterSeconds)
}

const hex8 = (n: number) => n.toString(16).padStart(8, '0')

/** A version-4 UUID from four words of the generator (cheaper than Random.uuid for a year of refreshes). */
export function quickUUID(random: Random): string {
  const a = random.nextUint32(), b = random.nextUint32(), c = random.nextUint32(), d = random.nextUint32()
  const h = hex8(a) + hex8(((b & 0xffff0fff) | 0x4000) >>> 0) + hex8(((c & 0x3fffffff) | 0x80000000) >>> 0) + hex8(d)
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
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

export class TokenManager {
  constructor(
    private ctx: ClusterContext,
    private signer: TokenSigner,
    private cache: Record<string, TokenEntry>,
    private lookups: TokenLookups,
  ) {}

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
    const r = await createTokenRequest(this.ctx, this.signer, {
      namespace, serviceAccountName: name, source: 'kubelet',
      body: { apiVersion: 'authentication.k8s.io/v1', kind: 'TokenRequest', spec },
    })
    if (!r.ok) return { ok: false, message: `failed to fetch token: ${r.status.message}` }
    const status = r.object.status as { token: string; expirationTimestamp: string }
    const payload = b64urlDecode(status.token.split('.')[1])
    if ('error' in payload) return { ok: false, message: `failed to fetch token: ${payload.error}` }
    const claims = JSON.parse(new TextDecoder().decode(payload.bytes)) as BoundTokenClaims
    const entry: TokenEntry = {
      id, key: keyFunc(name, namespace, spec), podUID, volume, namespace, serviceAccountName: name, spec,
      expirationTime: Date.parse(status.expirationTimestamp), claims, jitter: drawJitter(this.ctx.random), token: status.token, failures: 0,
    }
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
   * Refresh an entry: a new TokenRequest whose claims are fixed now (jti, iat) and whose signature
   * is made only when the file is read. On failure the old token stays (`Couldn't update token`).
   */
  refresh(id: string): { ok: true; entry: TokenEntry } | { ok: false; message: string } {
    const e = this.cache[id]
    if (!e) return { ok: false, message: `no token ${id}` }
    const r = prepareTokenRequest(this.ctx, {
      namespace: e.namespace, serviceAccountName: e.serviceAccountName, source: 'kubelet',
      body: { apiVersion: 'authentication.k8s.io/v1', kind: 'TokenRequest', spec: e.spec },
    }, this.lookups, () => quickUUID(this.ctx.random))
    if (!r.ok) {
      e.failures++
      return { ok: false, message: r.status.message ?? '' }
    }
    recordIssued(this.ctx, r.value, 'kubelet')
    e.claims = r.value.claims
    e.expirationTime = r.value.expirationTime
    e.jitter = drawJitter(this.ctx.random)
    e.token = undefined
    e.failures = 0
    return { ok: true, entry: e }
  }

  /** The JWT of an entry, signed on first read (the same bytes whenever it is read). */
  token(id: string): string | undefined {
    const e = this.cache[id]
    if (!e) return undefined
    e.token ??= signSync(this.signer, e.claims)
    return e.token
  }

  /** DeleteServiceAccountToken: drop every cached token bound to the pod. */
  deleteServiceAccountToken(podUID: string): string[] {
    const gone = Object.keys(this.cache).filter((k) => this.cache[k].podUID === podUID)
    for (const k of gone) delete this.cache[k]
    return gone
  }
}
