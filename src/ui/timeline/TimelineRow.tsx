// One row of the timeline: a label (a pod, or a token that can be selected) and a track with
// bars and marks. Every mark is a real button with an accessible name saying what, when and why;
// so is an edge marker ("exp in 365 days →"), which brings a point outside the view into it.

import { memo } from 'react'
import type { EdgeItem } from '../../state/timeline/edges'
import type { MarkItem, RowView } from '../../state/timeline/marks'

export interface MarkHandlers {
  onMark(row: RowView, mark: MarkItem): void
  /** A mark or edge marker focused or hovered (its name goes in the tooltip), or none. */
  onPoint(mark: { name: string } | undefined, el?: HTMLElement): void
  onToken(row: RowView): void
  onEdge?(row: RowView, edge: EdgeItem): void
}

interface Props {
  row: RowView
  selected: boolean
  decoder: boolean
  selectedRequest?: number
  handlers: MarkHandlers
  /** Points of the row's token outside the view, drawn at the track's edges. */
  edges?: readonly EdgeItem[]
}

function Edge({ row, edge, handlers }: { row: RowView; edge: EdgeItem; handlers: MarkHandlers }) {
  const show = (e: { currentTarget: HTMLElement }) => handlers.onPoint(edge, e.currentTarget)
  const hide = () => handlers.onPoint(undefined)
  return (
    <button
      type="button"
      className={`tl-edge ${edge.side} ${edge.kind}`}
      aria-label={edge.name}
      data-kind={edge.kind}
      data-t={edge.t}
      data-edge={edge.side}
      onClick={() => handlers.onEdge?.(row, edge)}
      onFocus={show}
      onBlur={hide}
      onMouseEnter={show}
      onMouseLeave={hide}
    >
      {edge.label}
    </button>
  )
}

function Mark({ row, mark, selectedRequest, handlers }: { row: RowView; mark: MarkItem; selectedRequest?: number; handlers: MarkHandlers }) {
  const show = (e: { currentTarget: HTMLElement }) => handlers.onPoint(mark, e.currentTarget)
  const hide = () => handlers.onPoint(undefined)
  return (
    <button
      type="button"
      className={`tl-mark lvl-${mark.level} ${mark.tone}${mark.future ? ' is-future' : ''}`}
      style={{ transform: `translateX(${mark.x.toFixed(1)}px) translateX(-50%)` }}
      aria-label={mark.name}
      data-kind={mark.kind}
      data-t={mark.t}
      data-selected={mark.request !== undefined && mark.request.index === selectedRequest ? 'true' : undefined}
      onClick={() => handlers.onMark(row, mark)}
      onFocus={show}
      onBlur={hide}
      onMouseEnter={show}
      onMouseLeave={hide}
    >
      {mark.glyph}
    </button>
  )
}

function RowImpl({ row, selected, decoder, selectedRequest, handlers, edges }: Props) {
  const cls = `tl-row tl-row-${row.kind}${selected ? ' is-selected' : ''}${decoder ? ' is-decoder' : ''}`
  const name = `${row.kind === 'pod' ? 'pod ' : ''}${row.label}, ${row.sublabel}${decoder ? ', shown in the decoder' : ''}`
  return (
    <div className={cls} role="group" aria-label={name} data-row={row.key} data-jti={row.token?.jti}>
      <div className="tl-label">
        {row.kind === 'token' ? (
          <button type="button" aria-pressed={selected} aria-label={`Select ${row.label} (${row.sublabel})`} onClick={() => handlers.onToken(row)}>
            {row.label}
          </button>
        ) : (
          <span title={row.label}>{row.label}</span>
        )}
        <small title={row.sublabel}>{row.sublabel}</small>
      </div>
      <div className="tl-track">
        {row.bars.map((b) => (
          <div key={b.key} className={`tl-bar ${b.tone}`} style={{ transform: `translateX(${b.x0.toFixed(1)}px)`, width: Math.max(1, b.x1 - b.x0) }} />
        ))}
        {edges?.filter((e) => e.side === 'left').map((e) => <Edge key={e.key} row={row} edge={e} handlers={handlers} />)}
        {row.marks.map((m) => (
          <Mark key={m.key} row={row} mark={m} selectedRequest={selectedRequest} handlers={handlers} />
        ))}
        {edges?.filter((e) => e.side === 'right').map((e) => <Edge key={e.key} row={row} edge={e} handlers={handlers} />)}
      </div>
    </div>
  )
}

/** The plot keeps its rows while the view stands still, so a change of selection re-renders only the rows it touches. */
export const TimelineRow = memo(RowImpl)
