// The clock controls: pause, play and speed move the lab time by the wall time that passes
// (Playwright's page.clock stands in for the wall), jumps land on the next event, refresh,
// warnafter and exp, and `lab advance` typed in the terminal moves the same display.
import { expect, test, type Page } from '@playwright/test'
import { clearStorageOnce, RUN_APP, runLines, SET_TOK } from './support/article'
import { openLab, terminalLog, typeCommand, waitWarmedUp } from './support/terminal'
import { holdEditorPreload } from './support/editor'

test.beforeEach(async ({ page, context }) => {
  await holdEditorPreload(context)
  await clearStorageOnce(page)
})

const shownTime = (page: Page) => page.getByTestId('lab-clock')
const clockState = (page: Page) => page.getByTestId('lab-clock-state')
const shownMs = async (page: Page) => Number(await shownTime(page).getAttribute('data-ms'))
const labMs = (page: Page) => page.evaluate(() => (window.lab as unknown as { nowMs(): number }).nowMs())
const rfc3339 = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')
const headerText = (ms: number) => `${rfc3339(ms).replace('T', ' ').replace('Z', '')} UTC`

test('pause, play and speed: the lab moves by the wall time that passed times the speed', async ({ page }) => {
  const T0 = Date.UTC(2026, 5, 1, 12, 0, 0)
  await page.clock.install({ time: T0 })
  await openLab(page, '/') // no seed: the clock plays at real speed
  await expect(clockState(page)).toHaveText('running at real speed')
  // the clock controls come once start-up has settled, which waits for a quiet moment on the page's
  // clock: with that clock paused first, a slow start-up would never show them
  await expect(page.getByRole('button', { name: 'Pause clock' })).toBeVisible()
  await page.clock.pauseAt(T0 + 30_000)
  await waitWarmedUp(page)

  await page.getByRole('button', { name: 'Pause clock' }).click()
  await expect(clockState(page)).toHaveText('paused')
  await expect.poll(async () => (await labMs(page)) - (await shownMs(page))).toBe(0)
  const L = await labMs(page)
  await page.clock.runFor(60_000) // a minute of wall time while paused
  expect(await labMs(page)).toBe(L)
  expect(await shownMs(page)).toBe(L)

  await page.getByRole('button', { name: 'Play clock' }).click()
  await expect(clockState(page)).toHaveText('running at real speed')
  await page.clock.runFor(5_000)
  await expect.poll(() => shownMs(page)).toBe(L + 5_000)

  await page.getByRole('combobox', { name: 'Clock speed' }).selectOption('60')
  await expect(clockState(page)).toHaveText('running at 60× (1 min/s)')
  await page.clock.runFor(10_000) // ten seconds at a minute per second
  await expect.poll(() => shownMs(page)).toBe(L + 5_000 + 600_000)

  await page.getByRole('combobox', { name: 'Clock speed' }).selectOption('3600')
  await page.clock.runFor(2_000) // two seconds at an hour per second
  const expected = L + 5_000 + 600_000 + 7_200_000
  await expect.poll(() => shownMs(page)).toBe(expected)
  await expect(shownTime(page)).toHaveText(headerText(expected))

  await page.getByRole('button', { name: 'Pause clock' }).click()
  await expect(clockState(page)).toHaveText('paused')
  await expect.poll(() => labMs(page)).toBe(expected)
  await page.clock.runFor(10_000)
  expect((await typeCommand(page, 'lab now')).map((l) => l.text)).toEqual([rfc3339(expected)])
})

test('jumps: the next event, then a token’s refresh, warnafter and exp', async ({ page }) => {
  await openLab(page, '/?seed=1')
  await expect(clockState(page)).toHaveText('paused — only commands and buttons move it')
  await runLines(page, ['kubectl create namespace sa-demo', RUN_APP])

  // The pod's start-up is scheduled work: jump from event to event until none is left.
  const nextEvent = page.getByTestId('jump-event')
  for (let i = 0; i < 10 && (await nextEvent.getAttribute('aria-disabled')) !== 'true'; i++) {
    const at = Number(await nextEvent.getAttribute('data-at'))
    await nextEvent.click()
    await expect(shownTime(page)).toHaveAttribute('data-ms', String(at))
  }
  await expect(nextEvent).toHaveAttribute('aria-disabled', 'true')
  // said in words, not only by the dashed border; the cluster's, apart from the token's times after their label
  await expect(nextEvent).toHaveText('cluster event: none', { useInnerText: true })
  await expect(page.locator('.clock-token-jumps')).toContainText(/^token:\s*refresh[^]*warnafter[^]*exp[^]*of/, { useInnerText: true })
  const pods = (await typeCommand(page, 'kubectl -n sa-demo get pod app')).map((l) => l.text)
  expect(pods[1]).toMatch(/^app\s+1\/1\s+Running\s+0\s+/)

  await runLines(page, [SET_TOK])
  const tok = (await typeCommand(page, 'echo $TOK'))[0].text
  const claims = JSON.parse(Buffer.from(tok.split('.')[1], 'base64url').toString()) as { iat: number; exp: number; jti: string; 'kubernetes.io': { warnafter: number } }
  await page.getByRole('combobox', { name: 'Jump targets of' }).selectOption('any')
  // of any token, each time says whose it is, named as the timeline names tokens
  await expect(page.getByTestId('jump-warnafter')).toHaveAttribute('title', new RegExp(`of any token \\(token ${claims.jti.slice(0, 8)}… of pod sa-demo/app\\)`))
  await expect(page.getByTestId('jump-refresh')).toHaveAttribute('title', /of any token \(the token file of pod sa-demo\/app\)/)

  const refresh = page.getByTestId('jump-refresh')
  const refreshAt = Number(await refresh.getAttribute('data-at'))
  await expect(refresh).toHaveText(/^refresh \+\d/, { useInnerText: true })
  expect(refreshAt).toBeGreaterThan(claims.iat * 1000)
  expect(refreshAt).toBeLessThan(claims['kubernetes.io'].warnafter * 1000)
  await refresh.click()
  await expect(shownTime(page)).toHaveAttribute('data-ms', String(refreshAt))

  await page.getByTestId('jump-warnafter').click()
  await expect(shownTime(page)).toHaveAttribute('data-ms', String(claims['kubernetes.io'].warnafter * 1000))
  await expect(page.getByRole('status').filter({ hasText: 'Moving the clock to the warnafter time of any token' })).toBeAttached()
  // The jump is a command in the terminal: the transcript shows it, and lab undo takes it back.
  await expect(terminalLog(page)).toContainText(/lab advance \S+\s*Advanced/, { timeout: 30_000 })

  await page.getByTestId('jump-exp').click()
  await expect(shownTime(page)).toHaveAttribute('data-ms', String(claims.exp * 1000))
  await expect(shownTime(page)).toHaveText(headerText(claims.exp * 1000))
  expect((await typeCommand(page, 'lab now')).map((l) => l.text)).toEqual([rfc3339(claims.exp * 1000)])
  await typeCommand(page, 'lab undo')
  await expect(shownTime(page)).toHaveAttribute('data-ms', String(claims['kubernetes.io'].warnafter * 1000), { timeout: 30_000 })
})

test('`lab advance 1h` typed in the terminal moves the header clock', async ({ page }) => {
  await openLab(page, '/?seed=1')
  const before = await shownMs(page)
  await expect(shownTime(page)).toHaveText(headerText(before))
  await typeCommand(page, 'lab advance 1h')
  await expect(shownTime(page)).toHaveAttribute('data-ms', String(before + 3_600_000))
  await expect(shownTime(page)).toHaveText(headerText(before + 3_600_000))
  // and the jump targets follow: the seeded clock stays paused
  await expect(clockState(page)).toHaveText('paused — only commands and buttons move it')
})
