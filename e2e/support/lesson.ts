// Helpers for the lesson panel (src/ui/lesson): the region, its step, its checks, and waiting
// for a command that a panel control typed into the terminal.
import { expect, type Locator, type Page } from '@playwright/test'
import { shownLines, waitIdle } from './terminal'

export interface E2eLesson {
  id: string
  step: number
  steps: number
  stepTitle: string
  passed: boolean
  checks: { name: string; ok: boolean; expected: string; found: string }[]
  hintsShown: string[]
  remaining: string[]
  commands: string[]
}

export interface E2eOutline {
  id: string
  title: string
  steps: { title: string; commands: string[]; solution: string[]; checks: string[] }[]
}

type LessonApi = { lesson(): E2eLesson | undefined; lessons(): Promise<E2eOutline[]>; shareLink(): Promise<string>; history(): string[] }

export const lessonPanel = (page: Page) => page.getByRole('region', { name: 'Lesson', exact: true })
export const stepHeading = (page: Page, title: string) => lessonPanel(page).getByRole('heading', { name: title, exact: true })

export const currentLesson = (page: Page) => page.evaluate(() => (window.lab as unknown as LessonApi).lesson())
export const outline = (page: Page) => page.evaluate(() => (window.lab as unknown as LessonApi).lessons())
export const labHistory = (page: Page) => page.evaluate(() => (window.lab as unknown as LessonApi).history())

/** Wait until the terminal has echoed `command` (typed by a panel control) and is idle again. */
export async function waitEchoed(page: Page, command: string, timeout = 60_000): Promise<void> {
  // Waits in the page (checked every frame) rather than polling from here at growing intervals.
  const echoed = page.waitForFunction(
    (command) => [...document.querySelectorAll('[role="log"] .t-line')].some((l) => (l.textContent ?? '').endsWith(`# ${command}`)),
    command,
    { timeout },
  )
  await echoed.catch(async (e: unknown) => {
    const last = (await shownLines(page)).slice(-5).map((l) => l.text)
    throw new Error(`the terminal did not echo ${command} (${e instanceof Error ? e.message : String(e)}); its last lines: ${JSON.stringify(last)}`)
  })
  await waitIdle(page, timeout)
}

/** Every check of the panel's step shows a tick. */
export async function expectAllTicked(panel: Locator, timeout = 60_000): Promise<void> {
  const checks = panel.getByRole('list', { name: 'Checks' }).getByRole('listitem')
  await expect(checks.first()).toBeVisible({ timeout })
  await expect(panel.locator('.lesson-check.no')).toHaveCount(0, { timeout })
}

/** Press Tab (Esc first inside the terminal, where Tab completes) until `target` has the focus. */
export async function tabTo(page: Page, target: Locator, max = 150): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return
    const inTerminal = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') === 'Command line')
    if (inTerminal) await page.keyboard.press('Escape')
    await page.keyboard.press('Tab')
  }
  throw new Error(`Tab never reached ${target.toString()}`)
}
