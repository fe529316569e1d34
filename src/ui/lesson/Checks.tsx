// The step's checks, ticking as they come true. Before the student has tried the step (run a
// command in it, or asked for a check), a check that does not hold is only to do (○); after, it is
// not met yet (✗, amber: not an error) and says what it found, and what it expected where that
// says more than the check's name.

import type { LessonStepState } from '../../state/labPort'

export function Checks({ checks, tried }: { checks: LessonStepState['checks']; tried: boolean }) {
  if (checks.length === 0) return null
  return (
    <ul className="lesson-checks" aria-label="Checks">
      {checks.map((c) => {
        const state = c.ok ? 'ok' : tried ? 'no' : 'todo'
        return (
          <li key={c.name} className={`lesson-check ${state}`}>
            <span className="lesson-check-mark" aria-hidden="true">
              {MARK[state]}
            </span>
            <span className="sr-only">{SAID[state]}</span>
            <span className="lesson-check-name">{c.name}</span>
            {state === 'no' && (
              <span className="lesson-check-detail">
                {' '}
                {sameText(c.expected, c.name) ? '' : `Expected: ${c.expected}. `}Found: {c.found}.
              </span>
            )}
          </li>
        )
      })}
    </ul>
  )
}

/** Whether two sentences say the same, case and a final full stop aside. */
const sameText = (a: string, b: string) => a.trim().replace(/\.$/, '').toLowerCase() === b.trim().replace(/\.$/, '').toLowerCase()

const MARK = { ok: '✓', no: '✗', todo: '○' }
const SAID = { ok: 'Done: ', no: 'Not yet: ', todo: 'To do: ' }
