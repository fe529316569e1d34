// Durable saves in IndexedDB: the last command survives a reload and a crashed tab; a corrupt save
// gives a notice and a download, never a blank page; two tabs never overwrite each other.
import { readFile } from 'node:fs/promises'
import { expect, test, type BrowserContext, type Page } from '@playwright/test'
import { putPart } from './support/saves'
import { commandLine, openLab, shownLines, typeCommand } from './support/terminal'
import { holdEditorPreload } from './support/editor'

test.beforeEach(async ({ context }) => {
  await holdEditorPreload(context)
})

const texts = async (page: Page) => (await shownLines(page)).map((l) => l.text)
/** The tab dies (closed without unload handlers), and the lab is opened again in a new one. */
async function crashAndReopen(page: Page, context: BrowserContext): Promise<Page> {
  await page.close({ runBeforeUnload: false })
  const next = await context.newPage()
  await openLab(next, '/?seed=1')
  return next
}
const saLine = async (page: Page, name: string) => (await typeCommand(page, `kubectl get sa ${name} -o name`)).map((l) => l.text)

test('a reload right after a command restores that command, and says so', async ({ page }) => {
  await openLab(page, '/?seed=1')
  await typeCommand(page, 'kubectl create serviceaccount first')
  await typeCommand(page, 'kubectl create serviceaccount keep-me')
  await page.reload()
  await page.evaluate(() => window.lab!.ready)
  const shown = await texts(page)
  expect(shown.some((l) => l.startsWith('Restored your lab as you left it'))).toBe(true)
  expect(await saLine(page, 'keep-me')).toEqual(['serviceaccount/keep-me'])
})

test('a tab closed right after a command loses nothing', async ({ page, context }) => {
  await openLab(page, '/?seed=1')
  await typeCommand(page, 'kubectl create serviceaccount before-crash')
  const next = await crashAndReopen(page, context)
  expect((await texts(next)).some((l) => l.startsWith('Restored your lab as you left it'))).toBe(true)
  expect(await saLine(next, 'before-crash')).toEqual(['serviceaccount/before-crash'])
})

test('a tab closed as the prompt comes back loses nothing, even after a command that saved megabytes', async ({ page, context }) => {
  await openLab(page, '/?seed=1')
  // five files of about 1 MB in one command: a save that takes IndexedDB a while to write
  await typeCommand(page, 'for i in 1 2 3 4 5; do seq 1 140000 > f$i; done; kubectl create serviceaccount after-megabytes')
  const next = await crashAndReopen(page, context)
  expect((await texts(next)).filter((l) => l.startsWith('Restored your lab'))).toEqual([expect.stringMatching(/^Restored your lab as you left it/)])
  expect(await saLine(next, 'after-megabytes')).toEqual(['serviceaccount/after-megabytes'])
})

test('a corrupt save gives a notice and a download, not a blank page', async ({ page }) => {
  await openLab(page, '/?seed=1')
  await typeCommand(page, 'kubectl create serviceaccount doomed')
  await putPart(page, 'facts#000000000', {})
  await page.reload()
  await page.evaluate(() => window.lab!.ready)
  await expect(page.getByRole('heading', { name: /Token lab/ })).toBeVisible()
  const shown = (await texts(page)).join('\n')
  expect(shown).toMatch(/Your saved lab could not be read \(part 0 of the facts is missing\), so a fresh lab was started\. It is kept aside as "broken:/)
  expect(await typeCommand(page, 'echo fresh')).toEqual([{ text: 'fresh', stderr: false }])
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Download it' }).click()
  const file = await (await download).path()
  const raw = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>
  expect(raw['facts#000000000']).toEqual({})
  expect(raw).toHaveProperty('meta')
})

test('two tabs: the second follows without saving until it takes over', async ({ page, context }) => {
  await openLab(page, '/?seed=1')
  await typeCommand(page, 'kubectl create serviceaccount from-first')
  const second = await context.newPage()
  await openLab(second, '/?seed=1')
  await expect(second.getByText('This lab is open in another tab, which saves it')).toBeVisible()
  await expect(page.getByText('This lab is open in another tab')).toHaveCount(0)
  expect(await saLine(second, 'from-first')).toEqual(['serviceaccount/from-first'])
  await typeCommand(second, 'kubectl create serviceaccount from-second')

  // the first tab keeps saving; the second tab's change is never written over it
  await typeCommand(page, 'kubectl create serviceaccount first-again')
  await second.getByRole('button', { name: 'Take over' }).click()
  await second.waitForEvent('load')
  await second.evaluate(() => window.lab!.ready)
  await expect(second.getByText('This lab is open in another tab')).toHaveCount(0)
  expect(await saLine(second, 'first-again')).toEqual(['serviceaccount/first-again'])
  expect((await typeCommand(second, 'kubectl get sa from-second -o name')).map((l) => l.text)).toEqual([
    'Error from server (NotFound): serviceaccounts "from-second" not found',
  ])
  // now the first tab follows, and offers to take the lab back
  await expect(page.getByText('This lab is open in another tab, which saves it')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Take over' })).toBeVisible()
})

test('a tab that dies while a command runs: the reload says that command was lost', async ({ page, context }) => {
  await openLab(page, '/?seed=1')
  await typeCommand(page, 'kubectl create serviceaccount kept')
  const line = 'kubectl create serviceaccount gone; watch -n 1 kubectl get sa'
  await commandLine(page).fill(line)
  await commandLine(page).press('Enter')
  await expect.poll(async () => (await texts(page)).some((l) => l.startsWith('Every 1.0s: kubectl get sa'))).toBe(true)
  const next = await crashAndReopen(page, context)
  const shown = (await texts(next)).join('\n')
  expect(shown).not.toContain('as you left it')
  expect(shown).toContain(`The last command was not saved and is lost: "${line}".`)
  expect(await saLine(next, 'kept')).toEqual(['serviceaccount/kept'])
  expect(await saLine(next, 'gone')).toEqual(['Error from server (NotFound): serviceaccounts "gone" not found'])
})

test('a full disk: the header says so until a save succeeds, and a reload says what was lost', async ({ page }) => {
  await openLab(page, '/?seed=1')
  await typeCommand(page, 'kubectl create serviceaccount saved-one')
  // From now on IndexedDB refuses the lab's parts as a full disk does (the small marker still
  // fits): the lab saves from its worker, so the worker's IndexedDB is made to refuse them.
  await page.evaluate(() => (window as unknown as { __labTest: { fullDisk(): void } }).__labTest.fullDisk())
  await typeCommand(page, 'kubectl create serviceaccount lost-one')
  await expect(page.getByText(/^Not saved since \d\d:\d\d:\d\d UTC: this browser's storage for the lab is full\.$/)).toBeVisible()
  await page.reload()
  await page.evaluate(() => window.lab!.ready)
  const shown = (await texts(page)).join('\n')
  expect(shown).not.toContain('as you left it')
  expect(shown).toContain('The last command was not saved and is lost: "kubectl create serviceaccount lost-one".')
  expect(await saLine(page, 'saved-one')).toEqual(['serviceaccount/saved-one'])
  await expect(page.getByText(/^Not saved since/)).toHaveCount(0)
})
