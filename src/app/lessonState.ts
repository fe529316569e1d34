// The lesson panel's part of the projection: the open lesson's step rendered as data (its prose
// parsed into the markdown tree, its checks evaluated now), and the list of lessons with the
// welcome text. Computed in the lab's worker after every change; the page only renders it.

import { commandsOf, parseMarkdown } from '../lessons/markdown'
import { WELCOME } from '../lessons/welcome'
import type { LessonEntry, LessonStepState } from '../state/labPort'
import type { Lab } from './lab'

export function lessonsList(lab: Pick<Lab, 'lessons'>): { list: LessonEntry[]; welcome: ReturnType<typeof parseMarkdown> } {
  return {
    list: lab.lessons().map((l) => ({ id: l.id, title: l.title, summary: l.summary, steps: l.steps.length })),
    welcome: parseMarkdown(WELCOME),
  }
}

/** The open lesson's current step, or null when no lesson is open. */
export function lessonState(lab: Pick<Lab, 'lesson'>): LessonStepState | null {
  const s = lab.lesson()
  if (!s) return null
  return {
    id: s.id,
    title: s.title,
    step: s.step,
    steps: s.steps,
    stepTitle: s.stepTitle,
    blocks: parseMarkdown(s.text),
    ...(s.goal !== undefined ? { goal: s.goal } : {}),
    checks: s.checks,
    passed: s.passed,
    tried: s.tried,
    hintsShown: s.hintsShown,
    hints: s.hints,
    remaining: s.remaining,
    commands: commandsOf(s.text),
    ...(s.focus ? { focus: s.focus } : {}),
  }
}
