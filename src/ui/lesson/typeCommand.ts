// A page control runs a command the way a student would: typed into the terminal's command line
// (visibly, a few characters at a time), then entered through the terminal's controller, so the
// terminal echoes it like typed input. One command at a time, in the order asked.

import type { TerminalController } from '../../state/controller'

let chain: Promise<void> = Promise.resolve()

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))

function commandLine(): HTMLInputElement | null {
  return document.querySelector<HTMLInputElement>('input[aria-label="Command line"]')
}

/** Set an input's value as typing does (React sees an input event). */
function setInputValue(el: HTMLInputElement, value: string): void {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set
  setter?.call(el, value)
  el.dispatchEvent(new Event('input', { bubbles: true }))
}

/**
 * Type `command` into the command line and run it. `animate: false` (the lesson's own `lab …`
 * controls) enters it at once. When the student has something typed in the command line, that
 * text is left alone and the command is entered without being typed there.
 */
export function typeAndRun(controller: TerminalController, command: string, animate = true): Promise<void> {
  const go = async () => {
    const el = commandLine()
    if (animate && el && el.value === '' && !el.disabled) {
      // About half a second per command, however long it is.
      const step = Math.max(1, Math.ceil(command.length / 24))
      for (let i = step; i < command.length; i += step) {
        setInputValue(el, command.slice(0, i))
        await sleep(20)
      }
      setInputValue(el, command)
      await sleep(120)
      controller.submit(command)
      if (el.value === command) setInputValue(el, '')
      return
    }
    controller.submit(command)
  }
  const next = chain.then(go, go)
  chain = next.catch(() => {})
  return next
}

/** Type and run several commands, one after the other. */
export async function typeAndRunAll(controller: TerminalController, commands: readonly string[]): Promise<void> {
  for (const c of commands) await typeAndRun(controller, c)
}
