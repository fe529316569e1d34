// The page's warm-up (src/app/pageWarmUp.ts): once start-up has settled and the keyboard rests, the
// page types a few lines into a terminal of its own that is never shown, so that the student's
// first command does not run through code the engine has never compiled. The student's terminal,
// focus and lab see nothing of it.
import { expect, test } from '@playwright/test'
import { commandLine, openLab, shownLines, typeCommand } from './support/terminal'
import { holdEditorPreload } from './support/editor'

test.beforeEach(async ({ context }) => {
  await holdEditorPreload(context)
})

test('the page warms up a terminal nobody sees: the student sees nothing of it, and the lab knows nothing of it', async ({ page }) => {
  await openLab(page, '/?seed=1')
  await typeCommand(page, 'echo before')
  const before = await shownLines(page)
  // at the first pause of the keyboard after start-up (2 s)
  await expect.poll(() => page.evaluate(() => performance.getEntriesByName('page-warm').length), { timeout: 20_000 }).toBe(1)
  // it typed its lines: each one echoed, most with output (15 lines)
  const detail = await page.evaluate(() => (performance.getEntriesByName('page-warm')[0] as PerformanceMark).detail as { lines: number })
  expect(detail.lines).toBeGreaterThanOrEqual(15)
  expect(await shownLines(page)).toEqual(before)
  await expect(commandLine(page)).toBeFocused()
  // the lab's history holds the student's lines only
  const lines = await typeCommand(page, 'history')
  expect(lines.map((l) => l.text.replace(/^\s*\d+\s+/, ''))).toEqual(['echo before', 'history'])
})
