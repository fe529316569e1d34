// The key bar for touch screens: Tab, Up, Down, Ctrl+C and Esc, which a phone's keyboard does
// not have. Each button sends its key to the command line as a key press (the input line's own
// handler does the rest: completion, history, cancel) and leaves the focus, and the on-screen
// keyboard, where they were.

import type { RefObject } from 'react'
import './keybar.css'

const KEYS: { label: string; name: string; key: string; ctrl?: boolean }[] = [
  { label: 'Tab', name: 'Tab (complete)', key: 'Tab' },
  { label: '↑', name: 'Up (previous command)', key: 'ArrowUp' },
  { label: '↓', name: 'Down (next command)', key: 'ArrowDown' },
  { label: 'Ctrl+C', name: 'Ctrl+C (cancel)', key: 'c', ctrl: true },
  { label: 'Esc', name: 'Esc', key: 'Escape' },
]

/** Send a key press to an input, as the keyboard would. */
export function sendKey(el: HTMLElement, key: string, ctrl = false): void {
  el.dispatchEvent(new KeyboardEvent('keydown', { key, ctrlKey: ctrl, bubbles: true, cancelable: true }))
}

export function KeyBar({ inputRef }: { inputRef: RefObject<HTMLInputElement | null> }) {
  return (
    <div className="term-keys" role="toolbar" aria-label="Terminal keys">
      {KEYS.map((k) => (
        <button
          key={k.name}
          type="button"
          aria-label={k.name}
          // Keep the focus (and the on-screen keyboard) in the command line.
          onPointerDown={(e) => e.preventDefault()}
          onClick={() => {
            const el = inputRef.current
            if (!el) return
            el.focus({ preventScroll: true })
            sendKey(el, k.key, k.ctrl)
          }}
        >
          {k.label}
        </button>
      ))}
    </div>
  )
}

/** On a touch screen, under the terminal: the key bar and a line of help about it (not in the first screen's download). */
export function TouchKeys({ inputRef }: { inputRef: RefObject<HTMLInputElement | null> }) {
  return (
    <>
      <KeyBar inputRef={inputRef} />
      <p id="term-help" className="term-help">
        Type a command and tap Enter (Go) to run it. The keys above complete (Tab), recall (↑ ↓) and cancel (Ctrl+C).
      </p>
    </>
  )
}
