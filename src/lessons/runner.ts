// The lesson runner: where the student is (lesson, step, hints shown, solution commands run,
// the latest check results), as plain JSON, and the pure moves between those states.

import type { Lesson, LessonView, Step } from './types'

export interface CheckReport {
  name: string
  ok: boolean
  expected: string
  found: string
}

export interface LessonProgress {
  lesson: string
  /** Index of the current step, from 0. */
  step: number
  /** Hints revealed at this step. */
  hints: number
  /** How many of the step's solution commands have run (typed, clicked or by `lab solution`). */
  ran: number
  /** The latest evaluation of the step's checks. */
  checks: { name: string; ok: boolean }[]
  /**
   * The student has tried this step: run a command in it (other than moving between lessons and
   * steps or asking for a hint), or asked for a check. Until then a check that does not hold is
   * only to do, not failed.
   */
  tried?: true
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: string }
const fail = <T>(error: string): Outcome<T> => ({ ok: false, error })
const done = <T>(value: T): Outcome<T> => ({ ok: true, value })

export function findLesson(lessons: readonly Lesson[], id: string): Outcome<Lesson> {
  const l = lessons.find((x) => x.id === id)
  return l ? done(l) : fail(`no lesson "${id}"; the lessons are: ${lessons.map((x) => x.id).join(', ')}`)
}

/** Progress at the start of step `step` (from 1; the first step when absent). */
export function openLesson(lessons: readonly Lesson[], id: string, step?: number): Outcome<LessonProgress> {
  const found = findLesson(lessons, id)
  if (!found.ok) return found
  const n = found.value.steps.length
  if (step !== undefined && (!Number.isInteger(step) || step < 1 || step > n)) {
    return fail(`lesson ${id} has no step ${step}; its steps are 1 to ${n}`)
  }
  return done(atStep(id, (step ?? 1) - 1))
}

const atStep = (lesson: string, step: number): LessonProgress => ({ lesson, step, hints: 0, ran: 0, checks: [] })

export function currentStep(lessons: readonly Lesson[], p: LessonProgress): { lesson: Lesson; step: Step } | undefined {
  const lesson = lessons.find((l) => l.id === p.lesson)
  const step = lesson?.steps[p.step]
  return lesson && step ? { lesson, step } : undefined
}

/** The next (+1) or previous (-1) step. */
export function move(lessons: readonly Lesson[], p: LessonProgress, delta: 1 | -1): Outcome<LessonProgress> {
  const cur = currentStep(lessons, p)
  if (!cur) return fail(`lesson ${p.lesson} is not known`)
  const to = p.step + delta
  if (to < 0) return fail(`this is the first step of ${p.lesson}`)
  if (to >= cur.lesson.steps.length) return fail(`this is the last step of ${p.lesson}; \`lab lessons\` lists the others`)
  return done(atStep(p.lesson, to))
}

/** Reveal the next hint; when all are shown, says so. */
export function revealHint(step: Step, p: LessonProgress): Outcome<{ progress: LessonProgress; hint: string; n: number }> {
  if (step.hints.length === 0) return fail('this step has no hints')
  if (p.hints >= step.hints.length) return fail(`all ${step.hints.length} hints of this step are shown; \`lab solution\` runs its commands`)
  return done({ progress: { ...p, hints: p.hints + 1 }, hint: step.hints[p.hints], n: p.hints + 1 })
}

/** The solution commands not run yet. */
export function remainingSolution(step: Step, p: LessonProgress): string[] {
  return step.solution.slice(Math.min(p.ran, step.solution.length))
}

const norm = (line: string) => line.trim().replace(/\s+/g, ' ')

/** A command ran in the lab: when it is the step's next solution command, count it as run. */
export function noteCommand(step: Step, p: LessonProgress, line: string): LessonProgress {
  const next = step.solution[p.ran]
  const q = next !== undefined && norm(next) === norm(line) ? { ...p, ran: p.ran + 1 } : p
  return q.tried || NOT_A_TRY.test(line) ? q : { ...q, tried: true }
}

/** Lines that do not try the step: moving between lessons and steps, asking for a hint, nothing. */
const NOT_A_TRY = /^\s*(?:lab\s+(?:lessons?|next|back|hint)(?:\s.*)?)?$/

export function evaluate(step: Step, view: LessonView): CheckReport[] {
  return (step.task?.checks ?? []).map((c) => {
    try {
      return { name: c.name, ...c.run(view) }
    } catch (e) {
      return { name: c.name, ok: false, expected: c.name, found: `the check failed: ${e instanceof Error ? e.message : String(e)}` }
    }
  })
}

export const withChecks = (p: LessonProgress, reports: CheckReport[]): LessonProgress => ({ ...p, checks: reports.map(({ name, ok }) => ({ name, ok })) })

/** Check that a stored progress (untrusted) fits the known lessons; throws with a clear message. */
export function assertProgress(x: unknown, lessons: readonly Lesson[]): asserts x is LessonProgress {
  const o = x as Partial<LessonProgress> | null
  if (typeof o !== 'object' || o === null) throw new Error('the saved lesson progress is not an object')
  if (typeof o.lesson !== 'string') throw new Error('the saved lesson progress names no lesson')
  const lesson = lessons.find((l) => l.id === o.lesson)
  if (!lesson) throw new Error(`the saved lesson progress names an unknown lesson "${o.lesson.slice(0, 64)}"`)
  const int = (v: unknown, max: number) => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max
  if (!int(o.step, lesson.steps.length - 1)) throw new Error(`the saved lesson progress has an invalid step for lesson ${lesson.id}`)
  const step = lesson.steps[o.step as number]
  if (!int(o.hints, step.hints.length) || !int(o.ran, step.solution.length)) throw new Error('the saved lesson progress has invalid hint or command counts')
  if (!Array.isArray(o.checks) || !o.checks.every((c: unknown) => typeof c === 'object' && c !== null && typeof (c as { name?: unknown }).name === 'string' && typeof (c as { ok?: unknown }).ok === 'boolean')) {
    throw new Error('the saved lesson progress has invalid check results')
  }
  if (o.tried !== undefined && o.tried !== true) throw new Error('the saved lesson progress has an invalid tried mark')
}
