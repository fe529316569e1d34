// The Monaco editor inside the editor dialog. Loaded with React.lazy only when the first file
// opens, and from the lab's own files (monacoSetup). Ctrl+S saves; the dialog handles Esc, which
// Monaco lets through when it has nothing of its own to close (a suggestion list, find, a selection).

import Editor, { type OnMount } from '@monaco-editor/react'
import type { EditRequest } from '../../state/labPort'
import './monacoSetup'

interface Props {
  request: EditRequest
  onChange(text: string): void
  onSave(): void
}

const clamp = (n: number, lo: number, hi: number) => Math.min(Math.max(n, lo), hi)

export default function MonacoPane({ request, onChange, onSave }: Props) {
  const onMount: OnMount = (editor, monaco) => {
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, onSave)
    const model = editor.getModel()
    const markers = request.markers ?? []
    if (model && markers.length) {
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
  }

  return (
    <Editor
      height="100%"
      theme="vs-dark"
      language={request.language}
      defaultValue={request.text}
      loading={<p className="ed-loading">Loading the editor…</p>}
      onChange={(v) => onChange(v ?? '')}
      onMount={onMount}
      options={{
        ariaLabel: `Editor content: ${request.path}`,
        automaticLayout: true,
        minimap: { enabled: false },
        scrollBeyondLastLine: false,
        fontSize: 14,
        tabSize: 2,
        insertSpaces: true,
        detectIndentation: false,
        // As nano and vi do by default: the text is what was typed, no indentation, brackets or suggestions added.
        autoIndent: 'none',
        autoClosingBrackets: 'never',
        autoClosingQuotes: 'never',
        quickSuggestions: false,
        suggestOnTriggerCharacters: false,
        wordBasedSuggestions: 'off',
        acceptSuggestionOnEnter: 'off',
        renderWhitespace: 'boundary',
        fixedOverflowWidgets: true,
      }}
    />
  )
}
