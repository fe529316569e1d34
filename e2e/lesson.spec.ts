// The lesson panel (a region named "Lesson", beside the terminal): a first visit shows the
// welcome and the list; a lesson done with the mouse only, with the keyboard only, and in
// presenter mode with its keys; checks tick as they come true; axe finds nothing on the panel.
import { expect, test, type Page } from '@playwright/test'
import { commandLine, openLab, PS1, shownLines, waitIdle } from './support/terminal'
import { currentLesson, expectAllTicked, lessonPanel, outline, stepHeading, tabTo, waitEchoed } from './support/lesson'
import { clearStorageOnce } from './support/article'
import { holdEditorPreload } from './support/editor'
import { axeViolations, describeViolations } from './support/axe'

test.beforeEach(async ({ page, context }) => {
  await holdEditorPreload(context)
  await clearStorageOnce(page)
  await page.setViewportSize({ width: 1280, height: 800 })
})

const STEP1 = 'A namespace comes with an identity'
const STEP2 = 'A pod, and the files it finds'

async function articleTitle(page: Page): Promise<string> {
  return (await outline(page)).find((l) => l.id === 'article')!.title
}

test('first visit: a welcome and the list; the mouse alone opens the article, runs its commands and moves on', async ({ page }) => {
  test.setTimeout(180_000)
  await openLab(page, '/?seed=1')
  const panel = lessonPanel(page)
  await expect(panel.getByRole('heading', { name: 'Welcome' })).toBeVisible({ timeout: 30_000 })
  const list = panel.getByRole('navigation', { name: 'Lessons' })
  await expect(list.getByRole('button')).toHaveCount(7)
  // Beside the terminal at 1280x800, the page itself never scrolls (the panel does).
  const lessonBox = (await page.locator('#pane-lesson').boundingBox())!
  const termBox = (await page.locator('#pane-terminal').boundingBox())!
  expect(lessonBox.x + lessonBox.width).toBeLessThanOrEqual(termBox.x + 1)
  expect(termBox.width).toBeGreaterThan(400)
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(800)
  expect(await currentLesson(page)).toBeUndefined()

  await list.getByRole('button', { name: await articleTitle(page) }).click()
  await waitEchoed(page, 'lab lesson article')
  await expect(stepHeading(page, STEP1)).toBeVisible({ timeout: 30_000 })
  await expect(panel.getByText('step 1 of 8')).toBeVisible()
  // Nothing tried yet: each check is to do (○), with no verdict and no Expected/Found.
  await expect(panel.locator('.lesson-check.todo')).toHaveCount(2)
  await expect(panel.locator('.lesson-check.todo').first()).toHaveText(/^○To do: /)
  await expect(panel.locator('.lesson-checks')).not.toContainText('Expected:')
  // The Check button tries the step: crosses, with what each check found, and what it expected
  // where that says more than the check's name.
  await panel.getByRole('button', { name: 'Check', exact: true }).click()
  await waitEchoed(page, 'lab check')
  const crosses = panel.locator('.lesson-check.no')
  await expect(crosses).toHaveCount(2)
  await expect(crosses.first()).toContainText('namespace sa-demo exists Found: ')
  await expect(crosses.first()).not.toContainText('Expected:')
  await expect(crosses.nth(1)).toContainText('ServiceAccount sa-demo/default exists Expected: ServiceAccount sa-demo/default. Found: ')

  for (const cmd of ['kubectl create namespace sa-demo', 'kubectl -n sa-demo get sa']) {
    await panel.getByRole('button', { name: `Run ${cmd}` }).click()
    await waitEchoed(page, cmd)
  }
  await expectAllTicked(panel)
  await expect(panel.getByText('Step done: Next moves on.')).toBeVisible()
  const l = await currentLesson(page)
  expect(l).toMatchObject({ id: 'article', step: 1, passed: true })
  expect(l!.checks.every((c) => c.ok)).toBe(true)
  // The terminal echoed the clicked commands like typed ones.
  expect((await shownLines(page)).map((x) => x.text)).toContain(`${PS1}kubectl create namespace sa-demo`)

  await panel.getByRole('button', { name: 'Next', exact: true }).click()
  await waitEchoed(page, 'lab next')
  await expect(stepHeading(page, STEP2)).toBeVisible()
  expect((await currentLesson(page))!.step).toBe(2)

  // Reload: the student comes back to the step where they left.
  await page.reload()
  await openLab(page, '/?seed=1')
  await expect(stepHeading(page, STEP2)).toBeVisible({ timeout: 30_000 })
})

test('keyboard only: open a lesson, run its commands, reveal a hint, go on', async ({ page }) => {
  test.setTimeout(180_000)
  await openLab(page, '/?seed=1')
  const panel = lessonPanel(page)
  await expect(panel.getByRole('heading', { name: 'Welcome' })).toBeVisible({ timeout: 30_000 })
  await tabTo(page, panel.getByRole('button', { name: await articleTitle(page) }))
  await page.keyboard.press('Enter')
  await expect(stepHeading(page, STEP1)).toBeVisible({ timeout: 30_000 })

  await tabTo(page, panel.getByRole('button', { name: /^Hint/ }))
  await page.keyboard.press('Enter')
  await expect(panel.getByRole('list', { name: 'Hints' }).getByRole('listitem')).toHaveCount(1, { timeout: 30_000 })
  await expect(panel.getByRole('button', { name: /^Hint \(1 of/ })).toBeVisible()

  for (const cmd of ['kubectl create namespace sa-demo', 'kubectl -n sa-demo get sa']) {
    await tabTo(page, panel.getByRole('button', { name: `Run ${cmd}` }))
    await page.keyboard.press('Enter')
    await waitEchoed(page, cmd)
  }
  await expectAllTicked(panel)
  await tabTo(page, panel.getByRole('button', { name: 'Next', exact: true }))
  await page.keyboard.press('Space')
  await expect(stepHeading(page, STEP2)).toBeVisible({ timeout: 30_000 })

  // Show solution asks first; Esc says no; Enter on "Run the solution" types and runs them.
  await tabTo(page, panel.getByRole('button', { name: 'Show solution' }))
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog', { name: 'Show the solution?' })
  await expect(dialog).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await page.keyboard.press('Enter')
  await expect(dialog).toBeVisible()
  await expect(dialog.getByRole('button', { name: 'Run the solution' })).toBeFocused()
  await page.keyboard.press('Enter')
  const remaining = (await outline(page)).find((l) => l.id === 'article')!.steps[1].solution
  await waitEchoed(page, remaining[remaining.length - 1], 120_000)
  await expectAllTicked(panel, 120_000)
  expect((await currentLesson(page))!.remaining).toEqual([])
})

test('presenter mode: PageDown types and runs the next command, Shift+PageDown goes to the next step; large lesson text', async ({ page }) => {
  test.setTimeout(180_000)
  await openLab(page, '/?seed=1&presenter=1&lesson=article')
  const panel = lessonPanel(page)
  await expect(stepHeading(page, STEP1)).toBeVisible({ timeout: 30_000 })
  const size = await panel.locator('.lesson-prose p').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
  expect(size).toBeGreaterThanOrEqual(18)
  await expect(panel.getByText('PageDown types and runs the next command')).toBeVisible()

  // The keys work with the focus in the command line.
  await commandLine(page).focus()
  await page.keyboard.press('PageDown')
  await waitEchoed(page, 'kubectl create namespace sa-demo')
  await page.keyboard.press('PageDown')
  await waitEchoed(page, 'kubectl -n sa-demo get sa')
  await expectAllTicked(panel)
  await expect(commandLine(page)).toHaveValue('')
  await page.keyboard.press('Shift+PageDown')
  await expect(stepHeading(page, STEP2)).toBeVisible({ timeout: 30_000 })
  await page.keyboard.press('PageDown')
  await waitEchoed(page, 'kubectl -n sa-demo run app --image=registry.k8s.io/e2e-test-images/agnhost:2.45 --command -- sleep 100000')
  await waitIdle(page)
})

test('?lesson= with an unknown id says so in the terminal and lists the lessons', async ({ page }) => {
  await openLab(page, '/?seed=1&lesson=nope')
  await expect
    .poll(async () => (await shownLines(page)).map((l) => l.text).join('\n'), { timeout: 30_000 })
    .toContain('URL parameter lesson=nope ignored: no lesson "nope"; the lessons are: article, ')
  expect(await currentLesson(page)).toBeUndefined()
})

test('axe: no violation on the lesson panel, with the welcome and with a step open', async ({ page }) => {
  test.setTimeout(120_000)
  await openLab(page, '/?seed=1')
  const panel = lessonPanel(page)
  await expect(panel.getByRole('heading', { name: 'Welcome' })).toBeVisible({ timeout: 30_000 })
  const check = async () => {
    expect(describeViolations(await axeViolations(page, '#pane-lesson'))).toEqual([])
  }
  await check()
  await panel.getByRole('button', { name: await articleTitle(page) }).click()
  await expect(stepHeading(page, STEP1)).toBeVisible({ timeout: 30_000 })
  await panel.getByRole('button', { name: /^Hint/ }).click()
  await expect(panel.getByRole('list', { name: 'Hints' })).toBeVisible({ timeout: 30_000 })
  await check()
})
