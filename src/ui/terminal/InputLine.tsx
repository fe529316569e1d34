// The line being typed: the unfinished output line, the prompt, and a real <input>.
// Keys: Enter runs, ArrowUp/ArrowDown walk the history, Tab completes (Esc then Tab leaves the
// terminal), Ctrl+C abandons the line (copies instead when text is selected), Ctrl+L clears,
// Ctrl+A/E/U/K move and cut as in bash; a paste with newlines runs its lines in order.

import { memo, useLayoutEffect, useRef, useState, type ClipboardEvent, type KeyboardEvent, type RefObject } from 'react'
import type { TerminalController } from '../../state/controller'
import { useTerminal, type AppStore } from '../../state/store'
import { SegmentsWithDecode } from './OutputLog'

interface Props {
  store: AppStore
  controller: TerminalController
  inputRef: RefObject<HTMLInputElement | null>
  /** Called when the user entered something (the view then follows the output). */
  onEnter(): void
  helpId: string
  /** What is typed already (in index.html's command line), taken as the line appears. */
  takeInitialValue?: () => string
}

export const InputLine = memo(function InputLine({ store, controller, inputRef, onEnter, helpId, takeInitialValue }: Props) {
  const [typed, setValue] = useState('')
  const cursor = useRef<number | undefined>(undefined)
  const escArmed = useRef(false)
  const partial = useTerminal(store, (s) => s.partial)
  const prompt = useTerminal(store, (s) => s.prompt)
  const busy = useTerminal(store, (s) => s.busy)
  const ready = useTerminal(store, (s) => s.ready)
  const queued = useTerminal(store, (s) => s.queued)

  // For scripts/bench.mjs: when the command line is in the page and could first take input.
  useLayoutEffect(() => {
    if (performance.getEntriesByName('terminal-mounted').length > 0) return
    performance.mark('terminal-mounted')
    if (performance.getEntriesByName('terminal-input-ready').length === 0) performance.mark('terminal-input-ready')
  }, [])

  useLayoutEffect(() => {
    const el = inputRef.current
    if (el && cursor.current !== undefined) {
      el.setSelectionRange(cursor.current, cursor.current)
      cursor.current = undefined
    }
  })

  // A one-line input: a recalled multi-line command shows on one line (`\`+newline joined).
  const oneLine = (v: string) => v.replace(/\\\n/g, '').replace(/\n/g, ' ')

  const replace = (v: string, c = v.length) => {
    cursor.current = c
    setValue(v)
  }

  // What was typed before this line appeared (read as it does: keys go on arriving there until then).
  useLayoutEffect(() => {
    const v = takeInitialValue?.()
    if (v) replace(v)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, as the line appears
  }, [])

  // A line entered and not echoed yet stays in the input (and in its data-entered, which a script
  // may read and no style does) until the terminal echoes it with its first output: the Enter key
  // changes nothing on the page, so the answer is drawn in the next frame instead of waiting behind
  // one. Any other key, a paste, or an edit without a key (a script's fill, a drop, dictation)
  // takes it out at once; the answer comes within a frame or two.
  const takeEntered = () => {
    const el = inputRef.current
    if (el?.dataset.entered === undefined) return false
    delete el.dataset.entered
    replace('')
    onEnter()
    return true
  }

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const el = e.currentTarget
    const taken = takeEntered()
    const value = taken ? '' : typed
    const start = taken ? 0 : (el.selectionStart ?? value.length)
    const end = taken ? 0 : (el.selectionEnd ?? value.length)
    const armed = escArmed.current
    escArmed.current = e.key === 'Escape'
    const ctrl = e.ctrlKey && !e.metaKey && !e.altKey
    if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
      e.preventDefault()
      if (controller.submit(value, () => takeEntered())) el.dataset.entered = value
      else {
        replace('')
        onEnter()
      }
    } else if (e.key === 'ArrowUp') {
      e.preventDefault()
      const v = controller.historyUp(value)
      if (v !== undefined) replace(oneLine(v))
    } else if (e.key === 'ArrowDown') {
      e.preventDefault()
      const v = controller.historyDown()
      if (v !== undefined) replace(oneLine(v))
    } else if (e.key === 'Tab' && !e.shiftKey && !ctrl && !e.altKey && !e.metaKey) {
      if (armed) return // Esc then Tab: move focus on, as usual
      e.preventDefault()
      const el = e.currentTarget
      void controller.complete(value, start).then((edit) => {
        // Apply the completion only if the line was not changed meanwhile.
        if (edit && el.value === value) replace(edit.value, edit.cursor)
        onEnter()
      })
    } else if (ctrl && e.key.toLowerCase() === 'c') {
      if (start !== end) return // text selected in the line: let the browser copy it
      e.preventDefault()
      controller.interrupt(value)
      replace('')
      onEnter()
    } else if (ctrl && e.key.toLowerCase() === 'd' && value === '') {
      e.preventDefault()
      controller.endOfInput()
    } else if (ctrl && e.key.toLowerCase() === 'l') {
      e.preventDefault()
      controller.clearScreen()
    } else if (ctrl && e.key.toLowerCase() === 'a') {
      e.preventDefault()
      el.setSelectionRange(0, 0)
    } else if (ctrl && e.key.toLowerCase() === 'e') {
      e.preventDefault()
      el.setSelectionRange(value.length, value.length)
    } else if (ctrl && e.key.toLowerCase() === 'u') {
      e.preventDefault()
      replace(value.slice(start), 0)
    } else if (ctrl && e.key.toLowerCase() === 'k') {
      e.preventDefault()
      replace(value.slice(0, start), start)
    }
  }

  const onPaste = (e: ClipboardEvent<HTMLInputElement>) => {
    const text = e.clipboardData.getData('text/plain')
    if (!/[\r\n]/.test(text)) return
    e.preventDefault()
    const el = e.currentTarget
    const taken = takeEntered()
    const value = taken ? '' : typed
    const start = taken ? 0 : (el.selectionStart ?? value.length)
    const end = taken ? 0 : (el.selectionEnd ?? value.length)
    const rest = controller.paste(value.slice(0, start), text, value.slice(end))
    replace(rest.value, rest.cursor)
    onEnter()
  }

  // An edit that came without a key while a line is entered and not echoed (a key took it out
  // already): the line leaves the input, and the edit stands as made on an empty line (text added
  // after the entered line; a fill, which replaces the whole line, as it is). Otherwise the echo
  // would take the edit out with the entered line.
  const onEdit = (v: string, entered?: string) =>
    entered !== undefined && takeEntered() ? replace(v.startsWith(entered) ? v.slice(entered.length) : v) : setValue(v)

  const waiting = !ready ? 'Starting the lab' : busy ? 'Running' : ''
  return (
    <div className="t-inputline" data-busy={busy ? 'true' : 'false'}>
      <span className="t-before" aria-hidden={busy ? 'true' : undefined}>
        <SegmentsWithDecode segs={partial} />
        {!busy && <span className="t-prompt" data-testid="prompt">{prompt}</span>}
      </span>
      <input
        ref={inputRef}
        className="t-input-field"
        type="text"
        aria-label="Command line"
        aria-describedby={helpId}
        autoComplete="off"
        autoCapitalize="off"
        autoCorrect="off"
        spellCheck={false}
        enterKeyHint="send"
        value={typed}
        onChange={(e) => onEdit(e.target.value, e.target.dataset.entered)}
        onKeyDown={onKeyDown}
        onPaste={onPaste}
        autoFocus
      />
      {(waiting || queued > 0) && (
        <span className="t-waiting">
          {waiting}
          {queued > 0 ? ` · ${queued} line${queued > 1 ? 's' : ''} waiting` : ''}
        </span>
      )}
    </div>
  )
})
