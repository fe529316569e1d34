// The namespace controller: when a namespace is Terminating, empty it, then remove the kubernetes
// finalizer, after which the namespace object is deleted.
// Imitates: pkg/controller/namespace/namespace_controller.go and deletion/namespaced_resources_deleter.go (Delete, finalizeNamespace)

import type { ClusterContext } from '../../context'
import { FINALIZER_KUBERNETES } from '../../apiserver/registry/namespace/strategy'
import { isStoreError } from '../../store/store'
import { enqueue } from '../queue'
import { deleteAllContent } from './deletion'

export const NAMESPACE_SYNC = 'namespace-controller.sync'

export function startNamespaceController(ctx: ClusterContext): void {
  ctx.store.watch((e) => {
    if (e.resource === 'namespaces' && e.type !== 'DELETED' && e.object.metadata.deletionTimestamp) {
      enqueue(ctx, NAMESPACE_SYNC, e.object.metadata.name)
    }
    if (e.resource === 'pods' && e.type === 'DELETED' && e.object.metadata.namespace) {
      const ns = ctx.store.get('namespaces', undefined, e.object.metadata.namespace)
      if (ns?.metadata.deletionTimestamp) enqueue(ctx, NAMESPACE_SYNC, ns.metadata.name)
    }
  })
  ctx.onWork(NAMESPACE_SYNC, (data) => syncNamespace(ctx, String(data.key)))
}

export function syncNamespace(ctx: ClusterContext, name: string): void {
  const ns = ctx.store.get('namespaces', undefined, name)
  if (!ns || !ns.metadata.deletionTimestamp) return
  if (!deleteAllContent(ctx, ns)) return
  // finalizeNamespace: drop our finalizer; with none left and a deletionTimestamp, the object goes
  const fresh = ctx.store.get('namespaces', undefined, name)
  if (!fresh) return
  const finalizers = (fresh.spec?.finalizers ?? []).filter((f) => f !== FINALIZER_KUBERNETES)
  fresh.spec = { ...fresh.spec, finalizers }
  const updated = ctx.store.update('namespaces', fresh)
  if (isStoreError(updated)) return
  if (finalizers.length === 0 && (fresh.metadata.finalizers ?? []).length === 0) ctx.store.delete('namespaces', undefined, name)
}
