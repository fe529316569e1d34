// The terminal's finished lines, as DOM text (never HTML). Each line is memoized: appending
// output or typing renders only what changed. The page holds the latest lines only
// (shownLines.ts); a button brings earlier ones back.

import { lazy, memo, Suspense, useMemo, useState } from 'react'
import { displayText } from '../../common/display'
import type { Segment, TermLine } from '../../state/lines'
import { useTerminal, type AppStore } from '../../state/store'
import { useDecode } from './decodeLoader'
import { boundSegs } from './longLine'
import { EARLIER_STEP, firstShown } from './shownLines'

const LongLineMarker = lazy(() => import('./LongLineMarker').then((m) => ({ default: m.LongLineMarker })))

export function SegmentView({ seg }: { seg: Segment }) {
  switch (seg.kind) {
    case 'out':
      // A byte that is not UTF-8 shows as U+FFFD, as on a UTF-8 terminal (src/common/bytes.ts).
      return displayText(seg.text)
    case 'err':
      // Told apart by colour, a stripe on the line, and for assistive technology a description;
      // a command that succeeded (`No resources found`, a warning) has it in a quieter colour (terminal.css).
      return (
        <span className="t-err" data-stream="stderr" aria-description={seg.ok ? 'standard error' : 'error output'}>
          {displayText(seg.text)}
        </span>
      )
    default:
      return <span className={`t-${seg.kind}`}>{seg.text}</span>
  }
}

/** The text of the output segments of a line (not the prompt, not what was typed). */
const printed = (segs: readonly Segment[]) => segs.filter((s) => s.kind === 'out' || s.kind === 'err').map((s) => s.text)

/**
 * Segments with a Decode action right after the output that holds a token, before any prompt that
 * follows it on the line. A very long line shows its start and a marker (longLine.tsx).
 */
export function SegmentsWithDecode({ segs: all }: { segs: readonly Segment[] }) {
  const decode = useDecode()
  const { segs, hidden } = boundSegs(all)
  const cut = segs.findIndex((s) => s.kind === 'prompt')
  const output = cut < 0 ? segs : segs.slice(0, cut)
  const rest = cut < 0 ? [] : segs.slice(cut)
  const jwts = decode ? decode.lineJwts(printed(output)) : []
  return (
    <>
      {output.map((s, i) => (
        <SegmentView key={i} seg={s} />
      ))}
      {decode && jwts.length > 0 && <decode.DecodeActions jwts={jwts} />}
      {rest.map((s, i) => (
        <SegmentView key={`r${i}`} seg={s} />
      ))}
      {hidden > 0 && (
        <Suspense fallback={<span className="t-more">{` … (${hidden.toLocaleString('en-US')} more characters)`}</span>}>
          <LongLineMarker segs={all} hidden={hidden} />
        </Suspense>
      )}
    </>
  )
}

/** Text laid out in columns: two or more spaces between words. */
const TABLE = /\S {2,}\S/

const Line = memo(function Line({ line }: { line: TermLine }) {
  const err = line.segs.some((s) => s.kind === 'err')
  // Columns (tables, help) keep their layout and scroll sideways rather than wrap mid-word.
  const wide = line.segs.some((s) => (s.kind === 'out' || s.kind === 'err') && TABLE.test(s.text))
  // A JWT in the line gets a Decode action (it adds no text to the line: see DecodeAction).
  return (
    <div className={`t-line${err ? ' has-err' : ''}${wide ? ' t-cols' : ''}`} data-stream={err ? 'stderr' : undefined}>
      <SegmentsWithDecode segs={line.segs} />
    </div>
  )
})

/** Lines per block: a new line re-renders its block only, not the thousands kept on screen. */
const BLOCK = 64

/** Finished lines never change, so a block is the same while it has the same first and last line. */
const sameBlock = (a: { lines: readonly TermLine[] }, b: { lines: readonly TermLine[] }) =>
  a.lines.length === b.lines.length && a.lines[0] === b.lines[0] && a.lines[a.lines.length - 1] === b.lines[b.lines.length - 1]

const Block = memo(function Block({ lines }: { lines: readonly TermLine[] }) {
  return lines.map((l) => <Line key={l.id} line={l} />)
}, sameBlock)

/** The lines in blocks of BLOCK ids (ids only grow; the oldest lines scroll away at the front). */
function blocksOf(lines: readonly TermLine[]): { key: number; lines: TermLine[] }[] {
  const out: { key: number; lines: TermLine[] }[] = []
  for (const l of lines) {
    const key = Math.floor(l.id / BLOCK)
    const last = out[out.length - 1]
    if (last && last.key === key) last.lines.push(l)
    else out.push({ key, lines: [l] })
  }
  return out
}

export const OutputLog = memo(function OutputLog({ store }: { store: AppStore }) {
  const lines = useTerminal(store, (s) => s.lines)
  const busy = useTerminal(store, (s) => s.busy)
  // Earlier lines the reader asked for, from this line id on (until the next command starts).
  const [fromId, setFromId] = useState<number | undefined>(undefined)
  const [wasBusy, setWasBusy] = useState(busy)
  if (busy !== wasBusy) {
    setWasBusy(busy)
    if (busy && fromId !== undefined) setFromId(undefined)
  }
  const first = firstShown(lines, fromId)
  const blocks = useMemo(() => blocksOf(first > 0 ? lines.slice(first) : lines), [lines, first])
  const hidden = first
  return (
    <>
      {hidden > 0 && (
        <button type="button" className="t-earlier" onClick={() => setFromId(lines[Math.max(0, first - EARLIER_STEP)].id)}>
          {`Show earlier lines (${Math.min(hidden, EARLIER_STEP)} of ${hidden} not shown)`}
        </button>
      )}
      <div className="t-log" role="log" aria-live="polite" aria-label="Terminal output" aria-busy={busy}>
        {blocks.map((b) => (
          <Block key={b.key} lines={b.lines} />
        ))}
      </div>
    </>
  )
})
