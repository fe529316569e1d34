// Ensures the `default` ServiceAccount exists in every Active namespace; a deleted one comes back with a new uid.
// Imitates: pkg/controller/serviceaccount/serviceaccounts_controller.go

import { namespacePhase } from '../../api/core'
import type { ComponentClient } from '../../client/inProcess'
import type { ClusterContext } from '../../context'
import { enqueue } from '../queue'

export const SERVICE_ACCOUNTS_SYNC = 'serviceaccount-controller.sync'
export const DEFAULT_SERVICE_ACCOUNT = 'default'

/** `client`: the controller's own identity (system:serviceaccount:kube-system:service-account-controller). */
export function startServiceAccountsController(ctx: ClusterContext, client: ComponentClient): void {
  ctx.store.watch((e) => {
    if (e.resource === 'namespaces' && e.type !== 'DELETED') enqueue(ctx, SERVICE_ACCOUNTS_SYNC, e.object.metadata.name)
    if (e.resource === 'serviceaccounts' && e.type === 'DELETED' && e.object.metadata.name === DEFAULT_SERVICE_ACCOUNT) {
      enqueue(ctx, SERVICE_ACCOUNTS_SYNC, e.object.metadata.namespace ?? '')
    }
  })
  ctx.onWork(SERVICE_ACCOUNTS_SYNC, (data) => syncNamespace(ctx, client, String(data.key)))
}

/** Reads come from the informers' caches (the store); the create goes through the API server. */
export async function syncNamespace(ctx: ClusterContext, client: ComponentClient, namespace: string): Promise<void> {
  const ns = ctx.store.get('namespaces', undefined, namespace)
  if (!ns || namespacePhase(ns) !== 'Active') return
  if (ctx.store.get('serviceaccounts', namespace, DEFAULT_SERVICE_ACCOUNT)) return
  await client.request('POST', `/api/v1/namespaces/${namespace}/serviceaccounts`, {
    apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: DEFAULT_SERVICE_ACCOUNT, namespace },
  })
}
