// The lessons inside a lab: the student's progress, the `lab lesson...` services, and what
// window.lab.lessons() / lesson() report. Progress is plain JSON saved with the lab.

import { LESSONS } from '../lessons'
import type { Lesson, LessonView } from '../lessons/types'
import { assertProgress, currentStep, evaluate, move, noteCommand, openLesson, remainingSolution, revealHint, withChecks, type CheckReport, type LessonProgress } from '../lessons/runner'
import { commandsOf, parseMarkdown, toPlainText } from '../lessons/markdown'
import { resolveFocus, type ResolvedFocus } from '../lessons/focus'
import type { Answer, LessonServices, LessonStepView, LessonSummary } from '../shell/commands/labLessons'
import type { OutputChunk } from '../shell/types'

export { lessonView } from './lessonView'
export type { LessonProgress }

/** Check a saved progress (untrusted) against the lessons of this build; throws with a clear message. */
export function assertLessonProgress(p: unknown): asserts p is LessonProgress {
  assertProgress(p, LESSONS)
}

/** What the host needs of the lab. */
export interface LessonHostPort {
  view(): LessonView
  /** Replace the lab with a fresh one (same seed and start time); the shell's history stays. */
  fresh(): Promise<void>
  /** Run a line in the lab as if typed; output goes to `out` (or nowhere). */
  exec(line: string, out?: (c: OutputChunk) => void): Promise<number>
  /** Run `setup` with the API server marking the requests made meanwhile as a lesson's set-up (AuditEntry.lessonSetup). */
  asSetup?<T>(setup: () => Promise<T>): Promise<T>
}

/** A lesson as window.lab.lessons() lists it. */
export interface LessonOutline {
  id: string
  title: string
  summary: string
  start: string[]
  steps: {
    title: string
    /** The prose, in the markdown subset (parseMarkdown gives the tree to render). */
    text: string
    goal?: string
    /** The commands of its code blocks (the Run buttons), in order. */
    commands: string[]
    solution: string[]
    checks: string[]
    hints: number
  }[]
}

/** Where the student is, as window.lab.lesson() reports it. */
export interface LessonStatus {
  id: string
  title: string
  /** From 1. */
  step: number
  steps: number
  stepTitle: string
  /** The step's prose (markdown subset: parseMarkdown gives the tree to render). */
  text: string
  goal?: string
  checks: CheckReport[]
  /** Whether every check of the step holds (true for a step without checks). */
  passed: boolean
  /** Whether the student has tried the step yet (LessonProgress.tried): a check that does not hold is not met yet then, only to do before. */
  tried: boolean
  hintsShown: string[]
  /** How many hints the step has. */
  hints: number
  /** The solution commands not run yet. */
  remaining: string[]
  focus?: ResolvedFocus
}

const summary = (l: Lesson): LessonSummary => ({ id: l.id, title: l.title, summary: l.summary, steps: l.steps.length })

export class LessonHost implements LessonServices {
  private progress: LessonProgress | undefined

  constructor(private readonly port: LessonHostPort, private readonly lessons: readonly Lesson[] = LESSONS) {}

  list(): LessonSummary[] {
    return this.lessons.map(summary)
  }

  outline(): LessonOutline[] {
    return this.lessons.map((l) => ({
      id: l.id, title: l.title, summary: l.summary, start: [...l.start],
      steps: l.steps.map((s) => ({
        title: s.title, text: s.text, ...(s.task ? { goal: s.task.goal } : {}), commands: commandsOf(s.text), solution: [...s.solution],
        checks: (s.task?.checks ?? []).map((c) => c.name), hints: s.hints.length,
      })),
    }))
  }

  /** The current step with its checks evaluated now (the results are kept in the progress). */
  private evaluateNow() {
    if (!this.progress) return undefined
    const cur = currentStep(this.lessons, this.progress)
    if (!cur) return undefined
    const view = this.port.view()
    const checks = evaluate(cur.step, view)
    this.progress = withChecks(this.progress, checks)
    return { ...cur, checks, view, progress: this.progress }
  }

  current(): LessonStepView | undefined {
    const c = this.evaluateNow()
    if (!c) return undefined
    return {
      lesson: summary(c.lesson), step: c.progress.step + 1, title: c.step.title, text: toPlainText(parseMarkdown(c.step.text)),
      goal: c.step.task?.goal, hintsShown: c.progress.hints, hints: c.step.hints.length, checks: c.checks,
    }
  }

  status(): LessonStatus | undefined {
    const c = this.evaluateNow()
    if (!c) return undefined
    const focus = c.step.focus && resolveFocus(c.step.focus, c.view)
    return {
      id: c.lesson.id, title: c.lesson.title, step: c.progress.step + 1, steps: c.lesson.steps.length, stepTitle: c.step.title, text: c.step.text,
      goal: c.step.task?.goal, checks: c.checks, passed: c.checks.every((x) => x.ok), tried: c.progress.tried === true, hintsShown: c.step.hints.slice(0, c.progress.hints), hints: c.step.hints.length,
      remaining: remainingSolution(c.step, c.progress), ...(focus ? { focus } : {}),
    }
  }

  async open(id: string, step: number | undefined, keep: boolean): Promise<Answer<string>> {
    const opened = openLesson(this.lessons, id, step)
    if (!opened.ok) return { error: opened.error }
    const lesson = this.lessons.find((l) => l.id === id)!
    if (keep) {
      this.progress = opened.value
      return { value: `Lesson ${id}, step ${opened.value.step + 1}, in the lab as it is.` }
    }
    await this.port.fresh()
    const setup = [...lesson.start, ...lesson.steps.slice(0, opened.value.step).flatMap((s) => s.solution)]
    const failed: string[] = []
    const run = async () => {
      for (const line of setup) if ((await this.port.exec(line)) !== 0) failed.push(line)
    }
    await (this.port.asSetup ? this.port.asSetup(run) : run())
    this.progress = opened.value
    const n = opened.value.step
    const done = n === 0 ? '' : n === 1 ? ', with the solution of step 1 already run' : `, with the solutions of steps 1 to ${n} already run`
    const warn = failed.length ? `\nThese set-up commands failed: ${failed.join('; ')}` : ''
    return { value: `A fresh lab for lesson ${id}${lesson.start.length ? ` (set up with ${lesson.start.length} command${lesson.start.length === 1 ? '' : 's'})` : ''}${done}. lab undo goes back to the lab you had.${warn}` }
  }

  move(delta: 1 | -1): Answer {
    if (!this.progress) return { error: 'no lesson is open' }
    const moved = move(this.lessons, this.progress, delta)
    if (!moved.ok) return { error: moved.error }
    this.progress = moved.value
    return { value: undefined }
  }

  hint(): Answer<{ text: string; n: number; total: number }> {
    const cur = this.progress && currentStep(this.lessons, this.progress)
    if (!this.progress || !cur) return { error: 'no lesson is open' }
    const h = revealHint(cur.step, this.progress)
    if (!h.ok) return { error: h.error }
    this.progress = h.value.progress
    return { value: { text: h.value.hint, n: h.value.n, total: cur.step.hints.length } }
  }

  remaining(): Answer<string[]> {
    const cur = this.progress && currentStep(this.lessons, this.progress)
    if (!this.progress || !cur) return { error: 'no lesson is open' }
    return { value: remainingSolution(cur.step, this.progress) }
  }

  async exec(line: string, out: (c: OutputChunk) => void): Promise<number> {
    const status = await this.port.exec(line, out)
    this.noteCommand(line)
    return status
  }

  /** A command ran: count it when it is the step's next solution command. */
  noteCommand(line: string): void {
    const cur = this.progress && currentStep(this.lessons, this.progress)
    if (this.progress && cur) this.progress = noteCommand(cur.step, this.progress, line)
  }

  /** After `lab undo`: solution commands undone count as not run, when the lab went back within the current step. */
  rewind(before: LessonProgress | undefined): void {
    const p = this.progress
    if (p && before && before.lesson === p.lesson && before.step === p.step) this.progress = { ...p, ran: Math.min(p.ran, before.ran) }
  }

  snapshot(): LessonProgress | undefined {
    return this.progress && structuredClone(this.progress)
  }

  /** Restore saved progress (untrusted: throws with a clear message when it does not fit). */
  restore(p: unknown): void {
    if (p === undefined) {
      this.progress = undefined
      return
    }
    assertProgress(p, this.lessons)
    this.progress = structuredClone(p)
  }
}
