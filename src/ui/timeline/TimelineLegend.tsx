// What the marks mean: each kind has its own letter or symbol and shape, so colour is not needed.

const ITEMS: [string, string, string][] = [
  ['lc-created', 'C S P R', 'pod created, scheduled, image pulled, started (running)'],
  ['lc-deleted', 'D ✕', 'deletion requested, pod gone'],
  ['iat', 'I', 'iat: the token was issued'],
  ['refreshPoint', '↻', 'kubelet refresh (at 80% of 3607 s, about 48 min, minus up to 9 s)'],
  ['warnafter', 'W', 'warnafter (iat + 3607 s): the API server flags the token as stale'],
  ['exp', 'E', 'exp (iat + 1 year): the token stops authenticating'],
  ['req-allowed', '✓', 'request allowed (round)'],
  ['req-forbidden', '!', '403 Forbidden: authenticated, not authorized (square)'],
  ['req-unauthorized', '✕', '401 Unauthorized: the token was refused (diamond)'],
  ['cluster', '3', 'several marks close together: activate to zoom in'],
]

export function TimelineLegend() {
  return (
    <details className="tl-legend" open>
      <summary>Legend</summary>
      <ul>
        {ITEMS.map(([tone, glyph, text]) => (
          <li key={tone}>
            <span className={`tl-mark ${tone}`} aria-hidden="true">
              {glyph}
            </span>
            {text}
          </li>
        ))}
        <li>
          <span className="tl-bar-sample" aria-hidden="true" />
          Bars: blue valid, striped amber stale (past warnafter), dashed red invalid (pod gone).
        </li>
      </ul>
    </details>
  )
}
