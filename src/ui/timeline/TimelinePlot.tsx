// The plot: a time axis (SVG), a row per pod and per token, the lab's "now", and a tooltip with
// the focused or hovered mark's full text. Keyboard: + and - zoom, arrows pan (Shift: a whole
// view), Home shows the whole story, End follows the clock, r / w / e jump to the next kubelet
// refresh, warnafter or exp. Ctrl+wheel zooms at the pointer; Shift+wheel pans. Outside the
// clock-following view, a token's points beyond the window are edge markers (state/timeline/edges.ts).

import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { useLaidOut } from './useLaidOut'
import { EDGE_EMS, edgeMarks, edgeSize, type EdgeSize } from '../../state/timeline/edges'
import type { Lane } from '../../state/timeline/lanes'
import { laneRow, rowSlots } from '../../state/timeline/marks'
import { calendarDate, tickStep, ticks, toTime, toX, type TimeView } from '../../state/timeline/scale'
import type { WholeGeometry } from '../../state/timeline/whole'
import { TimelineRow, type MarkHandlers } from './TimelineRow'

export interface PlotActions {
  zoom(factor: number, anchor?: number): void
  pan(fraction: number): void
  fitAll(): void
  follow(): void
  jump(kind: 'refresh' | 'warnafter' | 'exp'): void
  /** Centre the view on t (an edge marker was activated). */
  show(t: number, what: string): void
}

interface Props {
  lanes: readonly Lane[]
  view: TimeView
  now: number
  selectedKey?: string
  decoderJti?: string
  selectedRequest?: number
  actions: PlotActions
  handlers: Omit<MarkHandlers, 'onPoint' | 'onEdge'>
  /** Draw edge markers for the points outside the view (not while following the clock). */
  edges: boolean
  /** The track's width and the room an edge marker needs, for the whole view. */
  onGeometry?(g: WholeGeometry): void
}

/** The label column's width (--tl-label: 150 px, 210 px in presenter mode); read from the CSS. */
const LABEL_PX = 150
/** Rows drawn above and below the scrolled-to part of the lanes. */
const OVERSCAN = 4

/** The dates the view covers: one date, or the first and the last (the ticks are times of day). */
export function axisDates(view: TimeView): string {
  const a = calendarDate(view.start)
  const b = calendarDate(view.end)
  return a === b ? a : `${a} – ${b.slice(a.slice(0, 5) === b.slice(0, 5) ? 5 : 0)}`
}

function Axis({ view, width }: { view: TimeView; width: number }) {
  const ts = ticks(view, width)
  const step = tickStep(view, width)
  return (
    <div className="tl-axis" aria-hidden="true">
      <div className="tl-axis-date">{axisDates(view)} UTC</div>
      <svg viewBox={`0 0 ${width} 24`} preserveAspectRatio="none">
        {ts.map((t) => {
          const x = toX(view, width, t.t)
          return (
            <g key={t.t}>
              <line x1={x} x2={x} y1={16} y2={24} />
              <text x={x + 2} y={12}>
                {step >= 86_400_000 || x < width - 30 ? t.label : ''}
              </text>
            </g>
          )
        })}
      </svg>
    </div>
  )
}

export function TimelinePlot({ lanes, view, now, selectedKey, decoderJti, selectedRequest, actions, handlers, edges, onGeometry }: Props) {
  const plotRef = useRef<HTMLDivElement>(null)
  const [width, setWidth] = useState(400)
  const [labelPx, setLabelPx] = useState(LABEL_PX)
  const [edgeWords, setEdgeWords] = useState<EdgeSize>('long')
  /** The mark to focus once an edge marker brought it into view. */
  const pendingFocus = useRef<{ row: string; kind: string }>(undefined)
  // The rows' handlers stay the same object across renders (the rows are memoized): they reach the actions through a ref.
  const actionsRef = useRef(actions)
  useLayoutEffect(() => {
    actionsRef.current = actions
  })
  const [tip, setTip] = useState<{ mark: { name: string }; left: number; top: number }>()
  const lanesRef = useRef<HTMLDivElement>(null)
  const [scroll, setScroll] = useState({ top: 0, height: 320, rowH: 30 })

  useLaidOut(
    plotRef,
    (el) => {
      const style = getComputedStyle(el)
      const label = parseFloat(style.getPropertyValue('--tl-label')) || LABEL_PX
      return { label, w: Math.max(120, el.clientWidth - label), em: parseFloat(style.fontSize) || 12 }
    },
    ({ label, w, em }) => {
      const size = edgeSize(w / em)
      setLabelPx(label)
      setWidth(w)
      setEdgeWords(size)
      onGeometry?.({ width: w, edgeRoom: Math.round(em * EDGE_EMS[size]) })
    },
    [onGeometry],
  )

  // Vertical virtualization: only the rows scrolled into view (and a few more) are in the DOM.
  const scrollOf = useCallback((el: HTMLElement) => {
    const box = plotRef.current
    const rowH = (box && parseFloat(getComputedStyle(box).getPropertyValue('--tl-row'))) || 30
    return { top: el.scrollTop, height: el.clientHeight, rowH }
  }, [])
  const showScroll = useCallback(
    (m: { top: number; height: number; rowH: number }) => setScroll((s) => (s.top === m.top && s.height === m.height && s.rowH === m.rowH ? s : m)),
    [],
  )
  useLaidOut(lanesRef, scrollOf, showScroll, [scrollOf, showScroll])
  useLayoutEffect(() => {
    const el = lanesRef.current
    if (!el) return
    const onScroll = () => showScroll(scrollOf(el))
    el.addEventListener('scroll', onScroll, { passive: true })
    return () => el.removeEventListener('scroll', onScroll)
  }, [scrollOf, showScroll])

  useEffect(() => {
    const el = plotRef.current
    if (!el) return
    const onWheel = (e: WheelEvent) => {
      const rect = el.getBoundingClientRect()
      if (e.ctrlKey || e.metaKey) {
        e.preventDefault()
        actions.zoom(e.deltaY < 0 ? 0.8 : 1.25, toTime(view, width, e.clientX - rect.left - labelPx))
      } else if (e.shiftKey || Math.abs(e.deltaX) > Math.abs(e.deltaY)) {
        e.preventDefault()
        const d = e.shiftKey ? e.deltaY : e.deltaX
        actions.pan((d > 0 ? 1 : -1) * 0.1)
      }
    }
    el.addEventListener('wheel', onWheel, { passive: false })
    return () => el.removeEventListener('wheel', onWheel)
  }, [actions, view, width, labelPx])

  const slots = useMemo(() => rowSlots(lanes), [lanes])
  // (More or fewer rows: the lanes' size changes, or their scroll position, which the two above hear.)
  const first = Math.max(0, Math.floor(scroll.top / scroll.rowH) - OVERSCAN)
  const last = Math.min(slots.length, Math.ceil((scroll.top + scroll.height) / scroll.rowH) + OVERSCAN)
  const rows = useMemo(
    () =>
      slots.slice(first, last).map((s) => {
        const row = laneRow(s.lane, s.slot, view, width, now)
        return { row, edges: edges && row.token ? edgeMarks(row.token, view, now, edgeWords) : undefined }
      }),
    [slots, first, last, view.start, view.end, width, now, edges, edgeWords], // eslint-disable-line react-hooks/exhaustive-deps
  )

  // An edge marker brought its point into view: focus that mark (its tooltip says what it is), or the plot.
  useLayoutEffect(() => {
    const want = pendingFocus.current
    const box = plotRef.current
    if (!want || !box) return
    pendingFocus.current = undefined
    const el = box.querySelector<HTMLElement>(`[data-row="${CSS.escape(want.row)}"] .tl-mark[data-kind="${want.kind}"]`)
    ;(el ?? box).focus()
  }, [rows])

  const allHandlers = useMemo<MarkHandlers>(
    () => ({
      ...handlers,
      onPoint(mark, el) {
        const box = plotRef.current
        if (!mark || !el || !box) return setTip(undefined)
        const a = el.getBoundingClientRect()
        const b = box.getBoundingClientRect()
        const left = Math.min(Math.max(4, a.left - b.left - 60), Math.max(4, b.width - 344))
        setTip({ mark, left, top: a.bottom - b.top + 4 })
      },
      onEdge(row, edge) {
        pendingFocus.current = { row: row.key, kind: edge.kind }
        setTip(undefined)
        actionsRef.current.show(edge.t, edge.what)
      },
    }),
    [handlers],
  )

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return
    const act: Record<string, () => void> = {
      '+': () => actions.zoom(0.5),
      '=': () => actions.zoom(0.5),
      '-': () => actions.zoom(2),
      _: () => actions.zoom(2),
      ArrowLeft: () => actions.pan(e.shiftKey ? -1 : -0.25),
      ArrowRight: () => actions.pan(e.shiftKey ? 1 : 0.25),
      Home: () => actions.fitAll(),
      End: () => actions.follow(),
      r: () => actions.jump('refresh'),
      w: () => actions.jump('warnafter'),
      e: () => actions.jump('exp'),
    }
    const f = act[e.key]
    if (!f) return
    e.preventDefault()
    // keep the focus in the plot: the focused mark may leave the view
    if (document.activeElement !== plotRef.current) plotRef.current?.focus()
    setTip(undefined)
    f()
  }

  const nowX = toX(view, width, now)
  return (
    <div
      ref={plotRef}
      className="tl-plot"
      tabIndex={0}
      role="group"
      aria-label="Timeline lanes"
      aria-describedby="tl-keys"
      aria-keyshortcuts="+ - ArrowLeft ArrowRight Home End r w e"
      onKeyDown={onKeyDown}
    >
      <Axis view={view} width={width} />
      <div className="tl-lanes" ref={lanesRef}>
        {slots.length === 0 ? (
          <p className="tl-empty">No pods or tokens yet. Run a pod (kubectl run) or create a token (kubectl create token).</p>
        ) : (
          <div style={{ position: 'relative', height: slots.length * scroll.rowH, paddingTop: first * scroll.rowH }}>
            {rows.map(({ row, edges: rowEdges }) => (
              <TimelineRow
                key={row.key}
                row={row}
                edges={rowEdges}
                selected={row.token !== undefined && row.token.key === selectedKey}
                decoder={decoderJti !== undefined && row.token?.jti === decoderJti}
                selectedRequest={selectedRequest}
                handlers={allHandlers}
              />
            ))}
            {nowX >= 0 && nowX <= width && (
              <div className="tl-now" style={{ left: labelPx + nowX }} aria-hidden="true">
                <span>now</span>
              </div>
            )}
          </div>
        )}
      </div>
      {tip && (
        <div id="tl-tip" role="tooltip" className="tl-tip" style={{ left: tip.left, top: tip.top }}>
          {tip.mark.name}
        </div>
      )}
    </div>
  )
}
