// Helpers for driving the terminal the way a student does (and reading what it shows).
import { expect, type Locator, type Page } from '@playwright/test'

/** The parts of window.lab (src/app/windowLab.ts) the tests use. */
interface E2eWindowLab {
  ready: Promise<void>
  run(line: string): Promise<{ stdout: string; stderr: string; exitCode: number }>
  savedStates(): string[]
  params: { seed?: string; step?: number; lesson?: string; presenter: boolean }
}

declare global {
  interface Window {
    lab?: E2eWindowLab
  }
}

export const PS1 = 'root@workstation:~# '

export const commandLine = (page: Page) => page.getByRole('textbox', { name: 'Command line' })
export const terminalLog = (page: Page) => page.getByRole('log', { name: 'Terminal output' })

/**
 * Open the lab and wait until it has started: window.lab ready, the command line enabled, the
 * prompt shown. (Few round trips to the page: each costs much on a busy machine.)
 */
export async function openLab(page: Page, path = '/?seed=1'): Promise<void> {
  await page.goto(path)
  await labReady(page)
  await expect(commandLine(page)).toBeEnabled()
  await waitIdle(page)
  // and the page has finished starting: the panels load once the lab is ready and the keyboard quiet (startLab.ts)
  await expect(page.locator('html[data-startup="settled"]')).toHaveCount(1)
}

/**
 * Wait until the lab's worker has finished its warm-up (src/app/warmUp.ts), which begins once
 * start-up has settled. A test that times the lab clock against a faked page clock needs a worker
 * that answers at once: while the warm-up runs, a tick's answer can come after the test has read
 * the header.
 */
export async function waitWarmedUp(page: Page): Promise<void> {
  const warmed = async () => {
    const worker = page.workers().find((w) => /\/worker-[\w-]+\.js$/.test(w.url()))
    return (await worker?.evaluate(() => performance.getEntriesByName('lab-warm').length)) ?? 0
  }
  await expect.poll(warmed, { timeout: 30_000 }).toBeGreaterThan(0)
}

/** Wait in the page until window.lab exists and is ready (after a navigation or reload). */
export const labReady = (page: Page) =>
  page.evaluate(async () => {
    while (window.lab === undefined) await new Promise((r) => requestAnimationFrame(r))
    await window.lab.ready
  })

export interface ShownLine {
  text: string
  stderr: boolean
}

/** Every finished line of the terminal, as text, with whether it holds error output. */
export function shownLines(page: Page): Promise<ShownLine[]> {
  return terminalLog(page).evaluate((el) =>
    [...el.querySelectorAll('.t-line')].map((l) => ({
      text: l.textContent ?? '',
      stderr: l.querySelector('[data-stream="stderr"]') !== null,
    })),
  )
}

/**
 * In the page: once the terminal is idle (no command running, the prompt visible) and, when
 * `command` is given, has echoed it at or after line `before - 1`: its lines (as shownLines gives
 * them, from after that echo) and the output standing before the prompt (as unfinishedLine gives
 * it). False until then. Self-contained: Playwright sends its source to the page.
 */
function screenWhenIdle(arg: { command?: string; before?: number }): { count: number; lines: ShownLine[] } | false {
  const inputLine = document.querySelector('.t-inputline')
  const prompt = document.querySelector('[data-testid="prompt"]')
  // data-entered: a line was entered and is not echoed yet (it is, with its first output)
  if (!inputLine || inputLine.getAttribute('data-busy') !== 'false' || !prompt || inputLine.querySelector('input[data-entered]')) return false
  const r = prompt.getBoundingClientRect()
  if (r.width === 0 || r.height === 0 || getComputedStyle(prompt).visibility === 'hidden') return false
  const log = document.querySelector('[role="log"][aria-label="Terminal output"]')
  const lines = [...(log?.querySelectorAll('.t-line') ?? [])].map((l) => ({
    text: l.textContent ?? '',
    stderr: l.querySelector('[data-stream="stderr"]') !== null,
  }))
  let from = 0
  if (arg.command !== undefined) {
    // the command's echo: a prompt (with any working directory), then the command
    const echoed = (text: string) => {
      const at = text.lastIndexOf('root@workstation:')
      const m = at < 0 ? null : /^root@workstation:[^#\n]*# /.exec(text.slice(at))
      return m !== null && text.slice(at + m[0].length) === arg.command
    }
    // The page shows the latest lines only (src/ui/terminal/shownLines.ts): when their number did
    // not grow, the earlier ones left the page, and the echo is searched for among all shown.
    const before = arg.before ?? 0
    const first = lines.length > before ? Math.max(0, before - 1) : 0
    let i = lines.length - 1
    while (i >= first && !echoed(lines[i].text)) i--
    if (i < first) return false
    from = i + 1
  }
  const before = inputLine.querySelector('.t-before')
  const parts = before ? [...before.childNodes].filter((n) => !(n instanceof HTMLElement && n.dataset.testid === 'prompt')) : []
  const text = parts.map((n) => n.textContent ?? '').join('')
  const out = lines.slice(from)
  if (text !== '') out.push({ text, stderr: before!.querySelector('[data-stream="stderr"]') !== null })
  return { count: lines.length, lines: out }
}

/** Wait in the page for screenWhenIdle(arg); its answer. */
async function whenIdle(page: Page, arg: { command?: string; before?: number }, timeout: number) {
  const handle = await page.waitForFunction(screenWhenIdle, arg, { timeout })
  const value = (await handle.jsonValue()) as { count: number; lines: ShownLine[] }
  void handle.dispose()
  return value
}

/** Wait until no command runs and the prompt is shown. */
export async function waitIdle(page: Page, timeout = 20_000): Promise<void> {
  await whenIdle(page, {}, timeout)
}

/**
 * Type a command at the prompt, press Enter, wait for the prompt to come back; returns the
 * lines the command printed (after its echoed line), the last one possibly unfinished (output
 * without a final newline, which the prompt follows on the same line).
 */
export async function typeCommand(page: Page, command: string, timeout = 20_000): Promise<ShownLine[]> {
  const { count } = await whenIdle(page, {}, timeout)
  const input = commandLine(page)
  await input.fill(command)
  await input.press('Enter')
  return (await whenIdle(page, { command, before: count }, timeout)).lines
}

/** Output not ended by a newline: shown before the prompt, as in a real terminal. */
export async function unfinishedLine(page: Page): Promise<ShownLine | undefined> {
  return page.locator('.t-inputline .t-before').evaluate((el) => {
    const parts = [...el.childNodes].filter((n) => !(n instanceof HTMLElement && n.dataset.testid === 'prompt'))
    const text = parts.map((n) => n.textContent ?? '').join('')
    if (text === '') return undefined
    return { text, stderr: el.querySelector('[data-stream="stderr"]') !== null }
  })
}

/** What copying `line` gives: select all its contents as a user would, read the selection, clear it. */
export function selectedText(line: Locator): Promise<string> {
  return line.evaluate((el) => {
    const range = document.createRange()
    range.selectNodeContents(el)
    const sel = window.getSelection()!
    sel.removeAllRanges()
    sel.addRange(range)
    const text = sel.toString()
    sel.removeAllRanges()
    return text
  })
}
