// The verdict: a badge (word + symbol + colour) and its reason, in a status region so that a
// change (valid -> stale -> rejected) is announced.

import type { InspectionState } from './useInspection'
import { verdictBadge } from '../../jwt/explain/verdict'

const SYMBOL = { ok: '✓', warn: '!', bad: '✗' } as const

export function VerdictBadge({ state, label }: { state: InspectionState; label: string }) {
  const { inspection, error, checking } = state
  const b = inspection ? verdictBadge(inspection) : undefined
  return (
    <div className="dec-verdict" role="status" aria-label={label} aria-live="polite" aria-atomic="true">
      {b ? (
        <>
          <span className={`dec-badge dec-tone-${b.tone}`} data-verdict={b.key} data-testid="verdict-badge">
            <span aria-hidden="true">{SYMBOL[b.tone]} </span>
            {b.label}
          </span>{' '}
          <span className="dec-reason" data-testid="verdict-reason">{b.reason}</span>
          {checking && <span className="dec-dim"> (checking again…)</span>}
        </>
      ) : error ? (
        <span className="dec-reason">The lab could not check this token: {error}</span>
      ) : (
        <span className="dec-dim">{checking ? 'Asking the cluster…' : 'The cluster has not started yet; the token is decoded below.'}</span>
      )}
    </div>
  )
}
