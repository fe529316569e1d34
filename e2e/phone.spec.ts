// A phone (390x844, touch): a lesson command runs with one tap. The Lesson tab hides the terminal,
// so a tapped Run brings the Terminal tab to the front, where the command is typed and its output
// shows; the Lesson tab brings the student back. Hints speak of taps, not of keys.
import { expect, test } from '@playwright/test'
import { openLab, terminalLog, waitIdle } from './support/terminal'

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true })

test('a tap on a lesson command runs it in the Terminal tab; hints are for fingers', async ({ page }) => {
  test.setTimeout(120_000)
  await openLab(page)
  const tabs = page.getByRole('tablist', { name: 'Panels' })
  await tabs.getByRole('tab', { name: 'Lesson' }).tap()
  const lesson = page.getByRole('region', { name: 'Lesson' })
  await expect(lesson).toBeVisible()
  await expect(page.locator('#pane-terminal')).toBeHidden()
  await expect(lesson.getByText('Tap Run: the Terminal tab opens')).toBeVisible()

  // The welcome's command opens the article: tapped, it runs in front of the student.
  const open = lesson.getByRole('button', { name: 'Run lab lesson article' })
  const size = await open.boundingBox()
  expect(size!.height).toBeGreaterThanOrEqual(44)
  await open.tap()
  await expect(tabs.getByRole('tab', { name: 'Terminal' })).toHaveAttribute('aria-selected', 'true')
  await expect(page.locator('#pane-terminal')).toBeVisible()
  await expect(terminalLog(page)).toContainText('# lab lesson article', { timeout: 30_000 })
  await waitIdle(page)

  // Back to the lesson: the step's first command, tapped, creates the namespace in the terminal.
  await tabs.getByRole('tab', { name: 'Lesson' }).tap()
  const create = lesson.getByRole('button', { name: /^Run kubectl create namespace / })
  await expect(create).toBeVisible({ timeout: 30_000 })
  await create.tap()
  await expect(tabs.getByRole('tab', { name: 'Terminal' })).toHaveAttribute('aria-selected', 'true')
  await expect(terminalLog(page)).toContainText(/namespace\/[\w-]+ created/, { timeout: 30_000 })

  // The terminal's hint is about tapping and the key bar, not about Ctrl keys on a keyboard.
  const help = page.locator('#pane-terminal .term-help')
  await expect(help).toContainText('tap')
  await expect(help).not.toContainText('Ctrl+L')
})
