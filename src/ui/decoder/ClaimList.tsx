// The header fields and claims, one line each (key, its value, and what it means for this
// token); the general explanation and, for times, UTC, local time and the lab-clock distance
// open on demand (details/summary). Claims come in groups, in the order a student reads them.

import { useApp } from '../../state/store'
import type { ClaimRow } from '../../jwt/explain/describe'
import { groupClaims } from '../../jwt/explain/summary'
import { isoText, localText, relativeTo, utcText } from '../../jwt/explain/format'

function TimeDetails({ seconds, fromIat }: { seconds: number; fromIat?: string }) {
  const nowMs = useApp((s) => s.clock.labMs)
  const hasLab = useApp((s) => s.clock.started)
  const ms = seconds * 1000
  return (
    <dl className="dec-times">
      <dt>UTC</dt>
      <dd>
        <time dateTime={isoText(ms)}>{utcText(ms)}</time>
      </dd>
      <dt>Local</dt>
      <dd>{localText(ms)}</dd>
      <dt>Lab clock</dt>
      <dd data-testid="relative">{hasLab ? relativeTo(ms, nowMs) : 'the lab clock has not started'}</dd>
      {fromIat && (
        <>
          <dt>From iat</dt>
          <dd data-testid="from-iat">{fromIat}</dd>
        </>
      )}
    </dl>
  )
}

function Row({ row, idPrefix }: { row: ClaimRow; idPrefix: string }) {
  const id = `${idPrefix}-${row.path.replace(/[^A-Za-z0-9_-]/g, '_')}`
  return (
    <li className="dec-claim" aria-labelledby={id} data-claim={row.path}>
      <details>
        <summary>
          <span className="dec-claim-key" id={id}>
            <code>{row.path.startsWith('header.') ? row.key : row.path}</code>
          </span>{' '}
          <code className="dec-json" data-testid="claim-value">{row.json}</code>
          <span className="dec-specific"> {row.specific}</span>
        </summary>
        <div className="dec-claim-text">
          {row.title && <p className="dec-claim-title">{row.title}</p>}
          {row.time && <TimeDetails seconds={row.time.seconds} fromIat={row.time.fromIat} />}
          {row.generic && <p className="dec-generic">{row.generic}</p>}
        </div>
      </details>
    </li>
  )
}

export function ClaimList({ rows, label, idPrefix }: { rows: ClaimRow[]; label: string; idPrefix: string }) {
  if (rows.length === 0) return null
  return (
    <ul className="dec-claims" aria-label={label}>
      {rows.map((r) => (
        <Row key={r.path} row={r} idPrefix={idPrefix} />
      ))}
    </ul>
  )
}

/** The claims in groups: who, for whom, when, bound to and identity, then the rest. */
export function GroupedClaims({ rows, idPrefix }: { rows: ClaimRow[]; idPrefix: string }) {
  return groupClaims(rows).map((g) => (
    <section key={g.group} className="dec-group" aria-labelledby={`${idPrefix}-${g.group}`} data-group={g.group}>
      <h4 id={`${idPrefix}-${g.group}`}>{g.title}</h4>
      <ClaimList rows={g.rows} label={g.title} idPrefix={idPrefix} />
    </section>
  ))
}
