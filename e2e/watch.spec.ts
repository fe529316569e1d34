// A live watch in the page: the lab's worker paces it (a timer per interval), so it refreshes
// the screen every interval with the lab clock moved on, until Ctrl+C ends it. It draws on the
// terminal's alternate screen, as the real one does through ncurses: when it ends, the screen from
// before it comes back (its own line included) and its refreshes are gone.
import { expect, test } from '@playwright/test'
import { commandLine, openLab, PS1, shownLines, typeCommand, waitIdle } from './support/terminal'

test('watch refreshes live against the lab clock, and Ctrl+C ends it', async ({ page }) => {
  await openLab(page, '/?seed=1')
  await typeCommand(page, 'echo before')
  const input = commandLine(page)
  await input.fill('watch -n 1 lab now')
  await input.press('Enter')
  await expect(page.locator('.t-inputline')).toHaveAttribute('data-busy', 'true')

  // Each refresh clears the screen: one header, and below it the lab time, one second later each time.
  const seen: string[] = []
  await expect
    .poll(
      async () => {
        const lines = (await shownLines(page)).map((l) => l.text)
        expect(lines.filter((l) => l.startsWith('Every 1.0s: lab now')).length).toBeLessThanOrEqual(1)
        const time = lines.find((l) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(l))
        if (time !== undefined && !seen.includes(time)) seen.push(time)
        return seen.length
      },
      { timeout: 30_000, intervals: [150] },
    )
    .toBeGreaterThanOrEqual(3)
  const [a, b, c] = seen.map((t) => Date.parse(t))
  expect([b - a, c - b]).toEqual([1000, 1000])

  await input.press('Control+c')
  await waitIdle(page)
  expect((await shownLines(page)).map((l) => l.text)).toEqual([`${PS1}echo before`, 'before', `${PS1}watch -n 1 lab now`])
  expect((await typeCommand(page, 'echo "back $?"')).map((l) => l.text)).toEqual(['back 0'])
})
