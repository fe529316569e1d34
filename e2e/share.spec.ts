// Share links and lab files: a session shared by link replays in a fresh lab (another browser);
// an exported lab imports into another; malformed, too large or newer files are refused with a
// message and leave the lab as it was.
import { expect, test, type Browser, type Page } from '@playwright/test'
import { commandLine, openLab, waitIdle } from './support/terminal'
import { currentLesson, labHistory, lessonPanel, stepHeading, waitEchoed } from './support/lesson'
import { holdEditorPreload } from './support/editor'

test.beforeEach(async ({ page, context }) => {
  await holdEditorPreload(context)
  await page.setViewportSize({ width: 1280, height: 800 })
})

async function freshPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  await holdEditorPreload(context)
  return context.newPage()
}

const run = (page: Page, line: string) => page.evaluate((l) => window.lab!.run(l), line)

test('Share gives window.lab.shareLink(); opening it offers a replay that rebuilds the session in a fresh lab', async ({ page, browser }) => {
  test.setTimeout(180_000)
  await openLab(page, '/?seed=7')
  await run(page, 'lab lesson article')
  await run(page, 'kubectl create namespace sa-demo')
  await run(page, 'kubectl -n sa-demo get sa')
  await run(page, 'lab next')
  const link = await page.evaluate(() => (window.lab as unknown as { shareLink(): Promise<string> }).shareLink())
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#share=[A-Za-z0-9_-]+$/)
  await lessonPanel(page).getByRole('button', { name: 'Share' }).click()
  const dialog = page.getByRole('dialog', { name: 'Share this session' })
  await expect(dialog.getByRole('textbox', { name: 'Share link' })).toHaveValue(link)
  await dialog.getByRole('button', { name: 'Close' }).click()
  const history = await labHistory(page)

  const other = await freshPage(browser)
  await other.goto(link)
  const offer = other.getByRole('dialog', { name: 'Replay a shared session?' })
  await expect(offer).toContainText('4 commands with seed 7')
  await expect(offer).toContainText('lesson article, step 2')
  await offer.getByRole('button', { name: 'Replay' }).click()
  await other.evaluate(() => window.lab!.ready)
  await waitEchoed(other, 'lab next')
  await expect(stepHeading(other, 'A pod, and the files it finds')).toBeVisible({ timeout: 30_000 })
  expect(await currentLesson(other)).toMatchObject({ id: 'article', step: 2 })
  expect(await labHistory(other)).toEqual(history)
  expect((await run(other, 'kubectl get ns sa-demo -o name')).stdout).toBe('namespace/sa-demo\n')
  expect(await other.evaluate(() => (window.lab as unknown as { seed?: string }).seed)).toBe('7')
  expect(new URL(other.url()).hash).toBe('')

  // A broken link says so and the lab starts as usual.
  const third = await freshPage(browser)
  await third.goto('/#share=AAAA')
  await expect(third.getByRole('log', { name: 'Terminal output' })).toContainText('This share link cannot be used: it is not compressed data the lab wrote. The lab starts as usual.', { timeout: 30_000 })
  await expect(commandLine(third)).toBeEnabled()
})

test('Export downloads the lab; Import restores it elsewhere; malformed files leave the lab unchanged', async ({ page, browser }) => {
  test.setTimeout(180_000)
  await openLab(page, '/?seed=1')
  await run(page, 'lab lesson article')
  await run(page, 'kubectl create namespace sa-demo')
  const downloading = page.waitForEvent('download')
  await lessonPanel(page).getByRole('button', { name: 'Export' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/^token-lab-2026-05-23T\d\d-\d\d-\d\d\.json$/)
  const file = await download.path()

  const other = await freshPage(browser)
  await openLab(other, '/?seed=2')
  await run(other, 'kubectl create namespace mine')
  const panel = lessonPanel(other)
  const input = panel.getByLabel('Lab file to import')
  const status = panel.getByRole('status')

  const refused = async (name: string, body: string | Buffer, message: string) => {
    await input.setInputFiles({ name, mimeType: 'application/json', buffer: typeof body === 'string' ? Buffer.from(body) : body })
    await expect(status).toHaveText(message, { timeout: 30_000 })
    expect((await run(other, 'kubectl get ns mine -o name')).stdout).toBe('namespace/mine\n')
  }
  await refused('junk.json', 'not json', 'Import failed: the file is not JSON. Your lab is unchanged.')
  await refused('newer.json', JSON.stringify({ v: 7, snapshot: {} }), 'Import failed: the file was made by a newer version of the lab (file version 7; this page reads version 1). Your lab is unchanged.')
  await refused('empty.json', '{"v":1,"snapshot":{"version":1}}', 'Import failed: the file cannot be used: startMs: missing. Your lab is unchanged.')
  await refused('big.json', Buffer.alloc(5 * 1024 * 1024 + 1, 32), `Import failed: the file is too large (${5 * 1024 * 1024 + 1} bytes; at most ${5 * 1024 * 1024}). Your lab is unchanged.`)

  await input.setInputFiles(file)
  await expect(status).toHaveText(/^Imported /, { timeout: 30_000 })
  await waitIdle(other)
  expect((await run(other, 'kubectl get ns sa-demo -o name')).stdout).toBe('namespace/sa-demo\n')
  expect((await run(other, 'kubectl get ns mine -o name')).exitCode).not.toBe(0)
  expect(await currentLesson(other)).toMatchObject({ id: 'article', step: 1 })
  await expect(stepHeading(other, 'A namespace comes with an identity')).toBeVisible()
})
