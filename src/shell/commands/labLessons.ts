// The lesson subcommands of `lab` (lessons, lesson, next, back, check, hint, solution) and
// `lab undo`. The lab provides the services; this module parses arguments and prints.

import type { CommandContext, LabServices, OutputChunk } from '../types'

export interface LessonSummary {
  id: string
  title: string
  summary: string
  steps: number
}

export interface CheckLine {
  name: string
  ok: boolean
  expected: string
  found: string
}

/** The current step as the terminal shows it. */
export interface LessonStepView {
  lesson: LessonSummary
  /** From 1. */
  step: number
  title: string
  /** The step's prose as terminal text (commands as `  $ cmd`). */
  text: string
  goal?: string
  hintsShown: number
  hints: number
  checks: CheckLine[]
}

export type Answer<T = undefined> = { error: string } | { error?: undefined; value: T }

export interface LessonServices {
  list(): LessonSummary[]
  current(): LessonStepView | undefined
  /** Open a lesson at a step (from 1): in a fresh lab running the start commands and the solutions of earlier steps, or, with keep, in the lab as it is. Returns a note on what was done. */
  open(id: string, step: number | undefined, keep: boolean): Promise<Answer<string>>
  move(delta: 1 | -1): Answer
  hint(): Answer<{ text: string; n: number; total: number }>
  /** The step's solution commands that have not run yet. */
  remaining(): Answer<string[]>
  /** Run a command line in the lab as if typed (its output goes to `out`). */
  exec(line: string, out: (c: OutputChunk) => void): Promise<number>
}

/** What the lab offers beyond LabServices for these subcommands. */
export interface LessonLabServices {
  lessons?: LessonServices
  /** Undo the last command that changed the lab; says what was undone, or undefined when nothing is left. */
  undo?(): string | undefined
}

export const LESSON_SUBCOMMANDS = ['lessons', 'lesson', 'next', 'back', 'check', 'hint', 'solution', 'undo']

export const LESSON_HELP = `  lab lessons            list the lessons (id, then title)
  lab lesson ID [STEP]   open a lesson (at a step) in a fresh lab; --keep keeps the lab as it is
  lab lesson             show the current step again
  lab next, lab back     go to the next or the previous step
  lab check              check the current step: one line per check, exit status 0 when all hold
  lab hint               show the next hint of the step
  lab solution           run the step's remaining solution commands
  lab undo               undo the last command that changed the lab (clock included)
`

export function formatLessonList(lessons: LessonSummary[]): string {
  const width = Math.max(...lessons.map((l) => l.id.length))
  return lessons.map((l) => `${l.id.padEnd(width)}   ${l.title}\n`).join('')
}

export function formatCheckLines(checks: CheckLine[]): string {
  return checks.map((c) => (c.ok ? `✓ ${c.name}\n` : `✗ ${c.name}: ${c.found} (expected: ${c.expected})\n`)).join('')
}

export function formatStep(v: LessonStepView): string {
  const head = `${v.lesson.title} · step ${v.step} of ${v.lesson.steps}: ${v.title}`
  const tail = v.goal ? `\nTask: ${v.goal}\n(lab check checks it, lab hint helps, lab solution runs it)\n` : '\n(lab next moves on)\n'
  return `${head}\n\n${v.text}\n${tail}`
}

const NO_LESSON = 'no lesson is open; `lab lessons` lists them, `lab lesson ID` opens one'

/** Runs a lesson subcommand of `lab`; undefined when `sub` is not one of them. */
export async function runLessonCommand(ctx: CommandContext, sub: string, args: string[]): Promise<number | undefined> {
  if (!LESSON_SUBCOMMANDS.includes(sub)) return undefined
  const lab = ctx.lab as LabServices & LessonLabServices
  const err = (text: string, code = 1) => {
    ctx.stderr(`lab ${sub}: ${text}\n`)
    return code
  }
  if (sub === 'undo') {
    if (args.length) return err('takes no arguments', 2)
    const undone = lab.undo?.()
    if (undone === undefined) return err('nothing to undo in this session')
    ctx.stdout(`${undone}\n`)
    return 0
  }
  const ls = lab.lessons
  if (!ls) return err('this lab has no lessons')
  switch (sub) {
    case 'lessons':
      if (args.length) return err('takes no arguments', 2)
      ctx.stdout(formatLessonList(ls.list()))
      return 0
    case 'lesson': {
      const keep = args.includes('--keep')
      const [id, step, ...extra] = args.filter((a) => a !== '--keep')
      if (id === undefined) {
        const cur = ls.current()
        if (!cur) return err(`${NO_LESSON}\n${formatLessonList(ls.list()).trimEnd()}`)
        ctx.stdout(formatStep(cur))
        return 0
      }
      if (extra.length || (step !== undefined && !/^\d{1,3}$/.test(step))) return err('usage: lab lesson ID [STEP] [--keep]', 2)
      const opened = await ls.open(id, step === undefined ? undefined : Number(step), keep)
      if (opened.error !== undefined) return err(opened.error.startsWith('no lesson') ? `${opened.error}\n${formatLessonList(ls.list()).trimEnd()}` : opened.error)
      const cur = ls.current()
      ctx.stdout(`${opened.value ? `${opened.value}\n\n` : ''}${cur ? formatStep(cur) : ''}`)
      return 0
    }
    case 'next':
    case 'back': {
      if (args.length) return err('takes no arguments', 2)
      if (!ls.current()) return err(NO_LESSON)
      const moved = ls.move(sub === 'next' ? 1 : -1)
      if (moved.error !== undefined) return err(moved.error)
      ctx.stdout(formatStep(ls.current()!))
      return 0
    }
    case 'check': {
      const cur = ls.current()
      if (!cur) return err(NO_LESSON)
      if (cur.checks.length === 0) {
        ctx.stdout(`Step ${cur.step} has nothing to check; lab next moves on.\n`)
        return 0
      }
      ctx.stdout(formatCheckLines(cur.checks))
      const ok = cur.checks.every((c) => c.ok)
      if (ok) ctx.stdout(cur.step < cur.lesson.steps ? 'Step done: lab next moves on.\n' : 'Lesson done.\n')
      return ok ? 0 : 1
    }
    case 'hint': {
      if (!ls.current()) return err(NO_LESSON)
      const h = ls.hint()
      if (h.error !== undefined) return err(h.error)
      ctx.stdout(`Hint ${h.value.n} of ${h.value.total}: ${h.value.text}\n`)
      return 0
    }
    case 'solution': {
      if (!ls.current()) return err(NO_LESSON)
      const left = ls.remaining()
      if (left.error !== undefined) return err(left.error)
      if (left.value.length === 0) {
        ctx.stdout('Nothing left to run: the solution commands of this step have all run.\n')
        return 0
      }
      // Each command's own status shows in its output; the step's checks say whether it worked.
      for (const line of left.value) {
        ctx.stdout(`$ ${line}\n`)
        await ls.exec(line, (c) => (c.stream === 'stdout' ? ctx.stdout(c.text) : ctx.stderr(c.text)))
      }
      return 0
    }
  }
  return undefined
}
