// Graceful pod deletion: set deletionTimestamp = now + grace; the kubelet removes the pod later.
// Imitates: pkg/registry/core/pod/strategy.go (CheckGracefulDelete) and k8s.io/apiserver/pkg/registry/rest/delete.go (BeforeDelete)

import type { Pod } from '../../../api/core'
import { rfc3339 } from '../../../../common/time'
import type { ClusterContext } from '../../../context'
import { isStoreError } from '../../../store/store'
import type { Status } from '../../types'
import { checkPreconditions, type DeleteOptions, type DeleteResult } from '../delete'
import type { RegistryStore } from '../store'
import { isStatus } from '../../../../common/apiErrors'

/** CheckGracefulDelete: the grace period this delete gets. */
export function gracePeriodFor(pod: Pod, opts: DeleteOptions): number {
  let period = opts.gracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 0
  if (!pod.spec.nodeName) period = 0 // not scheduled: delete immediately
  if (pod.status?.phase === 'Failed' || pod.status?.phase === 'Succeeded') period = 0
  return period
}

export function deletePod(reg: RegistryStore<Pod>, ctx: ClusterContext, namespace: string, name: string, opts: DeleteOptions): DeleteResult | Status {
  const cur = reg.get(namespace, name)
  if (isStatus(cur)) return cur
  const pod = cur
  const failed = checkPreconditions(reg.strategy, pod, opts)
  if (failed) return failed
  const period = gracePeriodFor(pod, opts)
  const now = ctx.clock.now()
  const meta = pod.metadata

  if (meta.deletionTimestamp) {
    const prior = meta.deletionGracePeriodSeconds
    if (prior === undefined || prior === 0) return finish(reg, pod)
    if (period >= prior) return { body: pod, deleted: false, object: pod } // graceful deletion is pending
    const ts = Date.parse(meta.deletionTimestamp) - prior * 1000 + period * 1000
    meta.deletionTimestamp = rfc3339(ts)
    meta.deletionGracePeriodSeconds = period
  } else {
    meta.deletionTimestamp = rfc3339(now + period * 1000)
    meta.deletionGracePeriodSeconds = period
    if (meta.generation !== undefined && meta.generation > 0) meta.generation += 1
    ctx.record({ at: now, type: 'pod.deletionRequested', namespace, name, uid: meta.uid, node: pod.spec.nodeName })
  }
  const updated = ctx.store.update('pods', pod)
  if (isStoreError(updated)) return reg.get(namespace, name) as Status
  if (period === 0) return finish(reg, updated)
  return { body: updated, deleted: false, object: updated }
}

function finish(reg: RegistryStore<Pod>, pod: Pod): DeleteResult | Status {
  const r = reg.deleteNow(pod.metadata.namespace, pod.metadata.name)
  if (isStatus(r)) return r
  return { body: r.body, deleted: true, object: r.object }
}
