// The terminal follows its output (the prompt in view) unless the reader scrolled up to read:
// after Enter, through long output, and while a command streams output.
import { expect, test } from '@playwright/test'
import { clearStorageOnce } from './support/article'
import { holdEditorPreload } from './support/editor'
import { box, inside } from './support/geometry'
import { commandLine, openLab, terminalLog, typeCommand, waitIdle } from './support/terminal'

test.beforeEach(async ({ page, context }) => {
  await holdEditorPreload(context)
  await clearStorageOnce(page)
})

test('long output keeps the prompt in view; a reader who scrolled up stays there until Enter', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 })
  await openLab(page)
  const scroller = page.locator('.term-scroll')
  const promptInView = async () => {
    const [term, pr] = [await box(page, '.term-scroll'), await box(page, '[data-testid="prompt"]')]
    return inside(pr, term)
  }
  await typeCommand(page, 'seq 200')
  await expect.poll(promptInView).toBe(true)
  // scrolled to the top to read: output that comes meanwhile does not move the view (set again until
  // it holds for two frames: a scroll in the frame that follows an answer is taken for the browser's)
  await expect
    .poll(() =>
      scroller.evaluate(async (el) => {
        el.scrollTop = 0
        for (let i = 0; i < 2; i++) await new Promise((r) => requestAnimationFrame(r))
        return el.scrollTop
      }),
    )
    .toBe(0)
  await page.evaluate(() => window.lab!.run('seq 300'))
  await waitIdle(page)
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
  expect(await scroller.evaluate((el) => el.scrollTop)).toBe(0)
  expect(await promptInView()).toBe(false)
  // Enter brings the prompt back, with the answer
  await typeCommand(page, 'echo back')
  await expect.poll(promptInView).toBe(true)
})

test('a reader who scrolls up with the wheel while output streams in stays where they scrolled', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 })
  await openLab(page)
  const scroller = page.locator('.term-scroll')
  const input = commandLine(page)
  await input.fill('for i in $(seq 1 20000); do echo line $i; done')
  await input.press('Enter')
  // the output follows while it streams in
  await expect(terminalLog(page)).toContainText('line 300')
  await expect.poll(() => scroller.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight)).toBeLessThan(30)
  const b = await box(page, '.term-scroll')
  await page.mouse.move(b.x + 100, b.y + 100)
  for (let i = 0; i < 3; i++) await page.mouse.wheel(0, -400)
  await expect.poll(() => scroller.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight)).toBeGreaterThan(600)
  const at = await scroller.evaluate((el) => ({ top: el.scrollTop, height: el.scrollHeight }))
  await page.waitForTimeout(300)
  const then = await scroller.evaluate((el) => ({ top: el.scrollTop, height: el.scrollHeight }))
  // still streaming (the check means something), and the view stays put
  expect(then.height).toBeGreaterThan(at.height)
  expect(Math.abs(then.top - at.top)).toBeLessThan(2)
  await input.press('Control+c')
})
