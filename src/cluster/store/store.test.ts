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

  it('holds the store\'s own buckets: one no write has touched since is the same record, one written to is copied first', () => {
    const store = new ObjectStore()
    const sa = (name: string) => ({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace: 'x' } }) as unknown as KObject
    store.create('namespaces', ns('a'))
    store.create('serviceaccounts', sa('s1'))
    const first = store.view()
    const second = store.view()
    expect(second.objects.namespaces).toBe(first.objects.namespaces)
    store.create('namespaces', ns('b'))
    store.create('namespaces', ns('c'))
    store.delete('namespaces', undefined, 'a')
    store.create('namespaces', ns('a'))
    const third = store.view()
    expect(third.objects.serviceaccounts).toBe(first.objects.serviceaccounts)
    expect(third.objects.namespaces).not.toBe(first.objects.namespaces)
    expect(Object.keys(first.objects.namespaces)).toEqual(['/a'])
    // the key order of the store's objects (a name created again comes last), as names() reads it
    expect(Object.keys(third.objects.namespaces)).toEqual(['/b', '/c', '/a'])
    expect(store.names('namespaces')).toEqual(['b', 'c', 'a'])
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

describe('ObjectStore.read and watch events: the stored objects themselves, frozen', () => {
  it('read gives the stored objects in list order without copying; get and list give copies a caller may change', () => {
    const store = new ObjectStore()
    store.create('serviceaccounts', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'b', namespace: 'x' } } as unknown as KObject)
    store.create('serviceaccounts', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'a', namespace: 'y' } } as unknown as KObject)
    store.create('serviceaccounts', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'a', namespace: 'x' } } as unknown as KObject)
    const read = store.read('serviceaccounts')
    expect(read.map((o) => `${o.metadata.namespace}/${o.metadata.name}`)).toEqual(['x/a', 'x/b', 'y/a'])
    expect(store.list('serviceaccounts')).toEqual(read)
    expect(store.read('serviceaccounts', 'x').map((o) => o.metadata.name)).toEqual(['a', 'b'])
    // the same objects at every read, frozen all the way down
    expect(store.read('serviceaccounts')[0]).toBe(read[0])
    expect(Object.isFrozen(read[0]) && Object.isFrozen(read[0].metadata)).toBe(true)
    expect(() => {
      ;(read[0].metadata as { name: string }).name = 'changed'
    }).toThrow(TypeError)
    // copies: changing them changes nothing stored
    const copy = store.get('serviceaccounts', 'x', 'a')!
    copy.metadata.labels = { changed: 'yes' }
    store.list('serviceaccounts')[0].metadata.name = 'changed'
    expect(store.read('serviceaccounts', 'x')[0].metadata).toEqual(read[0].metadata)
    expect(read[0].metadata.labels).toBeUndefined()
    // peek: one stored object itself (read's), or undefined
    expect(store.peek('serviceaccounts', 'x', 'a')).toBe(read[0])
    expect(store.peek('serviceaccounts', 'y', 'a')).toBe(read[2])
    expect(store.peek('serviceaccounts', 'z', 'a')).toBeUndefined()
  })

  it('a watcher gets the stored object (frozen); a deleted one is frozen too', () => {
    const store = new ObjectStore()
    const seen: { type: string; object: KObject }[] = []
    store.watch((e) => seen.push({ type: e.type, object: e.object }))
    store.create('namespaces', ns('a'))
    const a = store.get('namespaces', undefined, 'a')!
    store.update('namespaces', { ...a, metadata: { ...a.metadata, labels: { x: 'y' } } })
    store.delete('namespaces', undefined, 'a')
    expect(seen.map((e) => e.type)).toEqual(['ADDED', 'MODIFIED', 'DELETED'])
    for (const e of seen) expect(Object.isFrozen(e.object.metadata)).toBe(true)
    expect(seen[1].object.metadata.labels).toEqual({ x: 'y' })
    expect(Number(seen[2].object.metadata.resourceVersion)).toBeGreaterThan(Number(seen[1].object.metadata.resourceVersion))
  })

  it('a store made from a saved state freezes what it holds', () => {
    const store = new ObjectStore()
    store.create('namespaces', ns('a', { k: 'v' }))
    const restored = new ObjectStore(store.snapshot())
    const [a] = restored.read('namespaces')
    expect(Object.isFrozen(a.metadata.labels)).toBe(true)
  })
})
