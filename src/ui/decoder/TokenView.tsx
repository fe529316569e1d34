// One token, decoded: the verdict, the signature check and the API server's answer, what is
// wrong with it (if anything), its three parts, the header and the claims with explanations.

import { useMemo } from 'react'
import { useLab } from '../../state/store'
import { ClaimList } from './ClaimList'
import { claimRows, headerRows } from '../../jwt/explain/describe'
import { Segments } from './Segments'
import { useInspection } from './useInspection'
import { VerdictBadge } from './VerdictBadge'
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
  // The published keys, as the lab's last update told them (a key may have been rotated).
  const kids = useMemo(() => (started ? [...allKids] : undefined), [started, allKids])
  const d = state.decoded
  const hRows = useMemo(() => (d ? headerRows(d.header, d.payload, { kids }) : []), [d, kids])
  const cRows = useMemo(() => (d ? claimRows(d.payload, { kids }) : []), [d, kids])

  if (state.tooLong) {
    return (
      <p className="dec-refused" role="alert">
        Not decoded: this text is {token.length.toLocaleString('en-US')} characters long, far more than a token (the decoder takes at most{' '}
        {MAX_TOKEN_CHARS.toLocaleString('en-US')}).
      </p>
    )
  }
  if (!d) return null
  return (
    <article className="dec-token" aria-labelledby={`${idPrefix}-title`}>
      <h3 id={`${idPrefix}-title`} className="dec-token-title">{title}</h3>
      {showVerdict && <VerdictBadge state={state} label={`Verdict on ${title.toLowerCase()}`} />}
      <Checks state={state} />
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
      <Segments decoded={d} />
      <h4>Header</h4>
      {d.header !== undefined ? <pre className="dec-pre dec-seg-0-text">{pretty(d.header)}</pre> : <p className="dec-dim">The header could not be decoded.</p>}
      <ClaimList rows={hRows} label="Header fields" idPrefix={`${idPrefix}-h`} />
      <h4>Claims</h4>
      {d.payload === undefined ? (
        <p className="dec-dim">The payload could not be decoded.</p>
      ) : cRows.length === 0 ? (
        <pre className="dec-pre dec-seg-1-text">{pretty(d.payload)}</pre>
      ) : (
        <>
          <ClaimList rows={cRows} label="Claims" idPrefix={`${idPrefix}-c`} />
          <details className="dec-details">
            <summary>All claims as JSON</summary>
            <pre className="dec-pre dec-seg-1-text">{pretty(d.payload)}</pre>
          </details>
        </>
      )}
    </article>
  )
}
