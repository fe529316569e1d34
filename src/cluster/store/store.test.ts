import { describe, expect, it } from 'vitest'
import type { KObject } from '../api/meta'
import { ObjectStore } from './store'

const ns = (name: string, labels?: Record<string, string>) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, ...(labels ? { labels } : {}) } }) as unknown as KObject

describe('ObjectStore.view', () => {
  it('stays as it was while the store moves on (creates, updates, deletes), without copying the objects', () => {
    const store = new ObjectStore()
    store.create('namespaces', ns('a'))
    store.create('namespaces', ns('b'))
    const before = store.snapshot()
    const view = store.view()
    expect(view).toEqual(before)
    store.create('namespaces', ns('c'))
    const b = store.get('namespaces', undefined, 'b')!
    store.update('namespaces', { ...b, metadata: { ...b.metadata, labels: { x: 'y' } } })
    store.delete('namespaces', undefined, 'a')
    store.create('serviceaccounts', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'sa', namespace: 'b' } } as unknown as KObject)
    expect(view).toEqual(before)
    // the objects are the stored ones, not copies; a later view shares the unchanged ones
    const later = store.view()
    expect(later.objects.namespaces['/c']).toBe(store.view().objects.namespaces['/c'])
    expect(Object.keys(later.objects.namespaces).sort()).toEqual(['/b', '/c'])
    expect(later.resourceVersion).toBe(before.resourceVersion + 4)
  })

  it('restores to an independent store (a new store copies what it is given)', () => {
    const store = new ObjectStore()
    store.create('namespaces', ns('a'))
    const copy = new ObjectStore(store.view())
    store.create('namespaces', ns('b'))
    expect(copy.names('namespaces')).toEqual(['a'])
    expect(store.names('namespaces').sort()).toEqual(['a', 'b'])
  })
})
