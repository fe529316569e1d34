// "Why this answer": the latest request (or the one picked in the timeline) on its way through
// the API server — authentication, authorization, admission — with each stage's verdict and
// reason, read from the audit record. An ordered list of steps, drawn as a small flow.

import { useId, useMemo } from 'react'
import './why.css'
import type { AuditEntry } from '../../state/labPort'
import { selection, useLab, useSelection } from '../../state/store'
import { shownRequest } from '../../state/slices/selection'
import { isComponentRequest } from '../../cluster/audit/audit'
import { formatLabTime } from '../layout/LabClock'
import { explainRequest, statusText, type Verdict } from '../../cluster/audit/explain'

const MARK: Record<Verdict, string> = {
  allowed: '✓',
  refused: '✗',
  'not reached': '–',
  'not applicable': '–',
  'not recorded': '?',
}

/** The whole path on one line, at a glance (the list below says the same in full). */
function Flow({ entry }: { entry: AuditEntry }) {
  const stages = explainRequest(entry)
  return (
    <p className="why-flow" aria-hidden="true">
      {stages.map((s) => (
        <span key={s.id} className="why-flow-stage" data-verdict={s.verdict}>
          {MARK[s.verdict]} {s.title}
          <span className="why-flow-arrow"> → </span>
        </span>
      ))}
      <span className="why-flow-stage" data-verdict={entry.code < 400 ? 'allowed' : 'refused'}>
        {statusText(entry.code)}
      </span>
    </p>
  )
}

function Steps({ entry }: { entry: AuditEntry }) {
  const stages = explainRequest(entry)
  return (
    <ol className="why-steps" aria-label="The request's path through the API server">
      {stages.map((s) => (
        <li key={s.id} className="why-step" data-stage={s.id} data-verdict={s.verdict}>
          <p className="why-step-head">
            <span className="why-mark" aria-hidden="true">
              {MARK[s.verdict]}
            </span>{' '}
            <span className="why-stage">{s.title}</span>: <strong className="why-verdict">{s.verdict}</strong>
          </p>
          <p className="why-summary">{s.summary}</p>
          {s.details.length > 0 && (
            <ul className="why-details">
              {s.details.map((d, i) => (
                <li key={i}>{d}</li>
              ))}
            </ul>
          )}
        </li>
      ))}
      <li className="why-step why-response" data-stage="response" data-verdict={entry.code < 400 ? 'allowed' : 'refused'}>
        <p className="why-step-head">
          <span className="why-stage">Response</span>: <strong className="why-verdict">HTTP {statusText(entry.code)}</strong>
        </p>
        {entry.code >= 400 && entry.responseStatus?.message && !stages.some((s) => s.verdict === 'refused') && (
          <p className="why-summary">{entry.responseStatus.message}</p>
        )}
      </li>
    </ol>
  )
}

/** The index of the newest request a person made (not a kubelet or controller), or -1 when none has. */
function newestPersonRequest(audit: readonly AuditEntry[]): number {
  for (let i = audit.length - 1; i >= 0; i--) if (!isComponentRequest(audit[i])) return i
  return -1
}

export function WhyPanel() {
  const started = useLab((s) => s.client !== undefined)
  const audit = useLab((s) => s.audit)
  const picked = useSelection((s) => s.requestIndex)
  const seen = useSelection((s) => s.requestSeen)
  const pinned = useSelection((s) => s.requestPinned === true)
  const titleId = useId()
  // A picked request gives way to a newer one, unless it is pinned.
  // Following the newest request means the newest a person made: the kubelets' and controllers'
  // own requests (lab audit --all) are there to be picked on the timeline, not to push a student's away.
  const newest = useMemo(() => newestPersonRequest(audit), [audit])
  const shown = shownRequest({ requestIndex: picked, requestSeen: seen, requestPinned: pinned }, audit.length)
  const index = shown === audit.length - 1 && (picked === undefined || picked !== shown) ? newest : shown
  const entry = index >= 0 ? audit[index] : undefined
  const latest = index === newest
  const go = (i: number | undefined) => selection.getState().selectRequest(i, audit.length)

  return (
    <section className="why" aria-labelledby={titleId} data-testid="why-panel">
      <div className="why-bar">
        <h2 id={titleId} className="panel-title">
          Why this answer
        </h2>
        {entry && (
          <nav className="why-nav" aria-label="Requests">
            <button type="button" disabled={index <= 0} onClick={() => go(index - 1)}>
              ← Earlier
            </button>
            <button type="button" disabled={latest} onClick={() => go(index + 1)}>
              Later →
            </button>
            <button type="button" disabled={latest && picked === undefined} onClick={() => go(undefined)}>
              Latest
            </button>
            <button
              type="button"
              aria-pressed={pinned}
              title={pinned ? 'Follow the newest request again' : 'Keep explaining this request when newer ones arrive'}
              onClick={() => selection.getState().pinRequest(pinned ? undefined : index)}
              data-testid="why-pin"
            >
              {pinned ? 'Pinned' : 'Pin'}
            </button>
          </nav>
        )}
      </div>
      {!entry ? (
        <p className="why-empty">
          {started ? 'No request yet. Run a kubectl or curl command to see how the API server decided.' : 'Starting the lab…'}
        </p>
      ) : (
        <>
          <p className="why-request">
            <span className="why-which">
              {latest && !pinned ? 'Latest request' : `Request ${index + 1} of ${audit.length}`}
              {pinned && <span className="why-pinned" data-testid="why-pinned"> (pinned: newer requests are not shown until you unpin)</span>}
            </span>{' '}
            <code>
              {entry.method} {entry.requestURI.split('?')[0]}
            </code>{' '}
            from {entry.source} at {formatLabTime(entry.at)} → <strong>{statusText(entry.code)}</strong>
            {entry.lessonSetup && (
              <span className="why-setup" data-testid="why-setup">
                {' '}
                (the lesson's set-up made this request, not a command you typed)
              </span>
            )}
          </p>
          <Flow entry={entry} />
          <Steps entry={entry} />
        </>
      )}
    </section>
  )
}

export default WhyPanel
