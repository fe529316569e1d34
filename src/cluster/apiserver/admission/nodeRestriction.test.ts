// NodeRestriction's checks on a node's token requests and pod writes (messages from
// kubernetes-next.md §1.3, written here by hand).
import { describe, expect, it } from 'vitest'
import { ObjectStore } from '../../store/store'
import type { KObject } from '../../api/meta'
import type { ClusterContext } from '../../context'
import type { AdmissionAttributes } from './interfaces'
import { nodeRestriction } from './nodeRestriction'

const store = new ObjectStore()
const podUID = (store.create('pods', {
  apiVersion: 'v1', kind: 'Pod', metadata: { name: 'app', namespace: 'sa-demo', uid: 'pod-uid', resourceVersion: '', creationTimestamp: '2026-05-23T23:00:00Z' },
  spec: { containers: [], nodeName: 'worker-0', serviceAccountName: 'default', volumes: [{ name: 'v', projected: { sources: [{ serviceAccountToken: { path: 'token', audience: 'vault' } }] } }] },
} as unknown as KObject) as KObject).metadata.uid
const ctx = { store } as unknown as ClusterContext
const worker = (n: string) => ({ username: `system:node:${n}`, groups: ['system:nodes', 'system:authenticated'] })

const token = (spec: Record<string, unknown>, user = worker('worker-0')): AdmissionAttributes => ({
  operation: 'CREATE', resource: { group: '', resource: 'serviceaccounts' }, subresource: 'token', kind: 'TokenRequest',
  namespace: 'sa-demo', name: 'default', object: { spec } as unknown as KObject, userInfo: user,
})
const ref = (extra: Record<string, unknown> = {}) => ({ boundObjectRef: { apiVersion: 'v1', kind: 'Pod', name: 'app', uid: podUID, ...extra } })
const message = (a: AdmissionAttributes) => nodeRestriction.admit!(a, ctx)?.message

describe('NodeRestriction: token requests', () => {
  it('admits a token bound to a pod of this node, with no audience or one the pod uses', () => {
    expect(nodeRestriction.admit!(token(ref()), ctx)).toBeUndefined()
    expect(nodeRestriction.admit!(token({ ...ref(), audiences: ['vault'] }), ctx)).toBeUndefined()
  })
  it('refuses, in upstream order', () => {
    expect(message(token({}))).toBe('serviceaccounts "default" is forbidden: node requested token not bound to a pod')
    expect(message(token({ boundObjectRef: { apiVersion: 'v1', kind: 'Secret', name: 'app' } }))).toBe('serviceaccounts "default" is forbidden: node requested token not bound to a pod')
    expect(message(token(ref({ uid: '' })))).toBe('serviceaccounts "default" is forbidden: node requested token with a pod binding without a uid')
    const missing = nodeRestriction.admit!(token(ref({ name: 'nopod' })), ctx)
    expect([missing?.code, missing?.message]).toEqual([404, 'pods "nopod" not found'])
    expect(message(token(ref({ uid: 'old' })))).toBe('serviceaccounts "default" is forbidden: the UID in the bound object reference (old) does not match the UID in record. The object might have been deleted and then recreated')
    expect(message(token(ref(), worker('worker-1')))).toBe('serviceaccounts "default" is forbidden: node requested token bound to a pod scheduled on a different node')
    expect(message(token({ ...ref(), audiences: ['a', 'b'] }))).toBe('serviceaccounts "default" is forbidden: node may only request 0 or 1 audiences')
    expect(message(token({ ...ref(), audiences: ['foo'] }))).toBe('serviceaccounts "default" is forbidden: audience "foo" not found in pod spec volume, system:node:worker-0 is not authorized to request tokens for this audience')
  })
  it('leaves people alone', () => {
    expect(nodeRestriction.admit!(token({}, { username: 'admin', groups: ['system:masters'] }), ctx)).toBeUndefined()
  })
})

describe('NodeRestriction: pods', () => {
  const pod = store.get('pods', 'sa-demo', 'app')!
  const podAttrs = (operation: AdmissionAttributes['operation'], subresource: string, user = worker('worker-0'), object?: KObject): AdmissionAttributes => ({
    operation, resource: { group: '', resource: 'pods' }, subresource, kind: 'Pod', namespace: 'sa-demo', name: 'app', object, oldObject: pod, userInfo: user,
  })
  it('status and deletion of its own pods only', () => {
    expect(nodeRestriction.admit!(podAttrs('UPDATE', 'status'), ctx)).toBeUndefined()
    expect(message(podAttrs('UPDATE', 'status', worker('worker-1')))).toBe('pods "app" is forbidden: node "worker-1" can only update pod status for pods with spec.nodeName set to itself')
    expect(nodeRestriction.admit!(podAttrs('DELETE', ''), ctx)).toBeUndefined()
    expect(message(podAttrs('DELETE', '', worker('worker-1')))).toBe('pods "app" is forbidden: node "worker-1" can only delete pods with spec.nodeName set to itself')
  })
  it('creates only mirror pods; no other operation or subresource', () => {
    expect(message(podAttrs('CREATE', '', worker('worker-0'), pod))).toBe('pods "app" is forbidden: pod does not have "kubernetes.io/config.mirror" annotation, node "worker-0" can only create mirror pods')
    expect(message(podAttrs('UPDATE', ''))).toBe('pods "app" is forbidden: unexpected operation "UPDATE", node "worker-0" can only create and delete mirror pods')
    expect(message(podAttrs('CREATE', 'exec'))).toBe('pods "app" is forbidden: unexpected pod subresource "exec", only \'status\' and \'eviction\' are allowed')
  })
})
