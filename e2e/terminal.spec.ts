// The terminal itself: keys, paste, error output, text-only rendering, local-only requests,
// window.lab's commands in the terminal, the prompt, accessibility. (The lab's start, its clock
// and its saved state: labStart.spec.ts.)
import { expect, test } from '@playwright/test'
import { commandLine, openLab, PS1, selectedText, shownLines, terminalLog, typeCommand, waitIdle } from './support/terminal'
import { clearStorageOnce } from './support/article'
import { holdEditorPreload } from './support/editor'
import { axeViolations, describeViolations } from './support/axe'

test.beforeEach(async ({ page, context }, testInfo) => {
  // The editor's preload stays where the test is about it.
  if (testInfo.title !== 'no request leaves 127.0.0.1') await holdEditorPreload(context)
  // Each test starts from an empty browser profile anyway; make it explicit for reruns.
  await clearStorageOnce(page)
})

test('history with ArrowUp and ArrowDown', async ({ page }) => {
  await openLab(page)
  await typeCommand(page, 'echo one')
  await typeCommand(page, 'echo two')
  const input = commandLine(page)
  await input.fill('draft')
  await input.press('ArrowUp')
  await expect(input).toHaveValue('echo two')
  await input.press('ArrowUp')
  await expect(input).toHaveValue('echo one')
  await input.press('ArrowDown')
  await expect(input).toHaveValue('echo two')
  await input.press('ArrowDown')
  await expect(input).toHaveValue('draft')
})

// @timing: the echo waits for the output at most ECHO_WAIT_MS (50 ms, controller.ts), then is drawn alone; the
// answer comes within that on a quiet machine, not always beside the unit suite (CI saw it come later once).
test('Enter changes nothing until the answer: the echo and the output come together, then the input is empty', { tag: '@timing' }, async ({ page }) => {
  await openLab(page)
  await waitIdle(page)
  // Every batch of lines the page adds, as the page's MutationObserver sees them (one batch: one drawing).
  await page.evaluate(() => {
    const w = window as unknown as { batches: string[][] }
    w.batches = []
    new MutationObserver((records) => {
      const added: string[] = []
      for (const r of records)
        for (const n of r.addedNodes) {
          const line = (n.nodeType === 1 ? (n as Element) : n.parentElement)?.closest('.t-line')
          if (line && !added.includes(line.textContent ?? '')) added.push(line.textContent ?? '')
        }
      if (added.length) w.batches.push(added)
    }).observe(document.querySelector('[role="log"]')!, { childList: true, subtree: true, characterData: true })
  })
  const input = commandLine(page)
  await input.fill('echo together')
  await input.press('Enter')
  await expect(input).toHaveValue('')
  await waitIdle(page)
  const batches = await page.evaluate(() => (window as unknown as { batches: string[][] }).batches)
  expect(batches[0]).toEqual([`${PS1}echo together`, 'together'])
  // typing the next key right after Enter starts a fresh line
  await input.fill('echo one')
  await input.press('Enter')
  await input.press('x')
  await expect(input).toHaveValue('x')
})

test('a line filled in before the last one is echoed runs after it: a script that does not wait loses nothing', async ({ page }) => {
  await openLab(page)
  // How often the next line's text came while the last line was still entered and not echoed
  // (the case this test is about; Playwright's fill makes no keydown).
  await page.evaluate(() => {
    const w = window as unknown as { early: number }
    w.early = 0
    document.addEventListener('input', (e) => void ((e.target as HTMLElement).dataset.entered !== undefined && w.early++), { capture: true })
  })
  const input = commandLine(page)
  const hold = () => page.evaluate(() => (window as unknown as { __labTest: { holdNextRun(ms: number): void } }).__labTest.holdNextRun(300))
  const expected: string[] = []
  // First, for certain: the Enter key and the next line's text (inserted as fill and dictation
  // insert it, with no key) in one task, before any echo can come.
  await hold()
  await input.fill('echo first 0')
  await input.evaluate((el: HTMLInputElement) => {
    el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }))
    el.select()
    document.execCommand('insertText', false, 'echo second 0')
  })
  await input.press('Enter')
  expected.push(`${PS1}echo first 0`, 'first 0', `${PS1}echo second 0`, 'second 0')
  // Then as a script types them, with Playwright's fill (mostly before the echo, on a busy machine after it)
  for (let i = 1; i <= 3; i++) {
    // the lab holds its thread a while on the first line: its echo waits (ECHO_WAIT_MS at most)
    await hold()
    await input.fill(`echo first ${i}`)
    await input.press('Enter')
    await input.fill(`echo second ${i}`)
    await input.press('Enter')
    expected.push(`${PS1}echo first ${i}`, `first ${i}`, `${PS1}echo second ${i}`, `second ${i}`)
  }
  await waitIdle(page)
  const lines = (await shownLines(page)).map((l) => l.text)
  expect(lines.slice(lines.indexOf(`${PS1}echo first 0`))).toEqual(expected)
  await expect(input).toHaveValue('')
  expect(await page.evaluate(() => (window as unknown as { early: number }).early)).toBeGreaterThan(0)
})

test('Tab completes kub to kubectl, and lists candidates when ambiguous', async ({ page }) => {
  await openLab(page)
  const input = commandLine(page)
  await input.fill('kub')
  await input.press('Tab')
  await expect(input).toHaveValue('kubectl ')
  await expect(input).toBeFocused()
  await input.fill('lab ')
  await input.press('Tab')
  await expect(input).toHaveValue('lab ')
  // bash prints the prompt and the line, then the candidates in columns (as many rows as they need).
  // (the input shows 'lab ' before the listing arrives from the lab's worker: wait for the listing)
  const listed = async () => {
    const lines = (await shownLines(page)).map((l) => l.text)
    const at = lines.lastIndexOf(`${PS1}lab `)
    return at < 0 ? undefined : lines.slice(at + 1).join(' ').split(/\s+/)
  }
  await expect.poll(listed).toEqual(expect.arrayContaining(['advance', 'help', 'now', 'reset', 'lessons', 'undo']))
})

test('Ctrl+C abandons the line, Ctrl+L clears the screen', async ({ page }) => {
  await openLab(page)
  const input = commandLine(page)
  await input.fill('echo abandoned')
  await input.press('Control+c')
  await expect(input).toHaveValue('')
  let lines = await shownLines(page)
  expect(lines.at(-1)?.text).toBe(`${PS1}echo abandoned^C`)
  expect(lines.some((l) => l.text === 'abandoned')).toBe(false)

  await typeCommand(page, 'echo visible')
  await input.fill('kept')
  await input.press('Control+l')
  lines = await shownLines(page)
  expect(lines).toEqual([])
  await expect(input).toHaveValue('kept')
  await expect(page.getByTestId('prompt')).toBeVisible()
})

test('a multi-line paste runs each line in order, joining continued lines', async ({ page }) => {
  await openLab(page)
  const input = commandLine(page)
  await input.evaluate((el) => {
    const dt = new DataTransfer()
    dt.setData('text/plain', "echo first\necho 'two\nlines'\necho third\nech")
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }))
  })
  await expect(input).toHaveValue('ech')
  // the pasted lines run one after another, idle for a moment between them: wait for the whole of it
  await expect.poll(async () => (await shownLines(page)).map((l) => l.text)).toEqual([
    `${PS1}echo first`,
    'first',
    `${PS1}echo 'two`,
    "> lines'",
    'two',
    'lines',
    `${PS1}echo third`,
    'third',
  ])
})

test('output without a final newline: the next prompt continues on its line', async ({ page }) => {
  await openLab(page)
  await typeCommand(page, "printf 'no-newline'")
  await expect(page.locator('.t-inputline')).toContainText(`no-newline${PS1}`)
  await typeCommand(page, 'echo next')
  const lines = (await shownLines(page)).map((l) => l.text)
  expect(lines).toContain(`no-newline${PS1}echo next`)
})

test('error output is told apart from standard output', async ({ page }) => {
  await openLab(page)
  const out = await typeCommand(page, 'nosuchcommand-xyz')
  expect(out.length).toBeGreaterThan(0)
  expect(out.every((l) => l.stderr)).toBe(true)
  const err = terminalLog(page).locator('[data-stream="stderr"][aria-description="error output"]').last()
  await expect(err).toBeVisible()
  const okLine = (await typeCommand(page, 'echo fine'))[0]
  expect(okLine).toEqual({ text: 'fine', stderr: false })
  const errColor = await err.evaluate((el) => getComputedStyle(el).color)
  const outColor = await terminalLog(page).evaluate((el) => getComputedStyle(el).color)
  expect(errColor).not.toBe(outColor)
  // a command that succeeds with a word on standard error: still told apart, not as a failure
  const info = await typeCommand(page, 'kubectl get pods')
  expect(info).toEqual([{ text: 'No resources found in default namespace.', stderr: true }])
  const quiet = terminalLog(page).locator('[data-stream="stderr"][aria-description="standard error"]').last()
  await expect(quiet).toHaveText('No resources found in default namespace.')
  const quietColor = await quiet.evaluate((el) => getComputedStyle(el).color)
  expect([outColor, errColor]).not.toContain(quietColor)
  // and it stays so after a reload
  await page.reload()
  await expect(terminalLog(page).locator('[aria-description="standard error"]').last()).toHaveText('No resources found in default namespace.')
})

test('everything printed is text: HTML is shown, never interpreted', async ({ page }) => {
  let dialogs = 0
  page.on('dialog', (d) => {
    dialogs++
    void d.dismiss()
  })
  await openLab(page)
  const out = await typeCommand(page, "echo '<img src=x onerror=alert(1)>'")
  expect(out[0].text).toBe('<img src=x onerror=alert(1)>')
  await expect(page.locator('img')).toHaveCount(0)
  expect(dialogs).toBe(0)
})

test('a long token wraps without a horizontal scrollbar and copies exactly', async ({ page }) => {
  await openLab(page)
  const token = 'eyJhbGciOiJSUzI1NiJ9.' + 'QUJD'.repeat(300) + '.sig_-x'
  await typeCommand(page, `echo ${token}`)
  const line = terminalLog(page).locator('.t-line').last()
  await expect(line).toHaveText(token)
  const overflow = await page.locator('.term-scroll').evaluate((el) => el.scrollWidth - el.clientWidth)
  expect(overflow).toBeLessThanOrEqual(0)
  const selected = await selectedText(line)
  expect(selected).toBe(token)
})

test('no request leaves 127.0.0.1', async ({ page }) => {
  const outside: string[] = []
  page.on('request', (r) => {
    const url = new URL(r.url())
    if (!['data:', 'blob:'].includes(url.protocol) && url.hostname !== '127.0.0.1') outside.push(r.url())
  })
  await openLab(page)
  await typeCommand(page, 'echo hello')
  await typeCommand(page, 'kubectl get ns')
  expect(outside).toEqual([])
})

test('window.lab runs commands that also show in the terminal', async ({ page }) => {
  await openLab(page)
  const r = await page.evaluate(() => window.lab!.run('echo via-api'))
  expect(r).toEqual({ stdout: 'via-api\n', stderr: '', exitCode: 0 })
  const lines = (await shownLines(page)).map((l) => l.text)
  expect(lines.slice(-2)).toEqual([`${PS1}echo via-api`, 'via-api'])
})

test('keyboard only: focus starts in the command line, Esc then Tab leaves it; no axe violations', async ({ page }) => {
  await openLab(page)
  const input = commandLine(page)
  await expect(input).toBeFocused()
  // the panels mount once start-up has settled: the tab order below is the whole page's (had they
  // mounted between the Tab and the Shift+Tab, Shift+Tab would start from the page's new last control)
  await expect(page.locator('summary', { hasText: 'Legend' })).toBeVisible()
  await input.press('Escape')
  await input.press('Tab')
  await expect(input).not.toBeFocused()
  await page.keyboard.press('Shift+Tab')
  await expect(input).toBeFocused()
  expect(describeViolations(await axeViolations(page))).toEqual([])
})

test('the prompt shows the working directory as bash does', async ({ page }) => {
  await openLab(page, '/?seed=1')
  await typeCommand(page, 'mkdir -p /root/manifests && cd manifests')
  await expect(page.getByTestId('prompt')).toHaveText('root@workstation:~/manifests#')
  await typeCommand(page, 'cd /tmp')
  await expect(page.getByTestId('prompt')).toHaveText('root@workstation:/tmp#')
  await typeCommand(page, 'cd')
  await expect(page.getByTestId('prompt')).toHaveText('root@workstation:~#')
})
