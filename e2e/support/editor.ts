// Driving the editor the way a student does: open a file with a command, type, save with Ctrl+S.
import { expect, type Page } from '@playwright/test'
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
  await page.locator('.view-lines').click()
  await page.keyboard.type(text)
  await page.keyboard.press('Control+s')
  await expect(dialog).toBeHidden()
  await waitIdle(page)
}
