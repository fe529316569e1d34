// The list of lessons (each opens with `lab lesson ID`, typed in the terminal).

import type { LessonEntry } from '../../state/labPort'

interface Props {
  list: readonly LessonEntry[]
  current?: string
  disabled?: boolean
  onOpen(id: string): void
}

export function LessonList({ list, current, disabled, onOpen }: Props) {
  return (
    <nav aria-label="Lessons">
      <h3 className="lesson-h3">Lessons</h3>
      <ol className="lesson-list">
        {list.map((l) => (
          <li key={l.id}>
            <button type="button" className="lesson-open" disabled={disabled} aria-current={l.id === current ? 'true' : undefined} onClick={() => onOpen(l.id)}>
              {l.title}
            </button>
            <span className="lesson-summary">
              {l.summary} ({l.steps} steps; <code>{l.id}</code>)
            </span>
          </li>
        ))}
      </ol>
    </nav>
  )
}
