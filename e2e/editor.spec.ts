// The editor: nano/vi and kubectl edit open the lazily loaded Monaco editor (from the lab's own
// files, no CDN); the command in the terminal waits until Ctrl+S saves or Esc closes it.
import { expect, test, type Page } from '@playwright/test'
import { runLines } from './support/article'
import { commandLine, openLab, PS1, shownLines, typeCommand, waitIdle, type ShownLine } from './support/terminal'

const texts = (lines: ShownLine[]) => lines.map((l) => l.text)
const TOKEN_DIR = '/var/run/secrets/kubernetes.io/serviceaccount'
const editorText = (page: Page) => page.getByRole('textbox', { name: /^Editor content/ })

/** Type a command that opens the editor; returns the dialog once the editor has the focus. */
async function openEditor(page: Page, command: string) {
  await waitIdle(page)
  await commandLine(page).fill(command)
  await commandLine(page).press('Enter')
  const dialog = page.getByRole('dialog', { name: command })
  await expect(dialog).toBeVisible()
  await expect(editorText(page)).toBeFocused()
  return dialog
}

/** What the last run of `command` printed, once the prompt is back. */
async function outputOf(page: Page, command: string): Promise<ShownLine[]> {
  await waitIdle(page)
  const lines = await shownLines(page)
  let i = lines.length - 1
  while (i >= 0 && lines[i].text !== PS1 + command) i--
  return lines.slice(i + 1)
}

test('a manifest written with nano is applied with kubectl apply -f; nothing is fetched from elsewhere', async ({ page, baseURL }) => {
  const requests: string[] = []
  page.context().on('request', (r) => requests.push(r.url()))
  await openLab(page, '/?seed=1')
  const dialog = await openEditor(page, 'nano sa.yaml')
  // Like a terminal running nano: the command runs (no prompt) until the editor closes.
  await expect(page.locator('.t-inputline')).toHaveAttribute('data-busy', 'true')
  await expect(dialog.getByText('/root/sa.yaml')).toBeVisible()
  await dialog.locator('.view-lines').click()
  await page.keyboard.type('apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: robot\n')
  await page.keyboard.press('Control+s')
  await expect(dialog).toBeHidden()
  expect(await outputOf(page, 'nano sa.yaml')).toEqual([])
  await expect(commandLine(page)).toBeFocused()
  expect(texts(await typeCommand(page, 'cat sa.yaml'))).toEqual(['apiVersion: v1', 'kind: ServiceAccount', 'metadata:', '  name: robot'])
  expect(texts(await typeCommand(page, 'kubectl apply -f sa.yaml'))).toEqual(['serviceaccount/robot created'])
  const got = texts(await typeCommand(page, 'kubectl get sa robot'))
  expect(got[0]).toMatch(/^NAME\s+AGE$/)
  expect(got[1]).toMatch(/^robot\s+\d+s$/)
  // The editor's code came from the lab's own server, after the page had loaded.
  expect(requests.some((u) => /\/assets\/MonacoPane-[^/]*\.js$/.test(u))).toBe(true)
  expect(requests.some((u) => /\/assets\/editor\.api-[^/]*\.js$/.test(u))).toBe(true)
  expect(requests.filter((u) => !u.startsWith(baseURL ?? 'http://127.0.0.1:4173'))).toEqual([])
})

test('kubectl edit sa default -n sa-demo: automount off takes effect on the next pod', async ({ page }) => {
  await openLab(page, '/?seed=1')
  await runLines(page, ['kubectl create namespace sa-demo'])
  const command = 'kubectl edit sa default -n sa-demo'
  const dialog = await openEditor(page, command)
  await expect(dialog.locator('.view-lines')).toContainText("# Please edit the object below. Lines beginning with a '#' will be ignored,")
  await expect(dialog.locator('.view-lines')).toContainText('kind: ServiceAccount')
  await expect(dialog.locator('.view-lines')).not.toContainText('managedFields')
  await expect(dialog.getByText(/^\/tmp\/kubectl-edit-\d+\.yaml$/)).toBeVisible()
  await dialog.locator('.view-lines').click()
  await page.keyboard.press('Control+End')
  await page.keyboard.type('automountServiceAccountToken: false\n')
  await page.keyboard.press('Control+s')
  await expect(dialog).toBeHidden()
  expect(await outputOf(page, command)).toEqual([{ text: 'serviceaccount/default edited', stderr: false }])
  expect(texts(await typeCommand(page, 'kubectl -n sa-demo get sa default -o jsonpath={.automountServiceAccountToken}'))).toEqual(['false'])
  await runLines(page, ['kubectl -n sa-demo run p --image=registry.k8s.io/e2e-test-images/agnhost:2.45 --command -- sleep 100000', 'kubectl -n sa-demo wait --for=condition=Ready pod/p'])
  expect(await typeCommand(page, `kubectl -n sa-demo exec p -- ls ${TOKEN_DIR}/`)).toEqual([
    { text: `ls: ${TOKEN_DIR}/: No such file or directory`, stderr: true },
    { text: 'command terminated with exit code 1', stderr: true },
  ])
})

test('keyboard: Esc cancels, a YAML error reopens the file with its line marked', async ({ page }) => {
  await openLab(page, '/?seed=1')
  const command = 'kubectl edit sa default'
  let dialog = await openEditor(page, command)
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  expect(await outputOf(page, command)).toEqual([{ text: 'Edit cancelled, no changes made.', stderr: true }])
  await expect(commandLine(page)).toBeFocused()

  dialog = await openEditor(page, command)
  await dialog.locator('.view-lines').click()
  await page.keyboard.press('Control+End')
  await page.keyboard.type('automountServiceAccountToken: [false\n')
  await page.keyboard.press('Control+s')
  // Reopened (a new file) with the reason at the top, the problem listed and marked in the text.
  const problems = dialog.getByRole('list', { name: 'Problems' })
  await expect(problems).toBeVisible()
  await expect(problems).toContainText('error converting YAML to JSON')
  await expect(dialog.locator('.view-lines')).toContainText('# The edited file had a syntax error: error parsing edited-file')
  await expect(page.locator('.squiggly-error').first()).toBeAttached()
  await expect(editorText(page)).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  const out = await outputOf(page, command)
  expect(out).toHaveLength(2)
  expect(out[0].text).toMatch(/^A copy of your changes has been stored to "\/tmp\/kubectl-edit-\d+\.yaml"$/)
  expect(out[1]).toEqual({ text: 'error: Edit cancelled, no valid changes were saved.', stderr: true })
  const copy = /"(.*)"/.exec(out[0].text)?.[1] ?? ''
  expect(texts(await typeCommand(page, `grep -c automount ${copy}`))).toEqual(['1'])

  // nano: Esc leaves no file behind.
  dialog = await openEditor(page, 'nano notes.txt')
  await page.keyboard.type('not saved')
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  expect(await typeCommand(page, 'cat notes.txt')).toEqual([{ text: 'cat: notes.txt: No such file or directory', stderr: true }])
})

test('the editor has accessible names; its buttons save and close', async ({ page }) => {
  await openLab(page, '/?seed=1')
  const dialog = await openEditor(page, 'vi hello.txt')
  await expect(dialog).toHaveAttribute('aria-modal', 'true')
  await expect(editorText(page)).toHaveAccessibleName(/Editor content: \/root\/hello\.txt/)
  await page.keyboard.type('hello from vi')
  await dialog.getByRole('button', { name: /^Save/ }).click()
  await expect(dialog).toBeHidden()
  expect(texts(await typeCommand(page, 'cat hello.txt'))).toEqual(['hello from vi'])
  const again = await openEditor(page, 'vim hello.txt')
  await expect(again.locator('.view-lines')).toContainText('hello from vi')
  await again.getByRole('button', { name: /^Close without saving/ }).click()
  await expect(again).toBeHidden()
  await waitIdle(page)
})
