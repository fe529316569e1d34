// Publishes facts about object lifecycles as the store changes (namespaces, service accounts, pods).
// Other facts are recorded where they happen: pod.scheduled (scheduler), pod.deletionRequested and
// namespace.terminating (registry), pod.pulled/started and token.issued (kubelet, TokenRequest).

import type { ClusterContext } from '../context'

export function startFactWatcher(ctx: ClusterContext): void {
  ctx.store.watch((e) => {
    const at = ctx.clock.now()
    const { name, namespace, uid } = e.object.metadata
    if (e.resource === 'namespaces' && e.type !== 'MODIFIED') {
      ctx.record({ at, type: e.type === 'ADDED' ? 'namespace.created' : 'namespace.deleted', name, uid })
    } else if (e.resource === 'serviceaccounts' && e.type !== 'MODIFIED') {
      ctx.record({ at, type: e.type === 'ADDED' ? 'serviceaccount.created' : 'serviceaccount.deleted', namespace: namespace ?? '', name, uid })
    } else if (e.resource === 'pods' && e.type !== 'MODIFIED') {
      const node = e.object.spec?.nodeName
      ctx.record({ at, type: e.type === 'ADDED' ? 'pod.created' : 'pod.deleted', namespace: namespace ?? '', name, uid, ...(node ? { node } : {}) })
    }
  })
}
