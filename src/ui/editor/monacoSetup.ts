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

/**
 * Create one editor off screen and dispose of it: Monaco sets up its services, theme, fonts
 * and the editor worker then, in the background, rather than when the student opens a file.
 */
export function warmUp(): void {
  const host = document.createElement('div')
  host.setAttribute('aria-hidden', 'true')
  host.style.cssText = 'position:fixed;left:-10000px;top:0;width:400px;height:200px;visibility:hidden'
  document.body.append(host)
  const model = monaco.editor.createModel('warm: up\n', 'yaml')
  const editor = monaco.editor.create(host, { model, automaticLayout: false, theme: 'vs-dark', minimap: { enabled: false }, fontSize: 14 })
  setTimeout(() => {
    editor.dispose()
    model.dispose()
    host.remove()
  }, 500)
}
