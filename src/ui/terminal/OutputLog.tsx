// The terminal's finished lines, as DOM text (never HTML). Each line is memoized: appending
// output or typing renders only what changed.

import { memo, useMemo } from 'react'
import type { Segment, TermLine } from '../../state/lines'
import { useTerminal, type AppStore } from '../../state/store'
import { DecodeActions, lineJwts } from '../decoder/DecodeAction'

export function SegmentView({ seg }: { seg: Segment }) {
  switch (seg.kind) {
    case 'out':
      return seg.text
    case 'err':
      // Told apart by colour, a stripe on the line, and for assistive technology a description.
      return (
        <span className="t-err" data-stream="stderr" aria-description="error output">
          {seg.text}
        </span>
      )
    default:
      return <span className={`t-${seg.kind}`}>{seg.text}</span>
  }
}

const Line = memo(function Line({ line }: { line: TermLine }) {
  const err = line.segs.some((s) => s.kind === 'err')
  // A JWT in the line gets a Decode action (it adds no text to the line: see DecodeAction).
  const jwts = useMemo(() => lineJwts(line.segs.filter((s) => s.kind !== 'prompt').map((s) => s.text)), [line])
  return (
    <div className={err ? 't-line has-err' : 't-line'} data-stream={err ? 'stderr' : undefined}>
      {line.segs.map((s, i) => (
        <SegmentView key={i} seg={s} />
      ))}
      {jwts.length > 0 && <DecodeActions jwts={jwts} />}
    </div>
  )
})

export const OutputLog = memo(function OutputLog({ store }: { store: AppStore }) {
  const lines = useTerminal(store, (s) => s.lines)
  const busy = useTerminal(store, (s) => s.busy)
  return (
    <div className="t-log" role="log" aria-live="polite" aria-label="Terminal output" aria-busy={busy}>
      {lines.map((l) => (
        <Line key={l.id} line={l} />
      ))}
    </div>
  )
})
