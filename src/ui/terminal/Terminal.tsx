// The terminal pane: the output log, the input line, a line of key help. A plain React
// component rendering text: every line stays in the DOM, selects and copies exactly.

import { lazy, Suspense, useCallback, useEffect, useRef } from 'react'
import type { TerminalController } from '../../state/controller'
import { eagerTerminal, type AppStore } from '../../state/store'
import { InputLine } from './InputLine'
import { OutputLog } from './OutputLog'

/** Touch screens only: loaded when needed, not with the first screen. */
const TouchKeys = lazy(() => import('./KeyBar').then((m) => ({ default: m.TouchKeys })))

interface Props {
  store: AppStore
  controller: TerminalController
  /** Text already typed (into the page's first, static command line). */
  takeInitialInput?: () => string
  /** A touch screen: a key bar for Tab, Up, Down, Ctrl+C and Esc, and hints for fingers. */
  touch?: boolean
}

export function Terminal({ store, controller, takeInitialInput, touch = false }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null)
  const inputRef = useRef<HTMLInputElement>(null)
  const stick = useRef(true)

  // The scroller's size and content height when it was last followed or scrolled by the reader.
  const layout = useRef({ width: 0, height: 0, content: 0 })

  /** Follow the output (the prompt in view), unless the reader scrolled up to read. */
  const followOutput = useCallback(() => {
    const el = scrollRef.current
    if (!el) return
    if (stick.current) el.scrollTop = el.scrollHeight
    layout.current = { width: el.clientWidth, height: el.clientHeight, content: el.scrollHeight }
  }, [])
  // After each change of the output, in the next frame, before it is drawn: reading scrollHeight in
  // the commit (a layout effect) would force a layout of its own (about 3 ms of every answer, before
  // the new lines even reach the DOM's observers), and the panels' update after it would lay the
  // page out again. In the frame, the browser lays the page out once for all of it.
  const frame = useRef(0)
  const entered = useRef(false)
  const followInFrame = useCallback(() => {
    frame.current ||= requestAnimationFrame(() => {
      frame.current = 0
      followOutput()
      entered.current = false
    })
  }, [followOutput])
  // On every change of the terminal's slice (without rendering this component again); a frame after
  // an unmount finds no scroller and does nothing.
  useEffect(() => eagerTerminal(store).subscribe(followInFrame), [store, followInFrame])

  // When the reader last turned the wheel, touched or pressed on the scrollbar (the scroller itself),
  // or pressed Page Up or Page Down (the command line leaves them to the scroller).
  const readerAt = useRef(0)
  const reader = () => {
    readerAt.current = performance.now()
  }
  const onScroll = () => {
    const el = scrollRef.current
    if (!el) return
    // The reader's own scroll counts as it is, even while output streams in. Otherwise:
    if (performance.now() - readerAt.current > 500) {
      // a scroll between Enter and the frame that follows the answer is the browser's (scroll
      // anchoring as the oldest lines leave, the command line kept in view);
      if (entered.current) return
      // so is one while new output waits for the frame that follows it: past the lines the
      // terminal keeps, the oldest leave the top as new ones come, often with no change of height,
      // and the browser's anchoring moves the view up;
      if (frame.current) return
      // a scroll that comes with a new size or new content (a resize re-wraps the lines and the
      // browser moves the scroll position) does not stop the following either. Browsers order it
      // before or after the ResizeObserver callback (headless Chromium before).
      const l = layout.current
      if (el.clientWidth !== l.width || el.clientHeight !== l.height || el.scrollHeight !== l.content) return followOutput()
    }
    stick.current = el.scrollTop + el.clientHeight >= el.scrollHeight - 24
  }

  const follow = useCallback(() => {
    stick.current = true
    entered.current = true
    followInFrame()
  }, [followInFrame])

  // Width in characters, for listing completions in columns.
  useEffect(() => {
    const el = scrollRef.current
    if (!el || typeof ResizeObserver === 'undefined') return
    const probe = document.createElement('span')
    probe.textContent = '0'.repeat(10)
    probe.className = 't-probe'
    el.appendChild(probe)
    const ro = new ResizeObserver(() => {
      const ch = probe.getBoundingClientRect().width / 10 || 8
      controller.columns = Math.max(20, Math.floor((el.clientWidth - 16) / ch))
      // A resize or a splitter move re-wraps the lines: keep the prompt in view.
      followOutput()
    })
    ro.observe(el)
    // Output can also grow after it was drawn (a Decode button arriving with its lazy code, a
    // font): the prompt stays in view then too.
    const grown = new ResizeObserver(followOutput)
    for (const child of el.children) if (child !== probe) grown.observe(child)
    return () => {
      ro.disconnect()
      grown.disconnect()
      probe.remove()
    }
  }, [controller, followOutput])

  // A click in the terminal (not a selection) puts the cursor in the command line.
  const onMouseUp = () => {
    const sel = window.getSelection()
    if (!sel || sel.isCollapsed) inputRef.current?.focus({ preventScroll: true })
  }

  return (
    <div className="term" onMouseUp={onMouseUp}>
      <div
        className="term-scroll"
        ref={scrollRef}
        onScroll={onScroll}
        onWheel={reader}
        onTouchMove={reader}
        onPointerDown={(e) => e.target === e.currentTarget && reader()}
        onKeyDown={(e) => (e.key === 'PageUp' || e.key === 'PageDown') && reader()}
      >
        <OutputLog store={store} />
        <InputLine
          store={store}
          controller={controller}
          inputRef={inputRef}
          onEnter={follow}
          helpId="term-help"
          takeInitialValue={takeInitialInput}
        />
      </div>
      {touch ? (
        <Suspense fallback={null}>
          <TouchKeys inputRef={inputRef} />
        </Suspense>
      ) : (
        <p id="term-help" className="term-help">
          Enter runs · ↑ ↓ history · Tab completes · Ctrl+C cancels the line · Ctrl+L clears · Esc then Tab leaves the terminal
        </p>
      )}
    </div>
  )
}
