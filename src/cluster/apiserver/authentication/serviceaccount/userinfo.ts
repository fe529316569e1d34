// The user a service-account token authenticates as: name, uid, groups and the extra keys.
// Imitates: k8s.io/apiserver/pkg/authentication/serviceaccount/util.go (ServiceAccountInfo.UserInfo,
// MakeUsername, MakeGroupNames, SplitUsername).

import type { UserInfo } from '../../types'

export const POD_NAME_KEY = 'authentication.kubernetes.io/pod-name'
export const POD_UID_KEY = 'authentication.kubernetes.io/pod-uid'
export const NODE_NAME_KEY = 'authentication.kubernetes.io/node-name'
export const NODE_UID_KEY = 'authentication.kubernetes.io/node-uid'
export const CREDENTIAL_ID_KEY = 'authentication.kubernetes.io/credential-id'
export const ISSUED_CREDENTIAL_ID_ANNOTATION = 'authentication.kubernetes.io/issued-credential-id'

export interface ServiceAccountInfo {
  namespace: string
  name: string
  uid: string
  podName?: string
  podUID?: string
  credentialID?: string
  nodeName?: string
  nodeUID?: string
}

export const makeUsername = (namespace: string, name: string) => `system:serviceaccount:${namespace}:${name}`
export const makeGroupNames = (namespace: string) => ['system:serviceaccounts', `system:serviceaccounts:${namespace}`]

/** `system:serviceaccount:<ns>:<name>` split into its parts, or undefined. */
export function splitUsername(username: string): { namespace: string; name: string } | undefined {
  const prefix = 'system:serviceaccount:'
  if (!username.startsWith(prefix)) return undefined
  const parts = username.slice(prefix.length).split(':')
  if (parts.length !== 2 || !parts[0] || !parts[1]) return undefined
  return { namespace: parts[0], name: parts[1] }
}

/** The extra map with keys sorted, as Go's encoding/json writes a map. */
export function sortedExtra(extra: Record<string, string[]>): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  for (const k of Object.keys(extra).sort()) out[k] = extra[k]
  return out
}

export function serviceAccountUserInfo(sa: ServiceAccountInfo): UserInfo {
  const extra: Record<string, string[]> = {}
  if (sa.podName && sa.podUID) {
    extra[POD_NAME_KEY] = [sa.podName]
    extra[POD_UID_KEY] = [sa.podUID]
  }
  if (sa.credentialID) extra[CREDENTIAL_ID_KEY] = [sa.credentialID]
  if (sa.nodeName) {
    extra[NODE_NAME_KEY] = [sa.nodeName]
    if (sa.nodeUID) extra[NODE_UID_KEY] = [sa.nodeUID]
  }
  const info: UserInfo = { username: makeUsername(sa.namespace, sa.name), uid: sa.uid, groups: makeGroupNames(sa.namespace) }
  if (Object.keys(extra).length) info.extra = sortedExtra(extra)
  return info
}
