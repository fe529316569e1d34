// The timeline panel: a time axis with the lab's "now", a lane per pod (lifecycle events, kubelet
// refreshes, a row per token with iat, refresh point, warnafter, exp and the requests made with
// it) and lanes for tokens from kubectl create token and legacy Secrets. Zoom and pan with the
// buttons or the keyboard; jump to the next refresh, warnafter or exp. Selecting a token opens it
// in the decoder when the shell holds its text; selecting a request explains it in the why panel.

import { useCallback, useMemo, useRef } from 'react'
import { timelineActions } from '../../state/slices/timelineActions'
import { appStore, selection, useSelection, useTimelineView } from '../../state/store'
import { findToken, type JumpKind } from '../../state/timeline/view'
import type { WholeGeometry } from '../../state/timeline/whole'
import type { MarkItem, RowView } from '../../state/timeline/marks'
import { TimelineLegend } from './TimelineLegend'
import { TimelinePlot, type PlotActions } from './TimelinePlot'
import { TokenDetails } from './TokenDetails'
import { TokenRuler } from './TokenRuler'
import { useTimelineData } from './useTimelineData'
import './timeline.css'

const JUMPS: [JumpKind, string, string][] = [
  ['refresh', 'Show next refresh', 'r'],
  ['warnafter', 'Show next warnafter', 'w'],
  ['exp', 'Show next exp', 'e'],
]

export function TimelinePanel() {
  const rootRef = useRef<HTMLElement>(null)
  const { lab, now, view, mode, lanes, known, decoderJti } = useTimelineData(rootRef)
  const message = useTimelineView((s) => s.message)
  const tokenKey = useTimelineView((s) => s.tokenKey)
  const requestIndex = useSelection((s) => s.requestIndex)

  // The plot's track width, for the whole view (All, Home).
  const geometry = useRef<WholeGeometry>({ width: 400 })
  const onGeometry = useCallback((g: WholeGeometry) => {
    geometry.current = g
  }, [])

  const tv = () => timelineActions(appStore)
  const actions: PlotActions = {
    zoom: (f, anchor) => tv().zoomBy(f, now, anchor),
    pan: (f) => tv().panBy(f, now),
    fitAll: () => tv().fitAll(lanes, now, geometry.current),
    follow: () => tv().follow(),
    jump: (k) => void tv().jump(k, lanes, now),
    show: (t, what) => tv().showTime(t, what, now),
  }

  const selectRow = useCallback(
    (row: RowView) => {
      const tok = row.token
      if (!tok) return
      timelineActions(appStore).selectToken(tok.key)
      const k = tok.jti ? known.get(tok.jti) : undefined
      if (k) selection.getState().selectToken(k.jwt)
    },
    [known],
  )

  const handlers = useMemo(
    () => ({
      onToken: selectRow,
      onMark(row: RowView, mark: MarkItem) {
        if (mark.range) return timelineActions(appStore).showRange(mark.range[0], mark.range[1])
        if (mark.request) return selection.getState().selectRequest(mark.request.index, appStore.getState().lab.audit.length)
        if (row.token) selectRow(row)
      },
    }),
    [selectRow],
  )

  const selected = useMemo(() => findToken(lanes, tokenKey), [lanes, tokenKey])

  return (
    <section ref={rootRef} className="tl" aria-labelledby="tl-title" data-view-start={Math.round(view.start)} data-view-end={Math.round(view.end)} data-mode={mode}>
      <div className="tl-head">
        <h2 id="tl-title">Timeline</h2>
        <div className="tl-toolbar" role="toolbar" aria-label="Timeline view">
          <button type="button" onClick={() => actions.zoom(0.5)} aria-keyshortcuts="+" title="Zoom in (+)">
            Zoom in
          </button>
          <button type="button" onClick={() => actions.zoom(2)} aria-keyshortcuts="-" title="Zoom out (-)">
            Zoom out
          </button>
          <button type="button" onClick={() => actions.pan(-0.25)} aria-label="Earlier" aria-keyshortcuts="ArrowLeft" title="Earlier (←)">
            ←
          </button>
          <button type="button" onClick={() => actions.pan(0.25)} aria-label="Later" aria-keyshortcuts="ArrowRight" title="Later (→)">
            →
          </button>
          <button type="button" onClick={actions.fitAll} aria-keyshortcuts="Home" title="Show the whole story: what happened and what is due next; later marks such as exp at the edge (Home)">
            All
          </button>
          <button type="button" onClick={actions.follow} aria-pressed={mode === 'follow'} aria-keyshortcuts="End" title="Follow the lab clock (End)">
            Now
          </button>
          {JUMPS.map(([k, label, key]) => (
            <button key={k} type="button" onClick={() => actions.jump(k)} aria-keyshortcuts={key} title={`${label} (${key})`}>
              {label}
            </button>
          ))}
        </div>
      </div>
      <p className="tl-status" role="status" aria-live="polite">
        {lab ? message : 'The lab is starting…'}
      </p>
      <p id="tl-keys" hidden>
        Keys: plus and minus zoom, arrows move earlier or later, Home shows the whole story (marks beyond it, such as an exp a year away,
        are buttons at the row's edge), End follows the lab clock, r, w and e jump to the next kubelet refresh, warnafter and exp. Tab
        moves between marks.
      </p>
      <TokenRuler lanes={lanes} now={now} selectedKey={tokenKey} decoderJti={decoderJti} />
      <TimelinePlot
        lanes={lanes}
        view={view}
        now={now}
        selectedKey={tokenKey}
        decoderJti={decoderJti}
        selectedRequest={requestIndex}
        actions={actions}
        handlers={handlers}
        edges={mode !== 'follow'}
        onGeometry={onGeometry}
      />
      {selected && (
        <TokenDetails
          token={selected.tok}
          known={selected.tok.jti ? known.get(selected.tok.jti) : undefined}
          podGone={selected.lane.pod?.goneAt !== undefined}
          onClose={() => timelineActions(appStore).selectToken(undefined)}
        />
      )}
      <TimelineLegend />
    </section>
  )
}

export default TimelinePanel
