// Helpers for the saved lab in IndexedDB (src/app/idb.ts): read a set-aside lab, change a part.
import type { Page } from '@playwright/test'

/** The raw text of a set-aside lab (store `aside`), as the page kept it. */
export function asideRaw(page: Page, key: string): Promise<string | undefined> {
  return page.evaluate(
    (key) =>
      new Promise<string | undefined>((resolve, reject) => {
        const open = indexedDB.open('tokenlab', 1)
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const req = open.result.transaction('aside').objectStore('aside').get(key)
          req.onsuccess = () => {
            resolve((req.result as { raw?: string } | undefined)?.raw)
            open.result.close()
          }
          req.onerror = () => reject(req.error)
        }
      }),
    key,
  )
}

/** Put a value under a key of the saved lab (store `lab`), to corrupt it. */
export function putPart(page: Page, key: string, value: unknown): Promise<void> {
  return page.evaluate(
    ({ key, value }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('tokenlab', 1)
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const tx = open.result.transaction('lab', 'readwrite')
          tx.objectStore('lab').put(value, key)
          tx.oncomplete = () => {
            open.result.close()
            resolve()
          }
          tx.onabort = () => reject(tx.error)
        }
      }),
    { key, value },
  )
}
