import { describe, expect, it } from 'vitest'
import { assertProgress, evaluate, move, noteCommand, openLesson, remainingSolution, revealHint, type LessonProgress } from './runner'
import type { Lesson, LessonView } from './types'

const lesson: Lesson = {
  id: 'demo',
  title: 'Demo',
  summary: 'A lesson for tests.',
  start: [],
  steps: [
    { title: 'One', text: 'x', hints: ['h1', 'h2'], solution: ['echo a', 'echo  b'], task: { goal: 'g', checks: [{ name: 'never', run: () => ({ ok: false, expected: 'e', found: 'f' }) }, { name: 'boom', run: () => { throw new Error('bad view') } }] } },
    { title: 'Two', text: 'y', hints: [], solution: [] },
  ],
}
const LESSONS = [lesson]

describe('the lesson runner', () => {
  it('opens at step 1 or a given step, and refuses unknown ones naming what exists', () => {
    expect(openLesson(LESSONS, 'demo')).toEqual({ ok: true, value: { lesson: 'demo', step: 0, hints: 0, ran: 0, checks: [] } })
    expect(openLesson(LESSONS, 'demo', 2)).toMatchObject({ ok: true, value: { step: 1 } })
    expect(openLesson(LESSONS, 'demo', 3)).toEqual({ ok: false, error: 'lesson demo has no step 3; its steps are 1 to 2' })
    expect(openLesson(LESSONS, 'other')).toEqual({ ok: false, error: 'no lesson "other"; the lessons are: demo' })
  })

  it('moves between steps within the lesson, resetting hints and commands', () => {
    const p: LessonProgress = { lesson: 'demo', step: 0, hints: 2, ran: 1, checks: [] }
    expect(move(LESSONS, p, -1)).toEqual({ ok: false, error: 'this is the first step of demo' })
    const next = move(LESSONS, p, 1)
    expect(next).toEqual({ ok: true, value: { lesson: 'demo', step: 1, hints: 0, ran: 0, checks: [] } })
    if (next.ok) expect(move(LESSONS, next.value, 1)).toEqual({ ok: false, error: 'this is the last step of demo; `lab lessons` lists the others' })
  })

  it('reveals hints one at a time', () => {
    let p: LessonProgress = { lesson: 'demo', step: 0, hints: 0, ran: 0, checks: [] }
    const h1 = revealHint(lesson.steps[0], p)
    expect(h1).toMatchObject({ ok: true, value: { hint: 'h1', n: 1 } })
    if (h1.ok) p = h1.value.progress
    const h2 = revealHint(lesson.steps[0], p)
    expect(h2).toMatchObject({ ok: true, value: { hint: 'h2', n: 2 } })
    if (h2.ok) p = h2.value.progress
    expect(revealHint(lesson.steps[0], p)).toEqual({ ok: false, error: 'all 2 hints of this step are shown; `lab solution` runs its commands' })
  })

  it('counts solution commands as they run, in order, whitespace aside', () => {
    let p: LessonProgress = { lesson: 'demo', step: 0, hints: 0, ran: 0, checks: [] }
    p = noteCommand(lesson.steps[0], p, 'echo b')
    expect(remainingSolution(lesson.steps[0], p)).toEqual(['echo a', 'echo  b'])
    p = noteCommand(lesson.steps[0], p, '  echo a ')
    p = noteCommand(lesson.steps[0], p, 'echo b')
    expect(remainingSolution(lesson.steps[0], p)).toEqual([])
  })

  it('the step is tried once a command runs in it or a check is asked for; moving, a hint or a blank line is no try', () => {
    const fresh: LessonProgress = { lesson: 'demo', step: 0, hints: 0, ran: 0, checks: [] }
    for (const line of ['lab lesson demo', 'lab lessons', '  lab next', 'lab back', 'lab hint', '', '   '])
      expect(noteCommand(lesson.steps[0], fresh, line).tried, line).toBeUndefined()
    for (const line of ['lab check', 'kubectl get pods', 'echo a', 'lab advance 1h', 'lab solution', 'lab hints'])
      expect(noteCommand(lesson.steps[0], fresh, line).tried, line).toBe(true)
    // a solution command counts, and tries
    expect(noteCommand(lesson.steps[0], fresh, 'echo a')).toEqual({ ...fresh, ran: 1, tried: true })
    // the next step starts untried
    const moved = move(LESSONS, { ...fresh, tried: true }, 1)
    expect(moved.ok && moved.value.tried).toBeFalsy()
  })

  it('a check that throws reports it instead of breaking the step', () => {
    expect(evaluate(lesson.steps[0], {} as LessonView)).toEqual([
      { name: 'never', ok: false, expected: 'e', found: 'f' },
      { name: 'boom', ok: false, expected: 'boom', found: 'the check failed: bad view' },
    ])
  })

  it('validates stored progress', () => {
    const good = { lesson: 'demo', step: 0, hints: 2, ran: 2, checks: [{ name: 'never', ok: false }] }
    expect(() => assertProgress(good, LESSONS)).not.toThrow()
    expect(() => assertProgress(null, LESSONS)).toThrow('the saved lesson progress is not an object')
    expect(() => assertProgress({ ...good, lesson: 'x' }, LESSONS)).toThrow('the saved lesson progress names an unknown lesson "x"')
    expect(() => assertProgress({ ...good, step: 1.5 }, LESSONS)).toThrow('the saved lesson progress has an invalid step for lesson demo')
    expect(() => assertProgress({ ...good, hints: 3 }, LESSONS)).toThrow('the saved lesson progress has invalid hint or command counts')
    expect(() => assertProgress({ ...good, checks: [{ name: 1 }] }, LESSONS)).toThrow('the saved lesson progress has invalid check results')
    expect(() => assertProgress({ ...good, tried: true }, LESSONS)).not.toThrow()
    expect(() => assertProgress({ ...good, tried: 'yes' }, LESSONS)).toThrow('the saved lesson progress has an invalid tried mark')
  })
})
