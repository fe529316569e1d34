// The page's style sheets, put in by the script instead of <link> tags: an external style sheet
// would hold back the first paint and index.html's inline script (and so its command line),
// which index.html's small inline style already makes presentable. The panels' own small
// sheets (clock, why) come with it, so a lazily loaded panel never shows unstyled.

import clockCss from './clock/clock.css?inline'
import appCss from './layout/app.css?inline'
import terminalCss from './terminal/terminal.css?inline'
import whyCss from './why/why.css?inline'
import workspaceCss from './lesson/workspace.css?inline'

export function installStyles(doc: Document = document): void {
  if (doc.getElementById('tokenlab-styles')) return
  const style = doc.createElement('style')
  style.id = 'tokenlab-styles'
  style.textContent = appCss + terminalCss + clockCss + whyCss + workspaceCss
  doc.head.append(style)
}
