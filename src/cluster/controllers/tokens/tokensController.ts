// Legacy service-account token Secrets (type kubernetes.io/service-account-token): the tokens
// controller fills them with token, ca.crt and namespace (and the uid annotation), deletes them
// when their ServiceAccount is missing, and deletes them with their ServiceAccount.
// Imitates: pkg/controller/serviceaccount/tokens_controller.go (syncSecret, syncServiceAccount, generateTokenIfNeeded)

import type { KObject } from '../../api/meta'
import type { ComponentClient } from '../../client/inProcess'
import type { ClusterContext } from '../../context'
import { CLUSTER_CA_PEM } from '../../pki/fixed'
import { enqueue } from '../queue'
import { legacyClaims, type LegacySigner } from './legacyClaims'
import { encodeBase64Text as base64 } from '../../../common/base64'

export const TOKENS_SYNC_SECRET = 'tokens-controller.sync-secret'
export const TOKENS_SYNC_SA = 'tokens-controller.sync-serviceaccount'
export const SERVICE_ACCOUNT_TOKEN_TYPE = 'kubernetes.io/service-account-token'
export const SA_NAME_ANNOTATION = 'kubernetes.io/service-account.name'
export const SA_UID_ANNOTATION = 'kubernetes.io/service-account.uid'


const isTokenSecret = (o: KObject) => o.type === SERVICE_ACCOUNT_TOKEN_TYPE

/**
 * Start the controller. The controller manager calls this without a signer (the core's own tests
 * run without one): then it does nothing. The cluster starts it again with the signer and the
 * controller manager's root client (user system:kube-controller-manager), as upstream does.
 */
export function startTokensController(ctx: ClusterContext, signer?: LegacySigner, client?: ComponentClient): void {
  if (!signer || !client) return
  ctx.store.watch((e) => {
    const { namespace = '', name } = e.object.metadata
    if (e.resource === 'secrets' && e.type !== 'DELETED' && isTokenSecret(e.object)) enqueue(ctx, TOKENS_SYNC_SECRET, `${namespace}/${name}`)
    if (e.resource === 'serviceaccounts' && e.type === 'DELETED') enqueue(ctx, TOKENS_SYNC_SA, `${namespace}/${name}/${e.object.metadata.uid}`)
  })
  ctx.onWork(TOKENS_SYNC_SECRET, (d) => syncSecret(ctx, signer, client, String(d.key)))
  ctx.onWork(TOKENS_SYNC_SA, (d) => syncServiceAccount(ctx, client, String(d.key)))
}

/** getServiceAccount: the SA by name, and only if its uid matches the annotation when one is set. */
function serviceAccountOf(ctx: ClusterContext, secret: KObject): KObject | undefined {
  const ann = secret.metadata.annotations ?? {}
  const sa = ctx.store.get('serviceaccounts', secret.metadata.namespace, ann[SA_NAME_ANNOTATION] ?? '')
  if (!sa) return undefined
  const uid = ann[SA_UID_ANNOTATION]
  return uid && uid !== sa.metadata.uid ? undefined : sa
}

const secretPath = (namespace: string, name: string) => `/api/v1/namespaces/${namespace}/secrets/${name}`

/** Reads come from the informers' caches (the store); writes go through the API server. */
export async function syncSecret(ctx: ClusterContext, signer: LegacySigner, client: ComponentClient, key: string): Promise<void> {
  const [namespace, name] = key.split('/')
  const secret = ctx.store.get('secrets', namespace, name)
  if (!secret || !isTokenSecret(secret)) return
  const sa = serviceAccountOf(ctx, secret)
  if (!sa) {
    // Service account does not exist, deleting token
    await client.request('DELETE', secretPath(namespace, name), { kind: 'DeleteOptions', apiVersion: 'v1', preconditions: { uid: secret.metadata.uid } })
    return
  }
  const data: Record<string, string> = { ...secret.data }
  const needsCA = data['ca.crt'] !== base64(CLUSTER_CA_PEM)
  const needsNamespace = !data.namespace
  const needsToken = !data.token
  if (!needsCA && !needsNamespace && !needsToken) return
  if (needsCA) data['ca.crt'] = base64(CLUSTER_CA_PEM)
  if (needsNamespace) data.namespace = base64(namespace)
  if (needsToken) data.token = base64(await signer.sign(legacyClaims(sa, secret)))
  // signing may have yielded: write only onto the version that was read
  const live = ctx.store.get('secrets', namespace, name)
  if (!live || live.metadata.uid !== secret.metadata.uid) return
  live.data = data
  live.metadata.annotations = { ...live.metadata.annotations, [SA_NAME_ANNOTATION]: sa.metadata.name, [SA_UID_ANNOTATION]: sa.metadata.uid }
  await client.request('PUT', secretPath(namespace, name), live)
}

/** A deleted ServiceAccount takes its token Secrets with it. */
export async function syncServiceAccount(ctx: ClusterContext, client: ComponentClient, key: string): Promise<void> {
  const [namespace, name, uid] = key.split('/')
  if (ctx.store.get('serviceaccounts', namespace, name)?.metadata.uid === uid) return
  for (const s of ctx.store.read('secrets', namespace)) {
    const ann = s.metadata.annotations ?? {}
    if (!isTokenSecret(s) || ann[SA_NAME_ANNOTATION] !== name) continue
    if (ann[SA_UID_ANNOTATION] && ann[SA_UID_ANNOTATION] !== uid) continue
    await client.request('DELETE', secretPath(namespace, s.metadata.name), { kind: 'DeleteOptions', apiVersion: 'v1', preconditions: { uid: s.metadata.uid } })
  }
}
