// Two tokens side by side, claim by claim: rows that differ are highlighted and marked in words
// ("differs"), so the difference does not rest on colour alone.

import { useMemo } from 'react'
import { changedPaths, diffTokens, statusWords, type DiffRow } from '../../jwt/explain/diff'
import { MAX_TOKEN_CHARS } from '../../jwt/text'
import { useInspection } from './useInspection'
import { VerdictBadge } from './VerdictBadge'
import './compare.css'

function Cell({ value, time }: { value?: string; time?: string }) {
  if (value === undefined) return <td className="dec-dim">(absent)</td>
  return (
    <td>
      <code>{value}</code>
      {time && <span className="dec-cell-time">{time}</span>}
    </td>
  )
}

function Row({ r }: { r: DiffRow }) {
  const differs = r.status !== 'same'
  return (
    <tr className={differs ? 'dec-diff-row dec-differs' : 'dec-diff-row'} data-path={r.path} data-status={r.status}>
      <th scope="row">
        <code>{r.path}</code>
        {differs && <span className="dec-diff-mark"> ≠ {statusWords(r.status)}</span>}
      </th>
      <Cell value={r.a} time={r.aTime} />
      <Cell value={r.b} time={r.bTime} />
    </tr>
  )
}

export function CompareView({ a, b }: { a: string; b: string }) {
  const tooLong = a.length > MAX_TOKEN_CHARS || b.length > MAX_TOKEN_CHARS
  const rows = useMemo(() => (tooLong ? [] : diffTokens(a, b)), [a, b, tooLong])
  const changed = changedPaths(rows)
  const stateA = useInspection(a)
  const stateB = useInspection(b)
  return (
    <section className="dec-compare" aria-labelledby="dec-compare-title">
      <h3 id="dec-compare-title">Comparing token A (pinned) with token B (shown)</h3>
      <div className="dec-compare-verdicts">
        <div>
          <span className="dec-compare-label">A</span>
          <VerdictBadge state={stateA} label="Verdict on token A" />
        </div>
        <div>
          <span className="dec-compare-label">B</span>
          <VerdictBadge state={stateB} label="Verdict on token B" />
        </div>
      </div>
      <p data-testid="diff-summary">
        {tooLong ? 'One of the two is far too long to be a token; it is not compared.' : changed.length === 0 ? 'The two tokens are identical.' : `${changed.length} of ${rows.length} fields differ: ${changed.join(', ')}.`}
      </p>
      <div className="dec-table-wrap">
        <table className="dec-diff">
          <caption className="sr-only">Header fields and claims of token A and token B; rows that differ are marked “differs”.</caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Token A (pinned)</th>
              <th scope="col">Token B (shown)</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <Row key={r.path} r={r} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}
