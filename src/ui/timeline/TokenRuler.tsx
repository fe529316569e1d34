// One token's life at a glance, above the lanes: issued, the kubelet's refresh (about 48 min),
// warnafter (1 h) and exp (a year) on a broken axis (linear, then logarithmic past the break),
// every mark labelled in words with the time since iat, the axis in UTC dates of the lab clock,
// and the now line drawn behind the marks. The token is the one selected in the timeline, else
// the decoder's, else the newest one issued (rulerPick.ts). Pure layout in src/state/timeline/ruler.ts.

import { useMemo, useRef, useState } from 'react'
import type { Lane } from '../../state/timeline/lanes'
import { rulerMarks, rulerNow, rulerScale, rulerSpans, rulerTicks } from '../../state/timeline/ruler'
import { pickRulerToken } from '../../state/timeline/rulerPick'
import { useLaidOut } from './useLaidOut'

interface Props {
  lanes: readonly Lane[]
  now: number
  selectedKey?: string
  decoderJti?: string
}

const FONT = { normal: 12, presenter: 18 }

export function TokenRuler({ lanes, now, selectedKey, decoderJti }: Props) {
  const ref = useRef<HTMLDivElement>(null)
  const [size, setSize] = useState({ width: 600, font: FONT.normal })
  useLaidOut(
    ref,
    (el) => ({ width: Math.max(160, el.clientWidth), font: parseFloat(getComputedStyle(el).fontSize) || FONT.normal }),
    (m) => setSize((s) => (s.width === m.width && s.font === m.font ? s : m)),
    [],
  )

  const chosen = useMemo(() => pickRulerToken(lanes, now, selectedKey, decoderJti), [lanes, now, selectedKey, decoderJti])
  if (!chosen) return <div ref={ref} className="tl-ruler" hidden />
  const t = chosen.tok
  const { width, font } = size
  const pad = font // room for glyphs at the ends
  const inner = width - 2 * pad
  const s = rulerScale(t, now, inner)
  const marks = rulerMarks(t, s, now, font * 0.62, font * 0.6)
  const rows = Math.max(1, ...marks.map((m) => m.row + 1))
  const line = font + 6
  const barY = rows * line + 10
  const tickY = barY + 18
  const nowY = tickY + line * 2 + 2
  const height = nowY + 4
  // a date is about 10 characters; the first may be drawn from its tick rightwards (anchored at the edge)
  const ticks = rulerTicks(s, font * 6, font * 0.62 * 17)
  const nowAt = rulerNow(t, s, now)
  const x = (v: number) => pad + v
  // a label centred on its tick, unless that would cut it at an edge
  const anchor = (at: number, text: string) => (at < (text.length * font * 0.62) / 2 ? 'start' : inner - at < (text.length * font * 0.62) / 2 ? 'end' : 'middle')
  const nowLabelX = Math.min(Math.max(x(nowAt.x), pad + font * 2), width - font * 5)

  return (
    <div ref={ref} className="tl-ruler" data-testid="token-ruler" data-iat={t.iat}>
      <p className="tl-ruler-title">
        <strong>Life of {chosen.title}</strong> ({chosen.why}){s.broken ? ': to scale up to the break (//), compressed after it' : ''}
      </p>
      <svg width={width} height={height} role="img" aria-label={`Life of ${chosen.title}: ${marks.map((m) => m.name).join('; ')}; ${nowAt.label}`}>
        {rulerSpans(t, s).map((p) => (
          <rect key={p.tone} className={`tl-ruler-span ${p.tone}`} x={x(p.x0)} y={barY - 3} width={Math.max(1, p.x1 - p.x0)} height={6} />
        ))}
        {s.broken && (
          <g className="tl-ruler-break">
            <path d={`M${x(s.breakX) - 4} ${barY + 9} l4 -18 M${x(s.breakX) + 2} ${barY + 9} l4 -18`} />
          </g>
        )}
        {ticks.map((k) => (
          <g key={k.t} className="tl-ruler-tick" data-t={k.t}>
            <line x1={x(k.x)} x2={x(k.x)} y1={barY + 5} y2={barY + 10} />
            <text x={x(k.x)} y={tickY + font * 0.5} textAnchor={anchor(k.x, k.label)}>
              {k.label}
            </text>
            {k.date && (
              <text x={x(k.x)} y={tickY + font * 0.5 + line} textAnchor={anchor(k.x, k.date)}>
                {k.date}
              </text>
            )}
          </g>
        ))}
        {/* now: behind the marks, its label on its own row below the axis */}
        <line className="tl-ruler-now" data-t={now} x1={x(nowAt.x)} x2={x(nowAt.x)} y1={barY - 9} y2={nowY - font} />
        <text className="tl-ruler-now-label" x={nowLabelX} y={nowY} textAnchor="middle">
          {nowAt.label}
        </text>
        {marks.map((m) => {
          const ly = barY - 10 - m.row * line
          return (
            <g key={m.kind} className={`tl-ruler-mark ${m.kind}${m.future ? ' is-future' : ''}`} data-kind={m.kind} data-t={m.t}>
              <line x1={x(m.x)} x2={x(m.x)} y1={ly + 3} y2={barY - 5} />
              <circle cx={x(m.x)} cy={barY} r={5} />
              <text x={x(m.labelX)} y={ly}>
                {m.label}
              </text>
            </g>
          )
        })}
      </svg>
    </div>
  )
}
