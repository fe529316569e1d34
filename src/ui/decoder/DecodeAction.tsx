// The terminal's "Decode" action next to a line holding a JWT: a real button (keyboard-reachable,
// named for assistive technology) whose visible word comes from CSS generated content, so the
// line's text, as selected, copied or read by tests, is exactly what the command printed.

import { selection } from '../../state/store'
import { findJwts } from '../../jwt/text'
import './decodeAction.css'

/** The JWTs in a terminal line's text, for the Decode actions. */
export function lineJwts(texts: readonly string[]): string[] {
  const out: string[] = []
  for (const t of texts) for (const j of findJwts(t)) if (!out.includes(j)) out.push(j)
  return out
}

export function DecodeActions({ jwts }: { jwts: readonly string[] }) {
  return jwts.map((jwt, n) => (
    <button
      key={n}
      type="button"
      className="t-decode"
      aria-label={jwts.length > 1 ? `Decode token ${n + 1} of this line` : 'Decode token'}
      title="Show this token in the token decoder"
      onClick={() => {
        selection.getState().selectToken(jwt)
        document.getElementById('token-decoder')?.scrollIntoView?.({ block: 'nearest' })
      }}
    />
  ))
}
