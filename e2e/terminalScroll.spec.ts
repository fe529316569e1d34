// The terminal follows its output (the prompt in view) unless the reader scrolled up to read:
// after Enter, through long output, and while a command streams output.
import { expect, test, type Page } from '@playwright/test'
import { clearStorageOnce } from './support/article'
import { holdEditorPreload } from './support/editor'
import { box, inside } from './support/geometry'
import { commandLine, openLab, terminalLog, typeCommand, waitIdle } from './support/terminal'

test.beforeEach(async ({ page, context }) => {
  await holdEditorPreload(context)
  await clearStorageOnce(page)
})

/** Whether the prompt is inside the terminal's scroller's visible box. */
async function promptInViewOf(page: Page): Promise<boolean> {
  const [term, pr] = [await box(page, '.term-scroll'), await box(page, '[data-testid="prompt"]')]
  return inside(pr, term)
}

test('long output keeps the prompt in view; a reader who scrolled up stays there until Enter', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 })
  await openLab(page)
  const scroller = page.locator('.term-scroll')
  const promptInView = () => promptInViewOf(page)
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

for (const how of ['the wheel', 'Page Up'] as const) {
  test(`a reader who scrolls up with ${how} while output streams in stays where they scrolled`, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 })
    await openLab(page)
    const scroller = page.locator('.term-scroll')
    const input = commandLine(page)
    // Each pass asks the API server, so that the output streams for a while: a loop of echo alone
    // ends in about a second now (its speed once came from building its set -x line on every pass).
    await input.fill('for i in $(seq 1 20000); do echo line $i; kubectl get clusterroles >/dev/null; done')
    await input.press('Enter')
    // the output follows while it streams in: measured in an animation frame, after the terminal's
    // own (between two frames the lines of the latest chunk stand below the view until it follows)
    await expect(terminalLog(page)).toContainText('line 300')
    await expect
      .poll(() => scroller.evaluate((el) => new Promise<number>((r) => requestAnimationFrame(() => r(el.scrollHeight - el.scrollTop - el.clientHeight)))))
      .toBeLessThan(30)
    if (how === 'the wheel') {
      const b = await box(page, '.term-scroll')
      await page.mouse.move(b.x + 100, b.y + 100)
      for (let i = 0; i < 3; i++) await page.mouse.wheel(0, -400)
    } else {
      // the command line leaves Page Up to the terminal's scroller
      for (let i = 0; i < 3; i++) await input.press('PageUp')
    }
    await expect.poll(() => scroller.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight)).toBeGreaterThan(600)
    // What the reader sees: the line at the top of the view and where it stands, and the newest line.
    // (Compared by text: once the output passes the lines the terminal keeps, the oldest leave from
    // the top as new ones come, and the view must keep showing the same lines.)
    const view = () =>
      scroller.evaluate((el) => {
        const r = el.getBoundingClientRect()
        const top = document.elementFromPoint(r.left + 40, r.top + 4)?.closest('.t-line')
        const lines = el.querySelectorAll('.t-line')
        return { top: top?.textContent ?? '', y: (top?.getBoundingClientRect().top ?? NaN) - r.top, newest: Number(/\d+$/.exec(lines[lines.length - 1]?.textContent ?? '')?.[0] ?? 0) }
      })
    // once the reader's own scroll has ended (Page Up scrolls smoothly, over several frames)
    await expect
      .poll(async () => {
        const before = (await view()).top
        await page.waitForTimeout(150)
        return (await view()).top === before
      })
      .toBe(true)
    const at = await view()
    expect(at.top).toMatch(/^line \d+$/)
    await page.waitForTimeout(300)
    const then = await view()
    // still streaming (the check means something), and the view stays put
    expect(then.newest).toBeGreaterThan(at.newest)
    expect(then.top).toBe(at.top)
    expect(Math.abs(then.y - at.y)).toBeLessThan(2)
    await input.press('Control+c')
  })
}

test('output that goes on past the lines the terminal keeps ends with the prompt in view', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 })
  await openLab(page)
  // 5,100 lines at once, then a few at a time: once the terminal holds all it keeps, the oldest
  // lines leave the top as each few come, with no change of height, and the browser's scroll
  // anchoring moves the view up: that is not the reader scrolling
  // (not typeCommand: the command's own echo is among the lines that leave)
  const input = commandLine(page)
  await input.fill('seq 5100; for i in $(seq 1 1000); do echo line $i; done; echo END')
  await input.press('Enter')
  await expect(terminalLog(page)).toContainText('END', { timeout: 30_000 })
  await waitIdle(page)
  await expect.poll(() => promptInViewOf(page)).toBe(true)
})
