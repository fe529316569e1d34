// How long the timeline takes to redraw after the lab changed, as performance measures (read by
// scripts/benchTimeline.mjs; the root's data-rendered-version says which lab view version it drew):
//  * "timeline-redraw": from this panel starting to render a new version to its committed,
//    laid-out DOM (the timeline's own work: model update, rows, React, style and layout);
//  * "timeline-redraw-page": from the lab view's bump, so also the other panels rendering first.
// Kept outside the components: render code stays pure, this only notes times. Measured only where
// a page asks for it (window.__tokenlabRedrawTiming = true before the lab's script runs, as the
// bench does): the measure lays the page out at once, in the commit, which in a student's page
// would only hold up the next command's answer (up to 40 ms over the article's commands).

export const MEASURE = 'timeline-redraw'
export const MEASURE_PAGE = 'timeline-redraw-page'

let bumpedAt: number | undefined
let render: { version: number; at: number } | undefined

/** The lab view's version changed (called from a store listener, before React renders). */
export function noteBump(): void {
  bumpedAt ??= performance.now()
}

/** The panel renders `version` (only its first render of a version counts). */
export function noteRender(version: number): void {
  if (render?.version !== version) render = { version, at: performance.now() }
}

/** The panel committed `version`: lay out, then measure. */
export function noteCommit(el: HTMLElement, version: number): void {
  el.setAttribute('data-rendered-version', String(version))
  const bumped = bumpedAt
  bumpedAt = undefined
  if (bumped === undefined || render?.version !== version || !(globalThis as { __tokenlabRedrawTiming?: boolean }).__tokenlabRedrawTiming) return
  void el.offsetHeight // style and layout now, so the measure includes them
  const end = performance.now()
  if (performance.getEntriesByName(MEASURE).length > 500) {
    performance.clearMeasures(MEASURE)
    performance.clearMeasures(MEASURE_PAGE)
  }
  performance.measure(MEASURE, { start: render.at, end, detail: { version } })
  performance.measure(MEASURE_PAGE, { start: bumped, end, detail: { version } })
}
