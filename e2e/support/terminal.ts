// Helpers for driving the terminal the way a student does (and reading what it shows).
import { expect, type Page } from '@playwright/test'

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

/** Open the lab and wait until it has started. */
export async function openLab(page: Page, path = '/?seed=1'): Promise<void> {
  await page.goto(path)
  await expect(commandLine(page)).toBeEnabled()
  await page.waitForFunction(() => window.lab !== undefined)
  await page.evaluate(() => window.lab!.ready)
  await waitIdle(page)
}

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

export async function waitIdle(page: Page): Promise<void> {
  await expect(page.locator('.t-inputline')).toHaveAttribute('data-busy', 'false')
  await expect(page.getByTestId('prompt')).toBeVisible()
}

/**
 * Whether a terminal line is the echo of `cmd`: a prompt (it shows the working directory, e.g.
 * `root@workstation:/tmp# `) and the command. Output without a final newline may stand before
 * the prompt on the same line. Self-contained: it also runs in the page.
 */
function isEcho(text: string, cmd: string): boolean {
  const at = text.lastIndexOf('root@workstation:')
  const m = at < 0 ? null : /^root@workstation:[^#\n]*# /.exec(text.slice(at))
  return m !== null && text.slice(at + m[0].length) === cmd
}

/**
 * Type a command at the prompt, press Enter, wait for the prompt to come back; returns the
 * lines the command printed (after its echoed line), the last one possibly unfinished (output
 * without a final newline, which the prompt follows on the same line).
 */
export async function typeCommand(page: Page, command: string): Promise<ShownLine[]> {
  await waitIdle(page)
  const before = (await shownLines(page)).length
  const input = commandLine(page)
  await input.fill(command)
  await input.press('Enter')
  await page.waitForFunction(
    ({ command, before }) => {
      const echoed = (text: string) => {
        const at = text.lastIndexOf('root@workstation:')
        const m = at < 0 ? null : /^root@workstation:[^#\n]*# /.exec(text.slice(at))
        return m !== null && text.slice(at + m[0].length) === command
      }
      const lines = [...document.querySelectorAll('[role="log"] .t-line')].slice(Math.max(0, before - 1))
      return lines.some((l) => echoed(l.textContent ?? ''))
    },
    { command, before },
  )
  await waitIdle(page)
  const lines = await shownLines(page)
  let i = lines.length - 1
  while (i >= 0 && !isEcho(lines[i].text, command)) i--
  const partial = await unfinishedLine(page)
  return partial ? [...lines.slice(i + 1), partial] : lines.slice(i + 1)
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
