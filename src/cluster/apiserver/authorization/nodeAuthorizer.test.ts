// The Node authorizer's decisions and reasons, as node_authorizer.go gives them (expected texts
// from kubernetes-next.md §1.2, written here by hand).
import { describe, expect, it } from 'vitest'
import { ObjectStore } from '../../store/store'
import type { KObject } from '../../api/meta'
import type { Attributes } from './authorizer'
import { nodeAuthorizer } from './nodeAuthorizer'

const meta = (name: string, namespace?: string, annotations?: Record<string, string>) =>
  ({ name, ...(namespace ? { namespace } : {}), uid: `uid-${name}`, resourceVersion: '', creationTimestamp: '2026-05-23T23:00:00Z', ...(annotations ? { annotations } : {}) })

function store(): ObjectStore {
  const s = new ObjectStore()
  const pod = (name: string, node: string | undefined, extra: Record<string, unknown> = {}, annotations?: Record<string, string>) =>
    s.create('pods', {
      apiVersion: 'v1', kind: 'Pod', metadata: meta(name, 'sa-demo', annotations),
      spec: { containers: [{ name: 'c', env: [{ name: 'P', valueFrom: { secretKeyRef: { name: 'db-pass', key: 'p' } } }] }], serviceAccountName: 'app-sa', ...(node ? { nodeName: node } : {}), ...extra },
    } as unknown as KObject)
  pod('app', 'worker-0', { volumes: [{ name: 'v', projected: { sources: [{ configMap: { name: 'kube-root-ca.crt' } }] } }] })
  pod('pending', undefined, { serviceAccountName: 'pending-sa', volumes: [{ name: 's', secret: { secretName: 'pending-secret' } }] })
  pod('mirror', 'worker-0', { serviceAccountName: 'mirror-sa' }, { 'kubernetes.io/config.mirror': 'x' })
  return s
}

const node = (n: string) => ({ username: `system:node:${n}`, groups: ['system:nodes', 'system:authenticated'] })
const req = (user: Attributes['user'], verb: string, resource: string, name = '', extra: Partial<Attributes> = {}): Attributes =>
  ({ user, verb, resourceRequest: true, namespace: 'sa-demo', apiGroup: '', apiVersion: 'v1', resource, name, ...extra })

describe('Node authorizer', () => {
  const z = nodeAuthorizer(store())
  const decide = (a: Attributes) => z.authorize(a)

  it('allows a node the token of the service account of a pod bound to it', () => {
    expect(decide(req(node('worker-0'), 'create', 'serviceaccounts', 'app-sa', { subresource: 'token' }))).toEqual({ decision: 'Allow', reason: '' })
  })
  it('refuses the other node, with the reason in single quotes', () => {
    expect(decide(req(node('worker-1'), 'create', 'serviceaccounts', 'app-sa', { subresource: 'token' })))
      .toEqual({ decision: 'NoOpinion', reason: "no relationship found between node 'worker-1' and this object" })
  })
  it('gives no edge before the pod is bound, nor from a mirror pod', () => {
    expect(decide(req(node('worker-0'), 'create', 'serviceaccounts', 'pending-sa', { subresource: 'token' })).decision).toBe('NoOpinion')
    expect(decide(req(node('worker-0'), 'get', 'secrets', 'pending-secret')).decision).toBe('NoOpinion')
    expect(decide(req(node('worker-0'), 'create', 'serviceaccounts', 'mirror-sa', { subresource: 'token' })).decision).toBe('NoOpinion')
  })
  it('only token creation on service accounts', () => {
    expect(decide(req(node('worker-0'), 'get', 'serviceaccounts', 'app-sa')).reason).toBe('can only create tokens for individual service accounts')
    expect(decide(req(node('worker-0'), 'create', 'serviceaccounts', '', { subresource: 'token' })).reason).toBe('can only create tokens for individual service accounts')
    expect(decide(req(node('worker-0'), 'create', 'serviceaccounts', 'app-sa', { subresource: 'foo' })).reason).toBe('can only create token subresource of serviceaccount')
  })
  it('reads secrets and config maps its pods use, by name only', () => {
    expect(decide(req(node('worker-0'), 'get', 'secrets', 'db-pass')).decision).toBe('Allow')
    expect(decide(req(node('worker-0'), 'get', 'configmaps', 'kube-root-ca.crt')).decision).toBe('Allow')
    expect(decide(req(node('worker-0'), 'get', 'secrets', 'other')).reason).toBe("no relationship found between node 'worker-0' and this object")
    expect(decide(req(node('worker-0'), 'list', 'secrets')).reason).toBe('No Object name found')
    expect(decide(req(node('worker-0'), 'update', 'secrets', 'db-pass')).reason).toBe('can only read resources of this type')
    expect(decide(req(node('worker-0'), 'get', 'secrets', 'db-pass', { subresource: 'x' })).reason).toBe('cannot read subresource')
    expect(decide(req(node('worker-0'), 'get', 'secrets', 'db-pass', { namespace: '' })).reason).toBe('can only read namespaced object of this type')
  })
  it('pods: get its own, status writes, create and delete; lists need the field selector; the rest has no reason', () => {
    expect(decide(req(node('worker-0'), 'get', 'pods', 'app')).decision).toBe('Allow')
    expect(decide(req(node('worker-1'), 'get', 'pods', 'app')).reason).toBe("no relationship found between node 'worker-1' and this object")
    expect(decide(req(node('worker-0'), 'update', 'pods', 'app', { subresource: 'status' })).decision).toBe('Allow')
    expect(decide(req(node('worker-0'), 'delete', 'pods', 'app')).decision).toBe('Allow')
    expect(decide(req(node('worker-0'), 'list', 'pods')).reason).toBe('can only list/watch pods with spec.nodeName field selector')
    expect(decide(req(node('worker-0'), 'update', 'pods', 'app'))).toEqual({ decision: 'NoOpinion', reason: '' })
    expect(decide(req(node('worker-0'), 'create', 'pods', 'app', { subresource: 'exec' }))).toEqual({ decision: 'NoOpinion', reason: '' })
  })
  it('nodes: its own object only', () => {
    const cluster = { namespace: '' }
    expect(decide(req(node('worker-0'), 'get', 'nodes', 'worker-0', cluster)).decision).toBe('Allow')
    expect(decide(req(node('worker-0'), 'get', 'nodes', 'worker-1', cluster)).reason).toBe("node 'worker-0' cannot read 'worker-1', only its own Node object")
    expect(decide(req(node('worker-0'), 'list', 'nodes', '', cluster)).reason).toBe("node 'worker-0' cannot read all nodes, only its own Node object")
  })
  it('other resources follow the system:node rules', () => {
    expect(decide(req(node('worker-0'), 'create', 'events')).decision).toBe('Allow')
    expect(decide(req(node('worker-0'), 'delete', 'events', 'e')).decision).toBe('NoOpinion')
  })
  it('has no opinion on anyone who is not a node', () => {
    expect(decide(req({ username: 'admin', groups: ['system:masters'] }, 'get', 'secrets', 'db-pass'))).toEqual({ decision: 'NoOpinion', reason: '' })
    // in the nodes group but not named as a node, or the other way round
    expect(decide(req({ username: 'unknown', groups: ['system:nodes'] }, 'get', 'secrets', 'db-pass'))).toEqual({ decision: 'NoOpinion', reason: '' })
    expect(decide(req({ username: 'system:node:worker-0', groups: [] }, 'get', 'secrets', 'db-pass'))).toEqual({ decision: 'NoOpinion', reason: '' })
    expect(decide(req({ username: 'system:node:', groups: ['system:nodes'] }, 'get', 'secrets', 'db-pass')).reason).toBe('unknown node for user "system:node:"')
  })
})
