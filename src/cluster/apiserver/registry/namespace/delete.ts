// Deleting a namespace: the first DELETE only marks it Terminating; the namespace controller
// empties it, removes the kubernetes finalizer, and then the object goes.
// Imitates: pkg/registry/core/namespace/storage/storage.go (REST.Delete)

import { newConflict, isStatus } from '../../../../common/apiErrors'
import type { Namespace } from '../../../api/core'
import { rfc3339 } from '../../../../common/time'
import type { ClusterContext } from '../../../context'
import { isStoreError } from '../../../store/store'
import type { Status } from '../../types'
import { checkPreconditions, type DeleteOptions, type DeleteResult } from '../delete'
import type { RegistryStore } from '../store'

export const NAMESPACE_PURGE_MESSAGE = 'The system is ensuring all content is removed from this namespace.  Upon completion, this namespace will automatically be purged by the system.'

export function deleteNamespace(reg: RegistryStore<Namespace>, ctx: ClusterContext, name: string, opts: DeleteOptions): DeleteResult | Status {
  const cur = reg.get(undefined, name)
  if (isStatus(cur)) return cur
  const ns = cur
  const failed = checkPreconditions(reg.strategy, ns, opts)
  if (failed) return failed
  const hasFinalizers = (ns.spec?.finalizers ?? []).length > 0 || (ns.metadata.finalizers ?? []).length > 0

  if (!ns.metadata.deletionTimestamp) {
    const now = ctx.clock.now()
    ns.metadata.deletionTimestamp = rfc3339(now)
    ns.status = { ...ns.status, phase: 'Terminating' }
    const out = ctx.store.update('namespaces', ns)
    if (isStoreError(out)) return reg.get(undefined, name) as Status
    ctx.record({ at: now, type: 'namespace.terminating', name, uid: ns.metadata.uid })
    if (hasFinalizers) return { body: out, deleted: false, object: out }
  }
  if ((ns.spec?.finalizers ?? []).length > 0) {
    return newConflict(reg.strategy.resource, name, NAMESPACE_PURGE_MESSAGE)
  }
  const r = reg.deleteNow(undefined, name)
  if (isStatus(r)) return r
  return { body: r.body, deleted: true, object: r.object }
}
