// The page's style sheets, put in by the script instead of <link> tags: an external style sheet
// would hold back the first paint and index.html's inline script (and so its command line),
// which index.html's small inline style already makes presentable. The lazily loaded panels
// import their own sheets (Vite loads a chunk's CSS before the chunk runs, so none shows
// unstyled), which keeps them out of the first screen's download.

import appCss from './layout/app.css?inline'
import terminalCss from './terminal/terminal.css?inline'
import workspaceCss from './lesson/workspace.css?inline'

export function installStyles(doc: Document = document): void {
  if (doc.getElementById('tokenlab-styles')) return
  const style = doc.createElement('style')
  style.id = 'tokenlab-styles'
  style.textContent = appCss + terminalCss + workspaceCss
  doc.head.append(style)
}

/** Presenter mode's sheet, fetched only in that mode (the first frame may show the usual sizes). */
export function installPresenterStyles(doc: Document = document): Promise<void> {
  return import('./layout/presenter.css?inline').then((m) => {
    if (doc.getElementById('tokenlab-presenter-styles')) return
    const style = doc.createElement('style')
    style.id = 'tokenlab-presenter-styles'
    style.textContent = m.default
    doc.head.append(style)
  })
}
