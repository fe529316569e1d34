// One token, decoded: first the summary (verdict, who, bound to, times; kept in view), then
// what is wrong with it (if anything), the claims in the order a student reads them, one line
// each with the explanation on demand, then the checks, the header and the raw parts.

import { useMemo } from 'react'
import { useApp, useLab } from '../../state/store'
import { GroupedClaims, ClaimList } from './ClaimList'
import { claimRows, headerRows } from '../../jwt/explain/describe'
import { summarize } from '../../jwt/explain/summary'
import { verdictBadge } from '../../jwt/explain/verdict'
import { Segments } from './Segments'
import { useInspection } from './useInspection'
import { Summary } from './Summary'
import { MAX_TOKEN_CHARS } from '../../jwt/text'

const pretty = (v: unknown) => {
  try {
    return JSON.stringify(v, null, 2)
  } catch {
    return String(v)
  }
}

function Checks({ state }: { state: ReturnType<typeof useInspection> }) {
  const i = state.inspection
  if (!i || i.verdict === 'malformed') return null
  return (
    <ul className="dec-checks" aria-label="Checks">
      <li>
        <strong>Signature:</strong>{' '}
        {i.signature.ok ? 'verified with a key the cluster publishes (/openid/v1/jwks).' : `not verified: ${i.signature.reason ?? 'unknown reason'}.`}
      </li>
      <li>
        <strong>API server, now:</strong>{' '}
        {i.server.ok ? `would authenticate it as ${i.server.username ?? 'its subject'}.` : `would answer 401 Unauthorized${i.server.error ? ` (${i.server.error})` : ''}.`}
      </li>
    </ul>
  )
}

interface Props {
  token: string
  idPrefix: string
  title: string
  /** False when the comparison above already shows this token's verdict. */
  showVerdict?: boolean
}

export function TokenView({ token, idPrefix, title, showVerdict = true }: Props) {
  const state = useInspection(token)
  const started = useLab((s) => s.client !== undefined)
  const allKids = useLab((s) => s.kids)
  const facts = useLab((s) => s.facts)
  const nowMs = useApp((s) => (s.clock.started ? s.clock.labMs : undefined))
  // The published keys, as the lab's last update told them (a key may have been rotated).
  const kids = useMemo(() => (started ? [...allKids] : undefined), [started, allKids])
  const d = state.decoded
  const hRows = useMemo(() => (d ? headerRows(d.header, d.payload, { kids }) : []), [d, kids])
  const cRows = useMemo(() => (d ? claimRows(d.payload, { kids }) : []), [d, kids])
  const badge = useMemo(() => (state.inspection ? verdictBadge(state.inspection) : undefined), [state.inspection])
  const summary = useMemo(
    () => (d ? summarize({ payload: d.payload, badge, nowMs, facts: started ? facts : undefined }) : undefined),
    [d, badge, nowMs, facts, started],
  )

  if (state.tooLong) {
    return (
      <p className="dec-refused" role="alert">
        Not decoded: this text is {token.length.toLocaleString('en-US')} characters long, far more than a token (the decoder takes at most{' '}
        {MAX_TOKEN_CHARS.toLocaleString('en-US')}).
      </p>
    )
  }
  if (!d || !summary) return null
  return (
    <article className="dec-token" aria-labelledby={`${idPrefix}-title`}>
      <h3 id={`${idPrefix}-title`} className="dec-token-title sr-only">{title}</h3>
      {showVerdict && <Summary summary={summary} badge={badge} checking={state.checking} label={`Verdict on ${title.toLowerCase()}`} />}
      {state.error && <p className="dec-reason">The lab could not check this token: {state.error}</p>}
      {d.problems.length > 0 && (
        <div className="dec-problems">
          <h4>What is wrong with it</h4>
          <ul>
            {d.problems.map((p, n) => (
              <li key={n}>{p.charAt(0).toUpperCase() + p.slice(1)}.</li>
            ))}
          </ul>
        </div>
      )}
      {d.payload === undefined ? (
        <p className="dec-dim">The payload could not be decoded.</p>
      ) : cRows.length === 0 ? (
        <pre className="dec-pre dec-seg-1-text">{pretty(d.payload)}</pre>
      ) : (
        <div aria-label="Claims" role="group" className="dec-claim-groups">
          <GroupedClaims rows={cRows} idPrefix={`${idPrefix}-c`} />
        </div>
      )}
      <Checks state={state} />
      <h4>Header</h4>
      <ClaimList rows={hRows} label="Header fields" idPrefix={`${idPrefix}-h`} />
      <h4>Raw parts</h4>
      <Segments decoded={d} />
      <details className="dec-details">
        <summary>Header and claims as JSON</summary>
        {d.header !== undefined && <pre className="dec-pre dec-seg-0-text">{pretty(d.header)}</pre>}
        {d.payload !== undefined && <pre className="dec-pre dec-seg-1-text">{pretty(d.payload)}</pre>}
      </details>
    </article>
  )
}
