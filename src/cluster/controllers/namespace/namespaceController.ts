// The namespace controller: when a namespace is Terminating, empty it through the API server, then
// remove the kubernetes finalizer (PUT namespaces/NAME/finalize), upon which the API server deletes
// the namespace object. It acts as system:serviceaccount:kube-system:namespace-controller
// (ClusterRole system:controller:namespace-controller).
// Imitates: pkg/controller/namespace/namespace_controller.go and deletion/namespaced_resources_deleter.go (Delete, finalizeNamespace)

import type { Namespace } from '../../api/core'
import type { ComponentClient } from '../../client/inProcess'
import type { ClusterContext } from '../../context'
import { FINALIZER_KUBERNETES } from '../../apiserver/registry/namespace/strategy'
import { enqueue } from '../queue'
import { deleteAllContent } from './deletion'

export const NAMESPACE_SYNC = 'namespace-controller.sync'

/** `client`: the controller's own identity (system:serviceaccount:kube-system:namespace-controller). */
export function startNamespaceController(ctx: ClusterContext, client: ComponentClient): void {
  ctx.store.watch((e) => {
    if (e.resource === 'namespaces' && e.type !== 'DELETED' && e.object.metadata.deletionTimestamp) {
      enqueue(ctx, NAMESPACE_SYNC, e.object.metadata.name)
    }
    if (e.resource === 'pods' && e.type === 'DELETED' && e.object.metadata.namespace) {
      const ns = ctx.store.get('namespaces', undefined, e.object.metadata.namespace)
      if (ns?.metadata.deletionTimestamp) enqueue(ctx, NAMESPACE_SYNC, ns.metadata.name)
    }
  })
  ctx.onWork(NAMESPACE_SYNC, (data) => syncNamespace(ctx, client, String(data.key)))
}

const finalized = (ns: Namespace) => !(ns.spec?.finalizers ?? []).includes(FINALIZER_KUBERNETES)

/**
 * The namespace is read from the controller's informer cache (the store), as the other lab
 * controllers do (upstream's deleter GETs it first); lists, deletes, status and finalize go through
 * the API server.
 */
export async function syncNamespace(ctx: ClusterContext, client: ComponentClient, name: string): Promise<void> {
  const ns = ctx.store.get('namespaces', undefined, name) as Namespace | undefined
  if (!ns || !ns.metadata.deletionTimestamp || finalized(ns)) return
  if (!(await deleteAllContent(client, ns, ctx.clock.now()))) return
  // finalizeNamespace: the spec's finalizers without ours (a sorted set, as upstream builds it)
  const fresh = ctx.store.get('namespaces', undefined, name) as Namespace | undefined
  if (!fresh || fresh.metadata.uid !== ns.metadata.uid || finalized(fresh)) return
  const finalizers = [...new Set((fresh.spec?.finalizers ?? []).filter((f) => f !== FINALIZER_KUBERNETES))].sort()
  await client.request('PUT', `/api/v1/namespaces/${name}/finalize`, { ...fresh, spec: { ...fresh.spec, finalizers } })
}
