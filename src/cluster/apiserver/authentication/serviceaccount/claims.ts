// The validator of bound tokens: times with one minute of leeway, then the ServiceAccount (name
// and uid), the bound Secret, Pod or Node, then the stale-token annotation past `warnafter`.
// Imitates: pkg/serviceaccount/claims.go (validator.Validate)

import { unmarshalTypeError, validateTimes, DEFAULT_LEEWAY_MS } from './publicclaims'
import { deletedBefore, isLookupError, type ServiceAccountTokenGetter } from './getter'
import { fail, type Validator } from './validator'
import type { ServiceAccountInfo } from './userinfo'

export const STALE_TOKEN_ANNOTATION = 'authentication.k8s.io/stale-token'
export const INVALIDATED = 'service account token has been invalidated'

interface Ref { name: string; uid: string }
interface KubernetesClaim { namespace: string; serviceaccount: Ref; pod?: Ref; secret?: Ref; node?: Ref; warnafter?: number }

const TIME_ERRORS = {
  ErrExpired: 'service account token has expired',
  ErrNotValidYet: 'service account token is not valid yet',
  ErrIssuedInTheFuture: 'service account token is issued in the future',
} as const

function ref(v: unknown, field: string): Ref | undefined | { error: string } {
  if (v === undefined || v === null) return undefined
  if (typeof v !== 'object' || Array.isArray(v)) return { error: unmarshalTypeError(v, 'kubernetes', field, 'serviceaccount.ref') }
  const o = v as Record<string, unknown>
  for (const k of ['name', 'uid']) {
    if (o[k] !== undefined && o[k] !== null && typeof o[k] !== 'string') return { error: unmarshalTypeError(o[k], 'ref', k, 'string') }
  }
  return { name: (o.name as string | undefined) ?? '', uid: (o.uid as string | undefined) ?? '' }
}

/** The `kubernetes.io` private claim as json.Unmarshal fills privateClaims. */
export function parseKubernetesClaim(payload: Record<string, unknown>): KubernetesClaim | { error: string } {
  const raw = payload['kubernetes.io']
  if (raw === undefined || raw === null) return { namespace: '', serviceaccount: { name: '', uid: '' } }
  if (typeof raw !== 'object' || Array.isArray(raw)) return { error: unmarshalTypeError(raw, 'privateClaims', 'kubernetes.io', 'serviceaccount.kubernetes') }
  const o = raw as Record<string, unknown>
  if (o.namespace !== undefined && o.namespace !== null && typeof o.namespace !== 'string') return { error: unmarshalTypeError(o.namespace, 'kubernetes', 'namespace', 'string') }
  const out: KubernetesClaim = { namespace: (o.namespace as string | undefined) ?? '', serviceaccount: { name: '', uid: '' } }
  for (const k of ['serviceaccount', 'pod', 'secret', 'node'] as const) {
    const r = ref(o[k], k)
    if (r && 'error' in r) return r
    if (r) out[k] = r
  }
  if (o.warnafter !== undefined && o.warnafter !== null) {
    if (typeof o.warnafter !== 'number') return { error: 'go-jose/go-jose/jwt: expected number value to unmarshal NumericDate' }
    out.warnafter = Math.trunc(o.warnafter)
  }
  return out
}

export function boundTokenValidator(getter: ServiceAccountTokenGetter): Validator {
  return {
    validate(_token, pub, payload, ctx, now) {
      const k8s = parseKubernetesClaim(payload)
      if ('error' in k8s) return fail('malformed-claims', k8s.error)
      const t = validateTimes(pub, now)
      if (t) return fail(t === 'ErrExpired' ? 'expired' : 'not-yet-valid', TIME_ERRORS[t])
      // consider things deleted prior to now()-leeway to be invalid
      const invalidIfDeletedBefore = now - DEFAULT_LEEWAY_MS
      const { namespace, serviceaccount: saref, pod: podref, secret: secref, node: noderef } = k8s

      const sa = getter.getServiceAccount(namespace, saref.name)
      if (isLookupError(sa)) return fail('serviceaccount-gone', sa.error)
      if (deletedBefore(sa, invalidIfDeletedBefore)) return fail('serviceaccount-gone', `service account ${namespace}/${saref.name} has been deleted`)
      if (sa.metadata.uid !== saref.uid) return fail('serviceaccount-recreated', `service account UID (${sa.metadata.uid}) does not match claim (${saref.uid})`, { current: sa.metadata.uid, claimed: saref.uid })

      if (secref) {
        const secret = getter.getSecret(namespace, secref.name)
        if (isLookupError(secret) || deletedBefore(secret, invalidIfDeletedBefore)) return fail('bound-object-gone', INVALIDATED)
        if (secret.metadata.uid !== secref.uid) return fail('secret-recreated', `secret UID (${secret.metadata.uid}) does not match service account secret ref claim (${secref.uid})`, { current: secret.metadata.uid, claimed: secref.uid })
      }

      const info: ServiceAccountInfo = { namespace, name: saref.name, uid: saref.uid }
      if (podref) {
        const pod = getter.getPod(namespace, podref.name)
        if (isLookupError(pod) || deletedBefore(pod, invalidIfDeletedBefore)) return fail('bound-object-gone', INVALIDATED)
        if (pod.metadata.uid !== podref.uid) return fail('pod-recreated', `pod UID (${pod.metadata.uid}) does not match service account pod ref claim (${podref.uid})`, { current: pod.metadata.uid, claimed: podref.uid })
        info.podName = podref.name
        info.podUID = podref.uid
      }

      if (noderef) {
        if (!podref) {
          // a token bound to the Node itself (ServiceAccountTokenNodeBindingValidation, GA in 1.32)
          const node = getter.getNode(noderef.name)
          if (isLookupError(node) || deletedBefore(node, invalidIfDeletedBefore)) return fail('bound-object-gone', INVALIDATED)
          if (noderef.uid && node.metadata.uid !== noderef.uid) return fail('node-recreated', `node UID (${node.metadata.uid}) does not match service account node ref claim (${noderef.uid})`, { current: node.metadata.uid, claimed: noderef.uid })
        }
        // for pod-bound tokens the node claims are only copied (ServiceAccountTokenPodNodeInfo)
        info.nodeName = noderef.name
        if (noderef.uid) info.nodeUID = noderef.uid
      }

      if (pub.jti) info.credentialID = `JTI=${pub.jti}`

      if (k8s.warnafter && now > k8s.warnafter * 1000) {
        const seconds = Math.floor(now / 1000) - k8s.warnafter
        ctx.annotations[STALE_TOKEN_ANNOTATION] = `subject: ${pub.sub}, seconds after warning threshold: ${seconds}`
      }
      return info
    },
  }
}
