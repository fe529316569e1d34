// `kubectl run -it --rm ... -- sh` in the page: the container's shell takes the terminal (its
// prompt, PID 1), and `exit` brings the workstation back with what kubectl run says as it ends.
import { expect, test } from '@playwright/test'
import { commandLine, openLab, PS1, shownLines, waitIdle } from './support/terminal'
import { holdEditorPreload } from './support/editor'

test.beforeEach(async ({ context }) => {
  await holdEditorPreload(context)
})

test('kubectl run -it --rm -- sh: a shell in the pod until exit, then the pod is deleted', async ({ page }) => {
  await openLab(page)
  const input = commandLine(page)
  const prompt = page.getByTestId('prompt')
  await input.fill('kubectl run dbg --rm -it --restart=Never --image=busybox -- sh')
  await input.press('Enter')
  await expect(prompt).toHaveText('/ # ')
  await waitIdle(page)
  await input.fill('echo pid $$')
  await input.press('Enter')
  await expect(page.getByRole('log', { name: 'Terminal output' })).toContainText('pid 1')
  await waitIdle(page)
  await input.fill('exit 3')
  await input.press('Enter')
  await expect(prompt).toHaveText(PS1)
  await waitIdle(page)
  const lines = (await shownLines(page)).map((l) => `${l.stderr ? 'E ' : ''}${l.text}`)
  expect(lines.slice(lines.indexOf(`${PS1}kubectl run dbg --rm -it --restart=Never --image=busybox -- sh`))).toEqual([
    `${PS1}kubectl run dbg --rm -it --restart=Never --image=busybox -- sh`,
    'E All commands and output from this session will be recorded in container logs, including credentials and sensitive information passed through the command prompt.',
    "E If you don't see a command prompt, try pressing enter.",
    '/ # echo pid $$',
    'pid 1',
    '/ # exit 3',
    'pod "dbg" deleted from default namespace',
    'E pod default/dbg terminated (Error)',
  ])
})
