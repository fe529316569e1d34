// The Monaco editor inside the editor dialog. Loaded with React.lazy only when the first file
// opens, and from the lab's own files (monacoSetup). Ctrl+S saves; the dialog handles Esc, which
// Monaco lets through when it has nothing of its own to close (a suggestion list, find, a selection).

import { useLayoutEffect, useRef } from 'react'
import type { EditRequest } from '../../state/labPort'
import { monaco, takeEditor } from './monacoSetup'

interface Props {
  request: EditRequest
  onChange(text: string): void
  onSave(): void
}

const clamp = (n: number, lo: number, hi: number) => Math.min(Math.max(n, lo), hi)

/** The editor's options: as nano and vi do by default, the text is what was typed (no indentation, brackets or suggestions added). */
export const OPTIONS: monaco.editor.IStandaloneEditorConstructionOptions = {
  theme: 'vs-dark',
  automaticLayout: true,
  minimap: { enabled: false },
  scrollBeyondLastLine: false,
  fontSize: 14,
  tabSize: 2,
  insertSpaces: true,
  detectIndentation: false,
  autoIndent: 'none',
  autoClosingBrackets: 'never',
  autoClosingQuotes: 'never',
  quickSuggestions: false,
  suggestOnTriggerCharacters: false,
  wordBasedSuggestions: 'off',
  acceptSuggestionOnEnter: 'off',
  renderWhitespace: 'boundary',
  fixedOverflowWidgets: true,
}

/**
 * Monaco created straight away on mount (no wrapper that waits a promise and a frame first), so
 * once the chunk is loaded (EditorHost preloads it when the page is idle) a file opens at once.
 */
export default function MonacoPane({ request, onChange, onSave }: Props) {
  const host = useRef<HTMLDivElement>(null)
  const latest = useRef({ onChange, onSave })
  useLayoutEffect(() => {
    latest.current = { onChange, onSave }
  })

  useLayoutEffect(() => {
    const el = host.current
    if (!el) return
    const model = monaco.editor.createModel(request.text, request.language)
    const editor = takeEditor(el, { ...OPTIONS, model, ariaLabel: `Editor content: ${request.path}` })
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, () => latest.current.onSave())
    const sub = model.onDidChangeContent(() => latest.current.onChange(model.getValue()))
    const markers = request.markers ?? []
    if (markers.length) {
      const lines = model.getLineCount()
      monaco.editor.setModelMarkers(
        model,
        'lab',
        markers.map((m) => {
          const line = clamp(m.line, 1, lines)
          return { startLineNumber: line, endLineNumber: line, startColumn: 1, endColumn: model.getLineMaxColumn(line), message: m.message, severity: monaco.MarkerSeverity.Error }
        }),
      )
      const first = clamp(markers[0].line, 1, lines)
      editor.setPosition({ lineNumber: first, column: 1 })
      editor.revealLineInCenter(first)
    }
    editor.focus()
    return () => {
      sub.dispose()
      const box = editor.getContainerDomNode()
      if (box !== el) box.remove() // the editor made ahead brought its own box
      editor.dispose()
      model.dispose()
    }
  }, [request])

  return <div ref={host} className="ed-monaco" style={{ height: '100%' }} />
}
