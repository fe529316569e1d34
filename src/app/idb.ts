// A very small IndexedDB wrapper (works on the main thread and in a worker): one database with a
// store for the lab's parts and one for set-aside data; read everything, or write a batch of puts
// and deletes in one transaction that either commits whole or fails with its error.

export const DB_NAME = 'tokenlab'
export const LAB = 'lab'
export const ASIDE = 'aside'
export type StoreName = typeof LAB | typeof ASIDE

export interface Batch {
  put?: [string, unknown][]
  del?: string[]
  /** Delete every key from..to (inclusive). */
  delRange?: [string, string][]
  /** Empty the store first. */
  clear?: boolean
}

/** What persistence needs of a key-value database (tests wrap it to make writes fail). */
export interface KvBackend {
  readAll(store: StoreName): Promise<Map<string, unknown>>
  get(store: StoreName, key: string): Promise<unknown>
  write(store: StoreName, batch: Batch): Promise<void>
}

const done = <T>(req: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'))
  })

export async function openIdb(
  factory: IDBFactory | undefined = globalThis.indexedDB,
  name = DB_NAME,
  keyRange: typeof IDBKeyRange = globalThis.IDBKeyRange,
): Promise<KvBackend> {
  if (!factory) throw new Error('IndexedDB is not available in this browser')
  const open = factory.open(name, 1)
  open.onupgradeneeded = () => {
    for (const s of [LAB, ASIDE]) if (!open.result.objectStoreNames.contains(s)) open.result.createObjectStore(s)
  }
  const db = await done(open)
  const tx = (store: StoreName, mode: IDBTransactionMode) => db.transaction(store, mode).objectStore(store)
  return {
    async readAll(store) {
      const s = tx(store, 'readonly')
      const [keys, values] = await Promise.all([done(s.getAllKeys()), done(s.getAll())])
      return new Map(keys.map((k, i) => [String(k), values[i]]))
    },
    get: (store, key) => done(tx(store, 'readonly').get(key)),
    write(store, batch) {
      return new Promise<void>((resolve, reject) => {
        let t: IDBTransaction | undefined
        try {
          t = db.transaction(store, 'readwrite')
          const s = t.objectStore(store)
          if (batch.clear) s.clear()
          for (const [from, to] of batch.delRange ?? []) s.delete(keyRange.bound(from, to))
          for (const k of batch.del ?? []) s.delete(k)
          for (const [k, v] of batch.put ?? []) s.put(v, k)
          // Committed now, not when this task ends: a command that runs on in this task (its awaits
          // are microtasks) must not hold back the marker written as it started (saver.ts).
          t.commit?.()
        } catch (e) {
          try {
            t?.abort()
          } catch {
            // already finished
          }
          reject(e instanceof Error ? e : new Error(String(e)))
          return
        }
        const tr = t
        tr.oncomplete = () => resolve()
        tr.onabort = () => reject(tr.error ?? new Error('the save was aborted'))
      })
    },
  }
}
