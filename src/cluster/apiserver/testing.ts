// Test helpers: a real cluster (signer, TokenRequest, kubelet) driven through API requests as
// kubectl or curl would send them, and forging of tokens with node:crypto.

import { createHmac, createPublicKey, generateKeyPairSync, createPrivateKey, sign as nodeSign } from 'node:crypto'
import { createCluster, type Cluster } from '../cluster'
import { FIXED_SA_SIGNING_JWK } from '../pki/fixed'
import { Random } from '../random'
import type { ApiRequest, ApiResponse } from './types'

export const START = Date.parse('2026-11-29T15:30:00Z')
export const ADMIN = { commonName: 'admin', organizations: ['system:masters'], signedByClusterCA: true }
export const KUBECTL_UA = 'kubectl/v1.35.0 (linux/amd64) kubernetes/6645204'
export const CURL_UA = 'curl/7.88.1'

export const asAdmin = (c: Cluster, method: ApiRequest['method'], path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse> =>
  c.handle({ method, path, headers: { 'user-agent': KUBECTL_UA, ...headers }, body, clientCert: ADMIN })

export const withToken = (c: Cluster, token: string, path = '/api/v1/namespaces/sa-demo/pods', method: ApiRequest['method'] = 'GET', body?: unknown): Promise<ApiResponse> =>
  c.handle({ method, path, headers: { authorization: `Bearer ${token}`, 'user-agent': CURL_UA, accept: '*/*' }, body })

export const podSpec = (name: string) => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name },
  spec: { containers: [{ name, image: 'registry.k8s.io/e2e-test-images/agnhost:2.45', command: ['sleep', '100000'] }] },
})

/** A cluster with namespace sa-demo and a running pod `app`. */
export async function labWithPod(seed = 'authn'): Promise<Cluster> {
  const c = await createCluster({ startMs: START, random: Random.fromSeed(seed), deterministic: true })
  await asAdmin(c, 'POST', '/api/v1/namespaces', { metadata: { name: 'sa-demo' } })
  await asAdmin(c, 'POST', '/api/v1/namespaces/sa-demo/pods', podSpec('app'))
  await c.advanceTo(c.now() + 60_000)
  return c
}

export async function podUID(c: Cluster, name = 'app'): Promise<string> {
  return ((await asAdmin(c, 'GET', `/api/v1/namespaces/sa-demo/pods/${name}`)).body as { metadata: { uid: string } }).metadata.uid
}

/** POST serviceaccounts/SA/token as the admin; the raw JWT. */
export async function mintToken(c: Cluster, spec: Record<string, unknown> = {}, sa = 'default'): Promise<string> {
  const res = await asAdmin(c, 'POST', `/api/v1/namespaces/sa-demo/serviceaccounts/${sa}/token`, { apiVersion: 'authentication.k8s.io/v1', kind: 'TokenRequest', spec })
  if (res.status !== 201) throw new Error(`token request failed: ${JSON.stringify(res.body)}`)
  return (res.body as { status: { token: string } }).status.token
}

/** A pod-bound token as the kubelet asks for it (3607 s: a one-year token with warnafter). */
export async function mintPodToken(c: Cluster, pod = 'app'): Promise<string> {
  return mintToken(c, { expirationSeconds: 3607, boundObjectRef: { kind: 'Pod', apiVersion: 'v1', name: pod, uid: await podUID(c, pod) } })
}

export const b64url = (b: Buffer | string) => Buffer.from(b).toString('base64url')
export const decodePart = (t: string, i: number) => JSON.parse(Buffer.from(t.split('.')[i], 'base64url').toString()) as Record<string, unknown>

const fixedKey = createPrivateKey({ key: { ...FIXED_SA_SIGNING_JWK }, format: 'jwk' })

/** Sign header and payload with a key (the cluster's fixed deterministic key by default). */
export function signRS256(header: Record<string, unknown>, payload: Record<string, unknown>, key = fixedKey): string {
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`
  return `${input}.${b64url(nodeSign('RSA-SHA256', Buffer.from(input), key))}`
}

export function signHS256(header: Record<string, unknown>, payload: Record<string, unknown>, secret: string): string {
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`
  return `${input}.${b64url(createHmac('sha256', secret).update(input).digest())}`
}

export const otherKey = () => generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey

/** The cluster's public key as PEM (what an attacker would use as an HMAC secret). */
export function publicKeyPEM(): string {
  const { n, e } = FIXED_SA_SIGNING_JWK
  return createPublicKey({ key: { kty: 'RSA', n, e }, format: 'jwk' }).export({ type: 'spki', format: 'pem' }).toString()
}
