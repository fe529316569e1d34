// The POST .../serviceaccounts/NAME/token handler: defaults, validation, lookups, claims, signing.
// Imitates: pkg/registry/core/serviceaccount/storage/token.go (TokenREST.Create).

import type { KObject } from '../api/meta'
import { rfc3339 } from '../../common/time'
import type { Status } from '../apiserver/types'
import type { ClusterContext } from '../context'
import { Claims, ExpirationExtensionSeconds, WarnOnlyBoundTokenExpirationSeconds, type BoundTokenClaims, type Ref } from './claims'
import { invalid, newBadRequest, newConflict, newInvalid, newNotFound } from '../../common/apiErrors'
import type { TokenSigner } from './signer'
import { validateTokenRequest } from './validation'

const GROUP = 'authentication.k8s.io'

export interface BoundObjectReference { kind?: string; apiVersion?: string; name?: string; uid?: string }

/** Where the handler reads ServiceAccounts, Pods, Secrets and Nodes (the store, or a kubelet's watch cache). */
export interface TokenLookups {
  serviceAccount(namespace: string, name: string): KObject | undefined
  pod(namespace: string, name: string): KObject | undefined
  secret(namespace: string, name: string): KObject | undefined
  node(name: string): KObject | undefined
}

export function storeLookups(ctx: ClusterContext): TokenLookups {
  return {
    serviceAccount: (ns, name) => ctx.store.get('serviceaccounts', ns, name),
    pod: (ns, name) => ctx.store.get('pods', ns, name),
    secret: (ns, name) => ctx.store.get('secrets', ns, name),
    node: (name) => ctx.store.get('nodes', undefined, name),
  }
}

export interface TokenRequestArgs {
  namespace: string
  serviceAccountName: string
  body: unknown
  /** Who asked: `kubelet` when a node asked for its pod's token, else `TokenRequest`. */
  source?: 'kubelet' | 'TokenRequest'
  /**
   * A refresh the kubelet made while nobody looked, materialised later: the time it fell due
   * (iat, the fact's time) and the jti its refresh chain gives it. Absent: now and a fresh jti.
   */
  materialised?: { at: number; jti: string }
}

/** Everything of an issued token except its signature. */
export interface PreparedToken {
  claims: BoundTokenClaims
  /** The TokenRequest as the server returns it, without status. */
  request: { kind: 'TokenRequest'; apiVersion: string; metadata: Record<string, unknown>; spec: Record<string, unknown> }
  /** status.expirationTimestamp in ms (whole seconds): request time + spec.expirationSeconds (not the JWT exp). */
  expirationTime: number
  expirationSeconds: number
  pod?: { name: string; uid: string }
}

type Result<T> = { ok: true; value: T } | { ok: false; status: Status }

function fail(status: Status): { ok: false; status: Status } {
  return { ok: false, status }
}

function asObject(x: unknown): Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Record<string, unknown>) : {}
}

/** Decode errors as the JSON decoder reports them. */
function decodeError(field: string, goField: string, got: string, want: string): Status {
  return newBadRequest(`TokenRequest in version "v1" cannot be handled as a TokenRequest: json: cannot unmarshal ${got} into Go struct field ${goField}.${field} of type ${want}`)
}

const jsonType = (v: unknown) => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v === 'object' ? 'object' : typeof v)

/**
 * Everything TokenREST.Create does before signing, in the upstream order: name/namespace match,
 * ServiceAccount lookup, defaults, validation, bound object, the extension rule, Claims().
 * Uses `ctx.random.uuid()` for jti and `ctx.clock.now()` for iat (unless the request is materialised).
 */
export function prepareTokenRequest(
  ctx: ClusterContext, args: TokenRequestArgs, lookups: TokenLookups = storeLookups(ctx),
): Result<PreparedToken> {
  const newJTI = () => args.materialised?.jti ?? ctx.random.uuid()
  const { namespace, serviceAccountName: name } = args
  const body = asObject(args.body)
  const meta = asObject(body.metadata)
  const spec = asObject(body.spec)
  if (spec.expirationSeconds !== undefined && spec.expirationSeconds !== null && !Number.isInteger(spec.expirationSeconds)) {
    return fail(decodeError('spec.expirationSeconds', 'TokenRequestSpec', jsonType(spec.expirationSeconds), 'int64'))
  }
  if (spec.audiences !== undefined && spec.audiences !== null && (!Array.isArray(spec.audiences) || spec.audiences.some((a) => typeof a !== 'string'))) {
    return fail(decodeError('spec.audiences', 'TokenRequestSpec', jsonType(spec.audiences), '[]string'))
  }
  if (typeof meta.name === 'string' && meta.name !== '' && meta.name !== name) {
    return fail(newInvalid({ group: GROUP, kind: 'TokenRequest' }, name, [invalid('metadata.name', meta.name, 'must match the service account name if specified')]))
  }
  if (typeof meta.namespace === 'string' && meta.namespace !== '' && meta.namespace !== namespace) {
    return fail(newInvalid({ group: GROUP, kind: 'TokenRequest' }, name, [invalid('metadata.namespace', meta.namespace, 'must match the service account namespace if specified')]))
  }

  const sa = lookups.serviceAccount(namespace, name)
  if (!sa) return fail(newNotFound({ group: '', resource: 'serviceaccounts' }, name))

  // SetDefaults_TokenRequestSpec, then the server's audiences.
  const expirationSeconds = (spec.expirationSeconds as number | undefined) ?? 3600
  const requested = (spec.audiences as string[] | undefined) ?? []
  const audiences = requested.length === 0 ? [...ctx.config.apiAudiences] : requested
  const now = args.materialised?.at ?? ctx.clock.now()

  const errs = validateTokenRequest({ expirationSeconds })
  if (errs.length) return fail(newInvalid({ group: GROUP, kind: 'TokenRequest' }, '', errs))

  const refIn = asObject(spec.boundObjectRef)
  const hasRef = spec.boundObjectRef !== undefined && spec.boundObjectRef !== null
  let pod: KObject | undefined, secret: KObject | undefined, node: Ref | undefined
  if (hasRef) {
    const ref = refIn as BoundObjectReference
    const apiVersion = ref.apiVersion ?? ''
    const group = apiVersion.includes('/') ? apiVersion.split('/')[0] : ''
    const refName = ref.name ?? ''
    let uid = ''
    if (group === '' && ref.kind === 'Pod') {
      pod = lookups.pod(namespace, refName)
      if (!pod) return fail(newNotFound({ group: '', resource: 'pods' }, refName))
      const podSpec = asObject(pod.spec)
      if (name !== podSpec.serviceAccountName) {
        return fail(newBadRequest(`cannot bind token for serviceaccount ${JSON.stringify(name)} to pod running with different serviceaccount name.`))
      }
      uid = pod.metadata.uid
      const nodeName = podSpec.nodeName
      if (typeof nodeName === 'string' && nodeName !== '') {
        const n = lookups.node(nodeName)
        node = n ? { name: nodeName, uid: n.metadata.uid } : { name: nodeName }
      }
    } else if (group === '' && ref.kind === 'Node') {
      const n = lookups.node(refName)
      if (!n) return fail(newNotFound({ group: '', resource: 'nodes' }, refName))
      node = { name: refName, uid: n.metadata.uid }
      uid = n.metadata.uid
    } else if (group === '' && ref.kind === 'Secret') {
      secret = lookups.secret(namespace, refName)
      if (!secret) return fail(newNotFound({ group: '', resource: 'secrets' }, refName))
      uid = secret.metadata.uid
    } else {
      return fail(newBadRequest(`cannot bind token to object of type ${gvkString(apiVersion, ref.kind ?? '')}`))
    }
    if (ref.uid && ref.uid !== uid) {
      return fail(newConflict({ group, resource: ref.kind ?? '' }, refName, `the UID in the bound object reference (${ref.uid}) does not match the UID in record. The object might have been deleted and then recreated`))
    }
  }

  // The "safe transition" extension: pod-bound, exactly 3607 s, only API audiences.
  let exp = expirationSeconds
  let warnAfter = 0
  if (pod && expirationSeconds === WarnOnlyBoundTokenExpirationSeconds && audiences.every((a) => ctx.config.apiAudiences.includes(a))) {
    warnAfter = expirationSeconds
    exp = ExpirationExtensionSeconds
  }

  const claims = Claims({
    serviceAccount: sa, pod, secret, node, expirationSeconds: exp, warnAfter, audiences,
    issuer: ctx.config.issuer, now, jti: newJTI(),
  })
  if ('error' in claims) return fail({ ...newBadRequest(claims.error), reason: 'InternalError', code: 500 })

  const outSpec: Record<string, unknown> = { audiences, expirationSeconds, boundObjectRef: hasRef ? cleanRef(refIn as BoundObjectReference) : null }
  return {
    ok: true,
    value: {
      claims,
      request: {
        kind: 'TokenRequest',
        apiVersion: `${GROUP}/v1`,
        metadata: { name: sa.metadata.name, namespace: sa.metadata.namespace ?? namespace },
        spec: outSpec,
      },
      expirationTime: Math.floor(now / 1000) * 1000 + expirationSeconds * 1000,
      expirationSeconds,
      ...(pod ? { pod: { name: pod.metadata.name, uid: pod.metadata.uid } } : {}),
    },
  }
}

/** schema.GroupVersionKind.String(): `/v1, Kind=ConfigMap`, `apps/v1, Kind=Deployment`. */
function gvkString(apiVersion: string, kind: string): string {
  const [g, v] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion]
  return `${g}/${v}, Kind=${kind}`
}

/** BoundObjectReference in struct order (kind, apiVersion, name, uid), empty fields omitted. */
function cleanRef(r: BoundObjectReference): BoundObjectReference {
  const out: BoundObjectReference = {}
  if (r.kind) out.kind = r.kind
  if (r.apiVersion) out.apiVersion = r.apiVersion
  if (r.name) out.name = r.name
  if (r.uid) out.uid = r.uid
  return out
}

/** Append the `token.issued` fact of an issued token. */
export function recordIssued(ctx: ClusterContext, claims: BoundTokenClaims, source: 'kubelet' | 'TokenRequest', at = ctx.clock.now()): void {
  const k8s = claims['kubernetes.io']
  ctx.record({
    at,
    type: 'token.issued',
    namespace: k8s.namespace,
    serviceAccount: k8s.serviceaccount.name,
    jti: claims.jti,
    iat: claims.iat,
    exp: claims.exp,
    ...(k8s.warnafter !== undefined ? { warnafter: k8s.warnafter } : {}),
    ...(k8s.pod ? { pod: { name: k8s.pod.name, uid: k8s.pod.uid ?? '' } } : {}),
    source,
  })
}

/** The TokenRequest response object (kind, apiVersion, metadata, spec, status{token, expirationTimestamp}). */
export function tokenRequestObject(p: PreparedToken, token: string): Record<string, unknown> {
  return { ...p.request, status: { token, expirationTimestamp: rfc3339(p.expirationTime) } }
}

/** What TokenREST.Create returns: the TokenRequest object, and beside it the claims it signed (nobody decodes the token to learn them). */
export type TokenRequestResult = { ok: true; object: Record<string, unknown>; claims: BoundTokenClaims } | { ok: false; status: Status }

export async function createTokenRequest(ctx: ClusterContext, signer: TokenSigner, args: TokenRequestArgs): Promise<TokenRequestResult> {
  const r = prepareTokenRequest(ctx, args)
  if (!r.ok) return r
  recordIssued(ctx, r.value.claims, args.source ?? 'TokenRequest', args.materialised?.at)
  const token = await signer.sign(r.value.claims as unknown as Record<string, unknown>)
  return { ok: true, object: tokenRequestObject(r.value, token), claims: r.value.claims }
}
