// Ensures the `default` ServiceAccount exists in every Active namespace; a deleted one comes back with a new uid.
// Imitates: pkg/controller/serviceaccount/serviceaccountsController.go

import { namespacePhase } from '../../api/core'
import type { ClusterContext } from '../../context'
import { createObject, enqueue } from '../queue'

export const SERVICE_ACCOUNTS_SYNC = 'serviceaccount-controller.sync'
export const DEFAULT_SERVICE_ACCOUNT = 'default'

export function startServiceAccountsController(ctx: ClusterContext): void {
  ctx.store.watch((e) => {
    if (e.resource === 'namespaces' && e.type !== 'DELETED') enqueue(ctx, SERVICE_ACCOUNTS_SYNC, e.object.metadata.name)
    if (e.resource === 'serviceaccounts' && e.type === 'DELETED' && e.object.metadata.name === DEFAULT_SERVICE_ACCOUNT) {
      enqueue(ctx, SERVICE_ACCOUNTS_SYNC, e.object.metadata.namespace ?? '')
    }
  })
  ctx.onWork(SERVICE_ACCOUNTS_SYNC, (data) => syncNamespace(ctx, String(data.key)))
}

export function syncNamespace(ctx: ClusterContext, namespace: string): void {
  const ns = ctx.store.get('namespaces', undefined, namespace)
  if (!ns || namespacePhase(ns) !== 'Active') return
  if (ctx.store.get('serviceaccounts', namespace, DEFAULT_SERVICE_ACCOUNT)) return
  createObject(ctx, 'serviceaccounts', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: DEFAULT_SERVICE_ACCOUNT, namespace } })
}
