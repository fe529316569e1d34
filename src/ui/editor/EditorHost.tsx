// Placeholder until the editor is built (its builder replaces this file): the always-loaded part
// that attaches to lab.onEditRequest and shows the lazily loaded editor pane.

export function EditorHost() {
  return null
}

export default EditorHost
