// Test helpers for persistence: a localStorage stand-in, a fresh fake IndexedDB per test, a
// backend whose writes can be made to fail, and a lock manager with Web Locks' ifAvailable/steal.

import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { openIdb, type Batch, type KvBackend, type StoreName } from './idb'
import type { StorageLike } from './persist'

export class MemoryStorage implements StorageLike {
  map = new Map<string, string>()
  get length() {
    return this.map.size
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null
  }
  getItem(k: string) {
    return this.map.get(k) ?? null
  }
  setItem(k: string, v: string) {
    this.map.set(k, v)
  }
  removeItem(k: string) {
    this.map.delete(k)
  }
}

/** A database of its own (a fresh fake IndexedDB), with a switch that makes writes fail. */
export async function testBackend(): Promise<KvBackend & { failWith?: Error; writes: Batch[]; factory: IDBFactory }> {
  const factory = new IDBFactory()
  const kv = await openIdb(factory, undefined, IDBKeyRange)
  const t = {
    factory,
    failWith: undefined as Error | undefined,
    writes: [] as Batch[],
    readAll: (s: StoreName) => kv.readAll(s),
    get: (s: StoreName, k: string) => kv.get(s, k),
    write(s: StoreName, b: Batch) {
      t.writes.push(b)
      // a full disk refuses the big write; the small marker still fits
      if (t.failWith && (b.put?.length ?? 0) + (b.del?.length ?? 0) > 1) return Promise.reject(t.failWith)
      return kv.write(s, b)
    },
  }
  return t
}

export const quotaError = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError')

/** Web Locks' request(name, {ifAvailable, steal}, cb), for one lock name, in memory. */
export class FakeLocks {
  private holder: { reject: (e: unknown) => void } | undefined
  private waiting: (() => void)[] = []

  request(_name: string, options: { ifAvailable?: boolean; steal?: boolean }, cb: (lock: unknown) => unknown): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const grant = () => {
        const me = { reject }
        this.holder = me
        void Promise.resolve(cb({ name: _name })).then(
          (v) => {
            if (this.holder === me) this.next()
            resolve(v)
          },
          reject,
        )
      }
      if (!this.holder) return grant()
      if (options.steal) {
        const old = this.holder
        this.holder = undefined
        old.reject(new DOMException('stolen', 'AbortError'))
        return grant()
      }
      if (options.ifAvailable) return void Promise.resolve(cb(null)).then(resolve, reject)
      this.waiting.push(grant)
    })
  }

  private next() {
    this.holder = undefined
    this.waiting.shift()?.()
  }
}
