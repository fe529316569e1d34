// The token's three parts, each in its own colour and border style and labelled in words, so
// they can be told apart without colour.

import type { DecodedJwt } from '../../jwt/decode'

const NAMES = ['Header', 'Payload', 'Signature'] as const

export function Segments({ decoded }: { decoded: DecodedJwt }) {
  const segs = decoded.segments
  if (segs.length === 0) return null
  return (
    <ol className="dec-segments" aria-label="The token's parts">
      {segs.map((s, i) => {
        const name = NAMES[i] ?? `Extra part ${i - 2}`
        return (
          <li key={i} className={`dec-seg dec-seg-${i < 3 ? i : 'x'}`}>
            <span className="dec-seg-name">
              {name} <span className="dec-dim">({s.length} chars)</span>
            </span>
            <code className="dec-seg-text">{s === '' ? '(empty)' : s}</code>
          </li>
        )
      })}
    </ol>
  )
}
