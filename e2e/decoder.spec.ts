// The token decoder: a pod token picked from $TOK (claims, times, verdict through time and pod
// deletion), pasted tokens (markup stays text; a megabyte is refused), the terminal's Decode
// action from the keyboard, and comparing a token before and after the kubelet refreshed it.
import { expect, test, type Page } from '@playwright/test'
import { clearStorageOnce, runLines, TOKEN_FILE, TOK_SET as SETUP } from './support/article'
import { commandLine, openLab, selectedText, terminalLog, typeCommand } from './support/terminal'
import { holdEditorPreload } from './support/editor'
import { axeViolations, describeViolations } from './support/axe'

const XSS = 'eyJhbGciOiJub25lIn0.eyJzdWIiOiI8aW1nIHNyYz14IG9uZXJyb3I9YWxlcnQoMSk-In0.'

const decoder = (page: Page) => page.getByRole('region', { name: 'Token decoder' })
const verdict = (page: Page, name = 'Verdict on the token') => decoder(page).getByRole('status', { name })
const claim = (page: Page, path: string) => decoder(page).locator(`[aria-label="Claims"] [data-claim="${path}"]`)
const claimNumber = async (page: Page, path: string) => Number(await claim(page, path).getByTestId('claim-value').textContent())

test.beforeEach(async ({ page, context }) => {
  await holdEditorPreload(context)
  await clearStorageOnce(page)
  page.on('dialog', (d) => {
    throw new Error(`unexpected dialog: ${d.message()}`)
  })
})

async function setUp(page: Page) {
  await openLab(page)
  await runLines(page, SETUP)
}

test('$TOK: claims, times, and the verdict from valid to stale to rejected', async ({ page }) => {
  test.setTimeout(120_000)
  await page.setViewportSize({ width: 1280, height: 800 })
  await setUp(page)
  await decoder(page).getByRole('button', { name: 'Decode $TOK', exact: true }).click()
  await expect(verdict(page).getByTestId('verdict-badge')).toHaveText(/Valid/)

  const iat = await claimNumber(page, 'iat')
  expect(await claimNumber(page, 'kubernetes.io.warnafter')).toBe(iat + 3607)
  expect(await claimNumber(page, 'exp')).toBe(iat + 365 * 86400)
  await expect(claim(page, 'kubernetes.io.warnafter').getByTestId('from-iat')).toHaveText('iat + 3607 s (1 h 0 min 7 s)')
  await expect(claim(page, 'exp').getByTestId('from-iat')).toHaveText('iat + 31536000 s (365 days)')
  await expect(claim(page, 'exp')).toContainText('UTC')
  await expect(claim(page, 'exp')).toContainText('Local')
  await expect(claim(page, 'kubernetes.io.pod')).toContainText('Bound to pod app (uid ')
  await expect(decoder(page).getByTestId('summary-bound')).toContainText('pod app on node worker-0')
  const warnRelative = claim(page, 'kubernetes.io.warnafter').getByTestId('relative')
  await expect(warnRelative).toHaveText(/^in (59|60) min|^in 1 h 0 min/)

  // Fits the right-hand column: nothing wider than the panel.
  const overflow = await decoder(page).evaluate((el) => el.scrollWidth - el.clientWidth)
  expect(overflow).toBeLessThanOrEqual(1)
  expect(describeViolations(await axeViolations(page, '#token-decoder'))).toEqual([])

  await typeCommand(page, 'lab advance 61m')
  await expect(verdict(page).getByTestId('verdict-badge')).toHaveText(/Stale/)
  await expect(verdict(page)).toContainText('past warnafter')
  await expect(warnRelative).toHaveText(/ ago$/)

  await typeCommand(page, 'kubectl -n sa-demo delete pod app')
  await expect(verdict(page).getByTestId('verdict-badge')).toHaveText(/Rejected/)
  await expect(verdict(page).getByTestId('verdict-reason')).toContainText('Pod app')
})

test('a pasted token with markup in a claim shows it as text; a megabyte of garbage is refused at once', { tag: '@timing' }, async ({ page }) => {
  await openLab(page)
  // The paste box takes one line until opened.
  await decoder(page).getByText('Paste a token…').click()
  const paste = decoder(page).getByRole('textbox', { name: 'Paste a token' })
  await paste.fill(XSS)
  await expect(claim(page, 'sub').getByTestId('claim-value')).toHaveText('"<img src=x onerror=alert(1)>"')
  await expect(page.locator('img')).toHaveCount(0)
  await expect(verdict(page).getByTestId('verdict-badge')).toHaveText(/Unsigned|Malformed/)
  await expect(decoder(page)).toContainText('The signature is empty (an unsigned token).')

  // Paste a megabyte in the page itself (so the time measured is the app's, not the test driver's).
  await paste.focus()
  const ms = await paste.evaluate(
    (el: HTMLTextAreaElement) =>
      new Promise<number>((resolve) => {
        const garbage = 'x'.repeat(1024 * 1024)
        const alert = el.closest('section')!.querySelector('[role="alert"]')!
        const t0 = performance.now()
        const done = () => {
          if (alert.textContent?.includes('1,048,576 characters')) resolve(performance.now() - t0)
        }
        new MutationObserver(() => done()).observe(alert, { childList: true, subtree: true, characterData: true })
        const data = new DataTransfer()
        data.setData('text/plain', garbage)
        // What the browser does on paste: insert the text, then fire input.
        Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(el, garbage)
        el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste', dataTransfer: data }))
        done()
      }),
  )
  // At once, also with the unit suite running beside the browser (a scan of the megabyte takes minutes).
  expect(ms).toBeLessThan(3000)
  await expect(decoder(page).getByRole('alert')).toContainText('Not decoded: the pasted text is 1,048,576 characters long')
  await expect(paste).toHaveValue('')
  // Still responsive: the command line takes a command.
  await typeCommand(page, 'echo still here')
  await expect(verdict(page).getByTestId('verdict-badge')).toHaveText(/Unsigned|Malformed/)
})

test('the Decode action next to a token in the terminal works from the keyboard and copies nothing extra', async ({ page }) => {
  test.setTimeout(120_000)
  await setUp(page)
  await typeCommand(page, 'echo $TOK')
  const tok = await page.evaluate(() => (window as unknown as { lab: { run(l: string): Promise<{ stdout: string }> } }).lab.run('printf %s "$TOK"').then((r) => r.stdout))
  const line = terminalLog(page).locator('.t-line', { hasText: tok }).last()
  await expect(line).toHaveText(tok) // the action adds no text to the line
  const selected = await selectedText(line)
  expect(selected).toBe(tok)

  // From the command line, Shift+Tab reaches the last Decode action (printf's token, without a
  // final newline, stands before the prompt with its own action); Enter presses it.
  await commandLine(page).focus()
  await page.keyboard.press('Shift+Tab')
  const action = page.locator('.t-inputline').getByRole('button', { name: 'Decode token' })
  await expect(action).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(verdict(page).getByTestId('verdict-badge')).toHaveText(/Valid/)
  const jti = JSON.parse(Buffer.from(tok.split('.')[1], 'base64url').toString()).jti
  await expect(claim(page, 'jti').getByTestId('claim-value')).toHaveText(`"${jti}"`)
})

test('compare: the token before and after the kubelet refreshed it', async ({ page }) => {
  test.setTimeout(120_000)
  await setUp(page)
  await typeCommand(page, 'lab advance 49m')
  await typeCommand(page, `TOK2=$(kubectl -n sa-demo exec app -- cat ${TOKEN_FILE})`)
  await decoder(page).getByRole('button', { name: 'Decode $TOK2' }).click()
  await decoder(page).getByRole('button', { name: 'Compare with $TOK', exact: true }).click()
  const table = decoder(page).getByRole('table')
  for (const path of ['jti', 'iat', 'exp']) {
    const row = table.locator(`tr[data-path="${path}"]`)
    await expect(row).toHaveAttribute('data-status', 'changed')
    await expect(row.getByRole('rowheader')).toContainText('differs')
  }
  await expect(table.locator('tr[data-path="sub"]')).toHaveAttribute('data-status', 'same')
  await expect(table.locator('tr[data-path="sub"]').getByRole('rowheader')).not.toContainText('differs')
  await expect(verdict(page, 'Verdict on token A').getByTestId('verdict-badge')).toHaveText(/Valid/)
  await expect(verdict(page, 'Verdict on token B').getByTestId('verdict-badge')).toHaveText(/Valid/)

  // At 200% zoom (a 640x400 CSS viewport) the panel still fits its column.
  await page.setViewportSize({ width: 640, height: 400 })
  // Narrow: the panels are tabs.
  await page.getByRole('tab', { name: 'Decoder' }).click()
  const overflow = await decoder(page).evaluate((el) => el.scrollWidth - el.clientWidth)
  expect(overflow).toBeLessThanOrEqual(1)
  await decoder(page).getByRole('button', { name: 'Stop comparing' }).click()
  await expect(table).toHaveCount(0)
})
