// Hosted anywhere, offline after the first visit: the build, served by a plain static host from
// a sub-path, loads and runs; once its service worker has cached it, a reload with no network
// still brings the lab back, runs commands and opens the editor (never opened before).
import { expect, test, type Page } from '@playwright/test'
import { watchPolicy } from './support/csp'
import { editAndSave } from './support/editor'
import { serveDist, type StaticHost } from './support/staticHost'
import { openLab, shownLines, typeCommand, type ShownLine } from './support/terminal'

const texts = (lines: ShownLine[]) => lines.map((l) => l.text)
const SUB_PATH = '/courses/k8s/lab/'

// The suite blocks service workers (playwright.config.ts); this spec is about the lab's.
test.use({ serviceWorkers: 'allow' })

let host: StaticHost
test.beforeAll(async () => {
  host = await serveDist(0, SUB_PATH)
})
test.afterAll(async () => {
  await host?.close()
})
test.beforeEach(() => {
  host.online = true
  host.served.length = 0
})

/** Wait until the service worker has cached the build (it activates only then) and controls the page. */
async function cachedForOffline(page: Page): Promise<string> {
  await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated')
  return page.evaluate(() => navigator.serviceWorker.controller!.scriptURL)
}

test('served from a sub-path of a plain static host, the lab loads and runs a command', async ({ page, context }) => {
  const watch = await watchPolicy(context)
  const failed: string[] = []
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`)
  })
  await openLab(page, `${host.url}?seed=1`)
  expect(texts(await typeCommand(page, 'kubectl create namespace sa-demo'))).toEqual(['namespace/sa-demo created'])
  const ns = texts(await typeCommand(page, 'kubectl get ns sa-demo'))
  expect(ns[1]).toMatch(/^sa-demo\s+Active\s+\S+$/)
  // Everything came from the sub-path: no absolute URL pointed at the host's root.
  expect(host.served.filter((p) => !p.startsWith(SUB_PATH))).toEqual([])
  expect(host.served).toContain(`${SUB_PATH}sw.js`)
  expect(failed).toEqual([])
  expect(await watch.violations()).toEqual([])
  // The service worker's scope is the lab's folder, not the host's root.
  expect(await page.evaluate(async () => (await navigator.serviceWorker.ready).scope)).toBe(host.url)
})

test('after the first visit, a reload with no network brings the lab back and the editor opens', async ({ page, context }) => {
  const watch = await watchPolicy(context)
  await openLab(page, `${host.url}?seed=1`)
  await typeCommand(page, 'kubectl create namespace offline-demo')
  expect(await cachedForOffline(page)).toBe(`${host.url}sw.js`)

  // The network goes away: the browser is offline and the host drops every connection.
  host.online = false
  await context.setOffline(true)
  host.served.length = 0
  const response = await page.reload()
  expect(response?.fromServiceWorker()).toBe(true)
  await page.evaluate(() => window.lab!.ready)
  expect(texts(await shownLines(page))).toContain('root@workstation:~# kubectl create namespace offline-demo')
  const ns = texts(await typeCommand(page, 'kubectl get ns offline-demo'))
  expect(ns[1]).toMatch(/^offline-demo\s+Active\s+\S+$/)

  // The editor (its chunks, styles, font and worker) comes from the cache too.
  await editAndSave(page, 'nano notes.txt', 'written offline')
  expect(texts(await typeCommand(page, 'cat notes.txt'))).toEqual(['written offline'])
  expect(host.served).toEqual([])
  expect(await watch.violations()).toEqual([])
  await context.setOffline(false)
})
