// Driving the editor the way a student does (open a file with a command, type, save with Ctrl+S),
// and holding its background preload in tests that never open it.
import { expect, type BrowserContext, type Page } from '@playwright/test'
import { commandLine, waitIdle } from './terminal'

/** Open a file in the editor with `command` (e.g. `nano notes.txt`), type `text`, save with Ctrl+S. */
export async function editAndSave(page: Page, command: string, text: string): Promise<void> {
  await waitIdle(page)
  await commandLine(page).fill(command)
  await commandLine(page).press('Enter')
  const dialog = page.getByRole('dialog', { name: command })
  await expect(dialog).toBeVisible()
  // The first opening loads Monaco (a few megabytes to parse).
  await expect(page.getByRole('textbox', { name: /^Editor content/ })).toBeFocused({ timeout: 20_000 })
  // in the dialog: the editor's background warm-up keeps a hidden editor of its own for a moment
  await dialog.locator('.view-lines').click()
  await page.keyboard.type(text)
  await page.keyboard.press('Control+s')
  await expect(dialog).toBeHidden()
  await waitIdle(page)
}

/** The editor's code (Monaco, its workers and font), as the build names its files. */
export const EDITOR_ASSETS = /\/assets\/(MonacoPane|editor\.api|monacoSetup|jsonMode|editor\.worker|json\.worker|codicon)-[^/]*$/

/**
 * For tests that never open the editor: its background preload (a few megabytes of script parsed
 * once the page is idle, or after 5 s on a busy machine, while the lab starts) fails at once, as
 * offline: the lab swallows a failed preload (EditorHost.tsx). It took 60 % of the page's
 * main-thread time in a test, and its long tasks landed at random moments in screenshots, axe runs
 * and frame measurements. (Requests held unanswered instead could keep a reload from reaching its
 * load event when the preload began first: a reload in panels.spec once waited two minutes.) The
 * editor's own specs (editor, csp, offline, the editor's open time in panels) keep it.
 */
export async function holdEditorPreload(context: BrowserContext): Promise<void> {
  await context.route(EDITOR_ASSETS, (route) => route.abort('failed'))
}

/**
 * Wait until the editor's background preload has finished: its styles installed and its warm-up
 * editor (a hidden one it opens for half a second) gone: for a measurement or a screenshot that
 * must not depend on whether the preload has finished yet.
 */
export async function editorPreloaded(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForFunction(
    () => document.getElementById('tokenlab-editor-styles') !== null && document.querySelector('body > div[aria-hidden="true"][style*="-10000px"]') === null,
    undefined,
    { timeout },
  )
}
