// Monaco from the lab's own files, never a CDN: the bundled module is used directly (MonacoPane
// creates the editor itself, no loader that could fetch from jsDelivr), and the editor's workers
// come from Vite's `?worker` imports. Only what the editor needs is bundled: the editor with its
// features, YAML (monarch highlighting) and JSON (for `kubectl edit -o json`).

import * as monaco from 'monaco-editor/editor'
import 'monaco-editor/features/register.all'
import 'monaco-editor/languages/definitions/yaml/register'
import 'monaco-editor/languages/features/json/register'
import EditorWorker from 'monaco-editor/editor/editor.worker?worker'
import JsonWorker from 'monaco-editor/language/json/json.worker?worker'

self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    return label === 'json' ? new JsonWorker() : new EditorWorker()
  },
}

export { monaco }

/** An editor made ahead of time (then taken out of the page), used by the first file that opens. */
let spare: { host: HTMLDivElement; editor: monaco.editor.IStandaloneCodeEditor } | undefined

/**
 * Make one editor off screen while the page is idle: Monaco sets up its services, theme, fonts,
 * YAML highlighting and the editor worker then, and the editor itself is kept (out of the page,
 * so neither the accessibility tree nor the page's queries see it) for the first file, so opening
 * it is moving the editor into the dialog rather than building it.
 */
export function warmUp(options: monaco.editor.IStandaloneEditorConstructionOptions = {}): void {
  if (spare) return
  const host = document.createElement('div')
  host.setAttribute('aria-hidden', 'true')
  host.style.cssText = 'position:fixed;left:-10000px;top:0;width:600px;height:300px;visibility:hidden'
  document.body.append(host)
  const model = monaco.editor.createModel('warm: up\n', 'yaml')
  const editor = monaco.editor.create(host, { ...options, model, automaticLayout: false })
  spare = { host, editor }
  requestAnimationFrame(() => {
    if (spare?.editor !== editor) return model.dispose()
    editor.setModel(null)
    model.dispose()
    host.remove()
  })
}

/** An editor inside `into`: the one made ahead of time when there is one, else a new one. */
export function takeEditor(into: HTMLElement, options: monaco.editor.IStandaloneEditorConstructionOptions): monaco.editor.IStandaloneCodeEditor {
  const s = spare
  spare = undefined
  if (!s) return monaco.editor.create(into, options)
  const { model, ...rest } = options
  s.host.removeAttribute('aria-hidden')
  s.host.style.cssText = 'width:100%;height:100%'
  into.append(s.host)
  s.editor.updateOptions({ ...rest, automaticLayout: true })
  s.editor.setModel(model ?? null)
  s.editor.layout()
  return s.editor
}
