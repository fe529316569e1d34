// The lab's start and what it starts from: the command line before the page's script has loaded,
// window.lab before its code arrives, the lab clock with and without a seed, a link with another
// seed, and saved states that cannot be used (set aside, with a notice) or are reset.
import { asideRaw } from './support/saves'
import { expect, test, type Page } from '@playwright/test'
import { commandLine, openLab, PS1, shownLines, typeCommand, waitIdle, waitWarmedUp } from './support/terminal'
import { clearStorageOnce } from './support/article'
import { holdEditorPreload } from './support/editor'

test.beforeEach(async ({ page, context }) => {
  await holdEditorPreload(context)
  // Each test starts from an empty browser profile anyway; make it explicit for reruns.
  await clearStorageOnce(page)
})

test('a saved state that cannot be read is reported and set aside', async ({ page }) => {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('e2e-corrupted')) {
      localStorage.setItem('tokenlab:state:v1', '{"v":1,"snapshot":')
      sessionStorage.setItem('e2e-corrupted', '1')
    }
  })
  await openLab(page)
  const text = (await shownLines(page)).map((l) => l.text).join('\n')
  expect(text).toContain('Your saved lab could not be read (it is not valid JSON)')
  const key = /"(broken:[^"]+)"/.exec(text)?.[1]
  expect(key).toBeTruthy()
  expect(await asideRaw(page, key!)).toBe('{"v":1,"snapshot":')
  expect(await page.evaluate(() => window.lab!.savedStates())).toContain(key)
  // and the fresh lab works
  expect(await typeCommand(page, 'echo fresh')).toEqual([{ text: 'fresh', stderr: false }])
})

test('a bad URL parameter is reported and ignored', async ({ page }) => {
  await openLab(page, '/?seed=1&step=zero')
  const lines = await shownLines(page)
  expect(lines[0].text).toBe('URL parameter step="zero" ignored: use a step number from 1 to 999.')
  expect(await page.evaluate(() => window.lab!.params.step)).toBeUndefined()
})

test('without a seed the lab clock runs at real speed; commands see the time that passed', async ({ page }) => {
  const T0 = Date.UTC(2026, 5, 1, 12, 0, 0)
  await page.clock.install({ time: T0 })
  await openLab(page, '/')
  await page.clock.pauseAt(T0 + 60_000)
  await page.clock.runFor(1_000)
  await waitWarmedUp(page)
  const clock = page.getByTestId('lab-clock')
  // the header draws the second the page clock reached in a task of its own: read it once it
  // has (two reads alike; the page clock is paused, so it stays)
  let a = NaN
  await expect
    .poll(async () => {
      const v = Date.parse((await clock.getAttribute('datetime'))!)
      const same = v === a
      a = v
      return same
    })
    .toBe(true)
  await page.clock.runFor(5_000)
  await expect(clock).toHaveAttribute('datetime', new Date(a + 5_000).toISOString())
  const out = await typeCommand(page, 'lab now')
  expect(out.map((l) => l.text)).toEqual([new Date(a + 5_000).toISOString().replace(/\.\d{3}Z$/, 'Z')])
})

test('with a seed the lab clock stands still between commands', async ({ page }) => {
  await openLab(page, '/?seed=1')
  const clock = page.getByTestId('lab-clock')
  const before = await clock.getAttribute('datetime')
  await page.waitForTimeout(1_200)
  await expect(clock).toHaveAttribute('datetime', before!)
  await expect(page.getByText('only commands and buttons move it')).toBeVisible()
})

test('a link with another seed starts fresh and keeps the previous lab aside', async ({ page }) => {
  await openLab(page, '/?seed=1')
  await typeCommand(page, 'echo in-seed-1')
  await page.goto('/?seed=2')
  await page.evaluate(() => window.lab!.ready)
  const text = (await shownLines(page)).map((l) => l.text)
  expect(text.some((l) => l === `${PS1}echo in-seed-1`)).toBe(false)
  const note = text.find((l) => l.startsWith('This link starts a fresh lab with seed 2'))
  expect(note).toContain('Your previous lab (seed 1')
  const key = /"(previous:[^"]+)"/.exec(note!)?.[1]
  expect(key).toBeTruthy()
  expect(await page.evaluate(() => window.lab!.savedStates())).toContain(key)
})

test('window.lab is there from the entry script on; until its code arrives, calls wait for it', async ({ page }) => {
  let release!: () => void
  const gate = new Promise<void>((r) => (release = r))
  await page.route(/\/assets\/windowLab-[^/]+\.js$/, async (route) => {
    await gate
    await route.continue()
  })
  await page.goto('/?seed=1')
  await page.waitForFunction(() => window.lab !== undefined)
  expect(await page.evaluate(() => window.lab!.params.seed)).toBe('1')
  // a call made on the stand-in now waits for the real window.lab, then runs
  const ran = page.evaluate(() => window.lab!.run('echo through-the-stand-in'))
  release()
  expect(await ran).toEqual({ stdout: 'through-the-stand-in\n', stderr: '', exitCode: 0 })
})

/** Open the lab with the page's script held back (index.html's command line only); returns what lets it load. */
async function openHoldingScript(page: Page): Promise<() => void> {
  let release!: () => void
  const gate = new Promise<void>((r) => (release = r))
  await page.route(/\/assets\/index-[^/]+\.js$/, async (route) => {
    await gate
    await route.continue()
  })
  await page.goto('/?seed=1', { waitUntil: 'commit' })
  return release
}

test('the command line takes input before the page script has loaded', async ({ page }) => {
  const release = await openHoldingScript(page)
  // index.html's own command line (the page's script is held back above)
  await expect(page.locator('#boot-input')).toBeFocused()
  expect(await page.evaluate(() => window.lab)).toBeUndefined()
  await page.keyboard.type('echo typed-early')
  await page.keyboard.press('Enter')
  await page.keyboard.type('echo still-typing')
  release()
  await page.waitForFunction(() => window.lab !== undefined)
  await page.evaluate(() => window.lab!.ready)
  await waitIdle(page)
  const lines = (await shownLines(page)).map((l) => l.text)
  expect(lines).toEqual([`${PS1}echo typed-early`, 'typed-early'])
  await expect(commandLine(page)).toHaveValue('echo still-typing')
  await expect(commandLine(page)).toBeFocused()
})

test('the command line keeps taking keys while the terminal renders, and the terminal takes them over', async ({ page }) => {
  // The page's script renders the terminal as a transition: until it commits, index.html's command
  // line stays and takes keys. The test hook window.__labHoldRender holds that render open.
  await page.addInitScript(() => {
    const w = window as unknown as { __labHoldRender?: Promise<void>; __labRelease?: () => void }
    w.__labHoldRender = new Promise<void>((resolve) => (w.__labRelease = resolve))
  })
  await page.goto('/?seed=1', { waitUntil: 'commit' })
  // window.lab's stand-in is set just before the render starts
  await page.waitForFunction(() => window.lab !== undefined)
  await expect(page.locator('#boot-input')).toBeFocused()
  await page.keyboard.type('echo mid')
  await page.keyboard.press('Enter')
  await page.keyboard.type('echo b')
  // still index.html's command line: the terminal had not appeared when these keys went in
  expect(await page.evaluate(() => document.getElementById('boot-input')?.isConnected === true)).toBe(true)
  await page.evaluate(() => (window as unknown as { __labRelease: () => void }).__labRelease())
  await page.evaluate(() => window.lab!.ready)
  await waitIdle(page)
  expect((await shownLines(page)).map((l) => l.text)).toEqual([`${PS1}echo mid`, 'mid'])
  await expect(commandLine(page)).toHaveValue('echo b')
  await expect(commandLine(page)).toBeFocused()
})

test('lab reset also resets what a reload restores', async ({ page }) => {
  await openLab(page, '/?seed=1')
  await typeCommand(page, 'kubectl create namespace gone-after-reset')
  await typeCommand(page, 'lab reset')
  await page.reload()
  await page.evaluate(() => window.lab!.ready)
  const out = await typeCommand(page, 'kubectl get ns gone-after-reset')
  expect(out).toEqual([{ text: 'Error from server (NotFound): namespaces "gone-after-reset" not found', stderr: true }])
})

test('a saved lab the lab itself refuses is set aside too, with the lab’s reason', async ({ page }) => {
  const bad = JSON.stringify({ v: 1, savedAt: 'then', seed: '1', snapshot: { version: 99 }, lines: [[['out', 'old line']]] })
  await page.addInitScript((bad) => {
    if (!sessionStorage.getItem('e2e-corrupted')) {
      localStorage.setItem('tokenlab:state:v1', bad)
      sessionStorage.setItem('e2e-corrupted', '1')
    }
  }, bad)
  await openLab(page, '/?seed=1')
  const text = (await shownLines(page)).map((l) => l.text)
  expect(text).not.toContain('old line')
  const note = text.find((l) => l.startsWith('Your saved lab could not be read ('))
  expect(note).toContain('version 99')
  const key = /"(broken:[^"]+)"/.exec(note!)?.[1]
  expect(key).toBeTruthy()
  expect(await asideRaw(page, key!)).toBe(bad)
})
