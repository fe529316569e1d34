// The step's checks, ticking as they come true: ✓ or ✗, and for a check that does not hold yet
// what it expected and what it found.

import type { LessonStepState } from '../../state/labPort'

export function Checks({ checks }: { checks: LessonStepState['checks'] }) {
  if (checks.length === 0) return null
  return (
    <ul className="lesson-checks" aria-label="Checks">
      {checks.map((c) => (
        <li key={c.name} className={c.ok ? 'lesson-check ok' : 'lesson-check no'}>
          <span className="lesson-check-mark" aria-hidden="true">
            {c.ok ? '✓' : '✗'}
          </span>
          <span className="sr-only">{c.ok ? 'Done: ' : 'Not yet: '}</span>
          <span className="lesson-check-name">{c.name}</span>
          {!c.ok && (
            <span className="lesson-check-detail">
              {' '}
              Expected: {c.expected}. Found: {c.found}.
            </span>
          )}
        </li>
      ))}
    </ul>
  )
}
