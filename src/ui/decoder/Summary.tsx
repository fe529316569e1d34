// The decoder's summary, on top and always in view: the verdict in a sentence, who the token
// is, what it is bound to (and whether that still exists), and its times against the lab clock.
// The verdict sits in a status region, so that a change (valid -> stale -> rejected) is
// announced; a change also flashes the summary for the eye.

import { useEffect, useRef, useState } from 'react'
import type { TokenSummary } from '../../jwt/explain/summary'
import type { Badge } from '../../jwt/explain/verdict'

const SYMBOL = { ok: '✓', warn: '!', bad: '✗' } as const

export function Summary({ summary, badge, checking, label }: { summary: TokenSummary; badge?: Badge; checking: boolean; label: string }) {
  const [changed, setChanged] = useState(false)
  const last = useRef(badge?.key)
  useEffect(() => {
    if (badge?.key === last.current) return
    const had = last.current !== undefined
    last.current = badge?.key
    if (!had) return
    setChanged(true)
    const t = setTimeout(() => setChanged(false), 2500)
    return () => clearTimeout(t)
  }, [badge?.key])
  return (
    <div className={`dec-summary${changed ? ' dec-changed' : ''}`} data-testid="decoder-summary" data-tone={badge?.tone ?? 'none'}>
      <p className="dec-verdict" role="status" aria-label={label} aria-live="polite" aria-atomic="true" data-testid="verdict-sentence">
        {badge && (
          <span className={`dec-badge dec-tone-${badge.tone}`} data-verdict={badge.key} data-testid="verdict-badge">
            <span aria-hidden="true">{SYMBOL[badge.tone]} </span>
            {badge.label}
          </span>
        )}{' '}
        <span className="dec-reason" data-testid="verdict-reason">
          {badge ? badge.reason : summary.sentence}
        </span>
        {checking && badge && <span className="dec-dim"> (checking again…)</span>}
      </p>
      <dl className="dec-facts">
        {summary.who && (
          <div>
            <dt>Speaks for</dt>
            <dd data-testid="summary-who">{summary.who}</dd>
          </div>
        )}
        {summary.bound && (
          <div>
            <dt>Bound to</dt>
            <dd data-testid="summary-bound" data-state={summary.boundState}>
              {summary.bound}
              {summary.boundNote && <span className={`dec-bound-${summary.boundState}`}> ({summary.boundNote})</span>}
            </dd>
          </div>
        )}
        {summary.times.map((t) => (
          <div key={t.name} className="dec-fact-time" data-past={t.past ? 'true' : 'false'} data-testid={`summary-${t.name}`}>
            <dt>{t.label}</dt>
            <dd>
              {t.relative}
              {t.fromIssue && <span className="dec-dim"> ({t.fromIssue})</span>}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  )
}
