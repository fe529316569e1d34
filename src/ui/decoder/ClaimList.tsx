// The header fields and claims, one row each: the JSON value on one side, on the other what it
// means for this token and (smaller) what the field means in general; time claims as UTC,
// local time and relative to the lab clock, which moves them along as it advances.

import { useApp } from '../../state/store'
import type { ClaimRow } from '../../jwt/explain/describe'
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
    <li className={`dec-claim dec-depth-${row.depth}`} aria-labelledby={id} data-claim={row.path}>
      <div className="dec-claim-value">
        <span className="dec-claim-key" id={id}>
          <code>{row.key}</code>
          {row.title && <span className="dec-claim-title"> {row.title}</span>}
        </span>
        <code className="dec-json" data-testid="claim-value">{row.json}</code>
      </div>
      <div className="dec-claim-text">
        <p className="dec-specific">{row.specific}</p>
        {row.time && <TimeDetails seconds={row.time.seconds} fromIat={row.time.fromIat} />}
        {row.generic && <p className="dec-generic">{row.generic}</p>}
      </div>
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
