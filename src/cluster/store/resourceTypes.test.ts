// The store is typed by resource: every resource the API server stores has a type, and reads,
// writes' results and watch events carry it (type assertions checked by tsc, keys at run time).
import { describe, expect, expectTypeOf, it } from 'vitest'
import type { Pod } from '../api/core'
import type { Role, RoleBinding } from '../api/rbac'
import { TYPED_RESOURCES } from '../api/resourceTypes'
import type { EndpointSlice } from '../api/service'
import type { KObject } from '../api/meta'
import { newRegistries } from '../apiserver/registry/registries'
import type { ClusterContext } from '../context'
import { CLUSTER_ROLE_BINDINGS, ROLES } from '../rbac/store'
import { isStoreError, ObjectStore, type WatchEvent } from './store'

const meta = (name: string, namespace?: string) => ({ name, namespace, uid: `uid-${name}`, resourceVersion: '', creationTimestamp: '2026-01-01T00:00:00Z' })

describe('store typed by resource', () => {
  it('has a type for every resource the API server stores, and no other', () => {
    // registries are only constructed here (the context is read when they serve a request)
    const registries = newRegistries({} as ClusterContext)
    // the store keys the registries read and write (events.k8s.io events are stored as core events)
    const served = [...new Set(Object.values(registries).map((r) => r.key))].sort()
    expect(served).toEqual(Object.keys(TYPED_RESOURCES).sort())
    expect(registries['events.events.k8s.io'].key).toBe('events')
    expect(served).toContain('roles.rbac.authorization.k8s.io')
    expect(served).toContain('endpointslices.discovery.k8s.io')
  })

  it('reads a Role back as a Role, with its rules', () => {
    const store = new ObjectStore()
    const role = { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: meta('pod-reader', 'sa-demo'), rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get'] }] }
    const created = store.create(ROLES, role)
    expect(isStoreError(created)).toBe(false)
    const got = store.get(ROLES, 'sa-demo', 'pod-reader')
    expectTypeOf(got).toEqualTypeOf<Role | undefined>()
    expect(got?.rules?.[0].verbs).toEqual(['get'])
    expectTypeOf(() => store.list(CLUSTER_ROLE_BINDINGS)[0].roleRef.kind).returns.toEqualTypeOf<string>()
    expectTypeOf(store.list('rolebindings.rbac.authorization.k8s.io')).toEqualTypeOf<RoleBinding[]>()
    expectTypeOf(store.get('endpointslices.discovery.k8s.io', 'default', 'kubernetes')).toEqualTypeOf<EndpointSlice | undefined>()
    // a key only known at run time reads as any object
    expectTypeOf(store.get('widgets' as string, undefined, 'w')).toEqualTypeOf<KObject | undefined>()
  })

  it('narrows a watch event to the resource it names', () => {
    const store = new ObjectStore()
    const seen: string[] = []
    store.watch((e: WatchEvent) => {
      if (e.resource !== 'pods') return
      expectTypeOf(e.object).toEqualTypeOf<Pod>()
      seen.push(`${e.type} ${e.object.spec.containers[0].name}`)
    })
    store.create('configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta('cm', 'sa-demo'), data: {} })
    store.create('pods', { apiVersion: 'v1', kind: 'Pod', metadata: meta('app', 'sa-demo'), spec: { containers: [{ name: 'main', image: 'busybox' }] } })
    expect(seen).toEqual(['ADDED main'])
  })
})
