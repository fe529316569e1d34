import { describe, expect, it } from 'vitest'
import type { Pod } from '../../api/core'
import type { ClusterContext } from '../../context'
import type { AdmissionAttributes } from './interfaces'
import { defaultTolerationSeconds } from './defaulttolerationseconds'
import { priorityAdmission } from './priority'

const attrs = (spec: Partial<Pod['spec']>): AdmissionAttributes => ({
  operation: 'CREATE', resource: { group: '', resource: 'pods' }, subresource: '', kind: 'Pod', namespace: 'sa-demo', name: 'app',
  object: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'app', namespace: 'sa-demo', uid: '', resourceVersion: '', creationTimestamp: '' }, spec: { containers: [], ...spec } } as Pod,
  userInfo: { username: 'admin', groups: [] },
})
const ctx = {} as ClusterContext

describe('Priority admission', () => {
  it('sets priority 0 and PreemptLowerPriority', () => {
    const a = attrs({})
    expect(priorityAdmission.admit!(a, ctx)).toBeUndefined()
    expect((a.object as Pod).spec).toMatchObject({ priority: 0, preemptionPolicy: 'PreemptLowerPriority' })
  })
  it('refuses an unknown PriorityClass', () => {
    expect(priorityAdmission.admit!(attrs({ priorityClassName: 'gold' }), ctx)?.message).toBe('pods "app" is forbidden: no PriorityClass with name gold was found')
  })
})

describe('DefaultTolerationSeconds admission', () => {
  it('adds not-ready then unreachable, NoExecute for 300 s', () => {
    const a = attrs({})
    defaultTolerationSeconds.admit!(a, ctx)
    expect((a.object as Pod).spec.tolerations).toEqual([
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
    ])
  })
  it('keeps a toleration the pod already has', () => {
    const own = { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 5 }
    const a = attrs({ tolerations: [own] })
    defaultTolerationSeconds.admit!(a, ctx)
    expect((a.object as Pod).spec.tolerations!.map((t) => t.key)).toEqual(['node.kubernetes.io/unreachable', 'node.kubernetes.io/not-ready'])
  })
})
