// The page's editor, small and loaded with the panels: it attaches to the editor bridge (which the
// lab's onEditRequest feeds from the start, src/state/editorBridge.ts) and, while a command
// (kubectl edit, nano, vi, vim, edit) waits for it, shows a dialog with the Monaco editor, which is
// loaded lazily the first time a file opens. Save (Ctrl+S) resolves the request with the text;
// Close (Esc) resolves it with undefined. The terminal shows nothing new until then.

import { Suspense, lazy, useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react'
import { createPortal } from 'react-dom'
import { attachEditor } from '../../state/editorBridge'
import type { EditRequest } from '../../state/labPort'
import editorCss from './editor.css?inline'
import { whenStartupSettled } from '../layout/startupGate'
import { afterInputQuiet } from '../layout/inputQuiet'

/** The loaded pane, once its chunk is in: rendered directly then, without a Suspense round. */
let LoadedPane: typeof import('./MonacoPane').default | undefined
const loadMonaco = () =>
  import('./MonacoPane').then((m) => {
    LoadedPane = m.default
    return m
  })
const LazyPane = lazy(loadMonaco)

/**
 * How long the student leaves keyboard and mouse alone before Monaco loads: its load and set-up are
 * long tasks (300 to 600 ms on a slow machine), and a command typed during them waits. Loaded at
 * the first pause instead of right after start-up, they no longer land among the first commands.
 */
const QUIET_MS = 2000

/** Load Monaco in the background at the first pause of the keyboard and mouse after start-up (then when idle), so the first edit opens at once. */
const preloadEditorWhenQuiet = (): void => afterInputQuiet(QUIET_MS, () => preloadEditorWhenIdle())

/** Load Monaco in the background when the page is idle. */
function preloadEditorWhenIdle(win: Pick<Window, 'setTimeout'> & { requestIdleCallback?: Window['requestIdleCallback'] } = window): void {
  const load = () =>
    void loadMonaco()
      .then((pane) => import('./monacoSetup').then((m) => ({ m, options: pane.OPTIONS })))
      .then(({ m, options }) => {
        installCss()
        m.warmUp(options)
        performance.mark('editor-preloaded') // for scripts/benchTyping.mjs: the page's start-up work is over
      })
      .catch(() => {})
  if (typeof win.requestIdleCallback === 'function') win.requestIdleCallback(load, { timeout: 5000 })
  else win.setTimeout(load, 2000)
}

interface Pending {
  id: number
  request: EditRequest
  resolve(text: string | undefined): void
}

let nextId = 1

function installCss(): void {
  if (document.getElementById('tokenlab-editor-styles')) return
  const style = document.createElement('style')
  style.id = 'tokenlab-editor-styles'
  style.textContent = editorCss
  document.head.append(style)
}

/** The rest of the page is inert while the dialog is open (a modal dialog), and comes back after. */
function setPageInert(inert: boolean): void {
  const root = document.getElementById('root')
  if (root) root.inert = inert
}

export function EditorHost() {
  // Not while the lab starts: Monaco's load and set-up would hold the page's thread (startupGate.ts).
  useEffect(() => whenStartupSettled(() => preloadEditorWhenQuiet()), [])
  const [pending, setPending] = useState<Pending>()
  const current = useRef<Pending | undefined>(undefined)
  const text = useRef('')
  const returnFocus = useRef<HTMLElement | null>(null)
  const dialog = useRef<HTMLDivElement>(null)

  const finish = useCallback((result: string | undefined) => {
    const p = current.current
    if (!p) return
    current.current = undefined
    setPending(undefined)
    setPageInert(false)
    p.resolve(result)
    returnFocus.current?.focus({ preventScroll: true })
  }, [])

  useEffect(() => {
    let alive = true
    const open = (request: EditRequest) =>
      new Promise<string | undefined>((resolve) => {
        if (!alive) return resolve(undefined)
        current.current?.resolve(undefined)
        const p: Pending = { id: nextId++, request, resolve }
        current.current = p
        text.current = request.text
        const active = document.activeElement
        returnFocus.current = active instanceof HTMLElement && active !== document.body ? active : null
        installCss()
        setPageInert(true)
        setPending(p)
      })
    const detach = attachEditor(open)
    return () => {
      alive = false
      detach()
      const p = current.current
      current.current = undefined
      setPageInert(false)
      p?.resolve(undefined)
    }
  }, [])

  // The dialog takes the focus at once (Esc works while Monaco loads); Monaco takes it once mounted.
  useEffect(() => {
    // (a preloaded Monaco may already hold it: its pane mounts and focuses before this effect runs)
    if (pending && !dialog.current?.contains(document.activeElement)) dialog.current?.focus()
  }, [pending])

  if (!pending) return null
  const { request } = pending
  const save = () => finish(text.current)
  const close = () => finish(undefined)
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 's') {
      e.preventDefault()
      save()
    } else if (e.key === 'Escape' && !e.defaultPrevented) {
      e.preventDefault()
      close()
    }
  }
  const markers = request.markers ?? []

  return createPortal(
    <div className="ed-backdrop">
      <div
        ref={dialog}
        className="ed-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="ed-title"
        aria-describedby="ed-keys"
        tabIndex={-1}
        onKeyDown={onKeyDown}
        onMouseUp={(e) => e.stopPropagation()}
      >
        <div className="ed-bar">
          <h2 id="ed-title" className="ed-title">
            {request.title}
          </h2>
          <span className="ed-path">{request.path}</span>
          <button type="button" onClick={save}>
            Save<kbd>Ctrl+S</kbd>
          </button>
          <button type="button" onClick={close}>
            Close without saving<kbd>Esc</kbd>
          </button>
        </div>
        {markers.length > 0 ? (
          <ul className="ed-problems" aria-label="Problems">
            {markers.map((m, i) => (
              <li key={i}>
                Line {m.line}: {m.message}
              </li>
            ))}
          </ul>
        ) : (
          <div />
        )}
        <div className="ed-body">
          {LoadedPane ? (
            <LoadedPane key={pending.id} request={request} onChange={(t) => (text.current = t)} onSave={save} />
          ) : (
            <Suspense fallback={<p className="ed-loading" role="status">Loading the editor…</p>}>
              <LazyPane key={pending.id} request={request} onChange={(t) => (text.current = t)} onSave={save} />
            </Suspense>
          )}
        </div>
        <p id="ed-keys" className="ed-keys">
          Ctrl+S saves and closes · Esc closes without saving · Ctrl+M switches Tab between indenting and moving the
          focus. The command in the terminal waits until the editor closes.
        </p>
      </div>
    </div>,
    document.body,
  )
}

export default EditorHost
