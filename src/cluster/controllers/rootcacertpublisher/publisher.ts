// Publishes the cluster CA as ConfigMap kube-root-ca.crt in every Active namespace; recreates it when
// deleted and restores its data when edited.
// Imitates: pkg/controller/certificates/rootcacertpublisher/publisher.go

import { namespacePhase } from '../../api/core'
import type { ComponentClient } from '../../client/inProcess'
import type { ClusterContext } from '../../context'
import { CLUSTER_CA_PEM } from '../../pki/fixed'
import { enqueue } from '../queue'

export const ROOT_CA_CONFIGMAP_NAME = 'kube-root-ca.crt'
export const DESCRIPTION_ANNOTATION = 'kubernetes.io/description'
export const DESCRIPTION = 'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.'
export const ROOT_CA_SYNC = 'root-ca-cert-publisher.sync'

/** `client`: the controller's own identity (system:serviceaccount:kube-system:root-ca-cert-publisher). */
export function startRootCACertPublisher(ctx: ClusterContext, client: ComponentClient): void {
  ctx.store.watch((e) => {
    if (e.resource === 'namespaces' && e.type !== 'DELETED') enqueue(ctx, ROOT_CA_SYNC, e.object.metadata.name)
    if (e.resource === 'configmaps' && e.type !== 'ADDED' && e.object.metadata.name === ROOT_CA_CONFIGMAP_NAME) {
      enqueue(ctx, ROOT_CA_SYNC, e.object.metadata.namespace ?? '')
    }
  })
  ctx.onWork(ROOT_CA_SYNC, (data) => syncNamespace(ctx, client, String(data.key)))
}

function sameData(a: Record<string, string> | undefined, b: Record<string, string>): boolean {
  const x = a ?? {}
  return Object.keys(x).length === Object.keys(b).length && Object.entries(b).every(([k, v]) => x[k] === v)
}

/** Reads come from the informers' caches (the store); writes go through the API server. */
export async function syncNamespace(ctx: ClusterContext, client: ComponentClient, namespace: string): Promise<void> {
  const ns = ctx.store.get('namespaces', undefined, namespace)
  if (!ns || namespacePhase(ns) !== 'Active' || ns.metadata.deletionTimestamp) return
  const data = { 'ca.crt': CLUSTER_CA_PEM }
  const cm = ctx.store.get('configmaps', namespace, ROOT_CA_CONFIGMAP_NAME)
  const path = `/api/v1/namespaces/${namespace}/configmaps`
  if (!cm) {
    await client.request('POST', path, {
      apiVersion: 'v1', kind: 'ConfigMap',
      metadata: { name: ROOT_CA_CONFIGMAP_NAME, namespace, annotations: { [DESCRIPTION_ANNOTATION]: DESCRIPTION } },
      data,
    })
    return
  }
  if (sameData(cm.data, data) && cm.metadata.annotations?.[DESCRIPTION_ANNOTATION]) return
  cm.data = data
  cm.metadata.annotations = { ...cm.metadata.annotations }
  cm.metadata.annotations[DESCRIPTION_ANNOTATION] = DESCRIPTION
  await client.request('PUT', `${path}/${ROOT_CA_CONFIGMAP_NAME}`, cm)
}
