// ?lesson=ID&step=N: the command the page runs (visibly, in the terminal) to open that lesson,
// or the sentence to show when the lesson or the step does not exist.

import { LESSONS } from '../lessons'
import { openLesson } from '../lessons/runner'
import type { UrlParams } from './url'

export type LessonFromUrl = { command: string } | { error: string } | undefined

/** Undefined when the URL names no lesson. A step without a lesson is an error too. */
export function lessonFromUrl(params: Pick<UrlParams, 'lesson' | 'step'>, lessons = LESSONS): LessonFromUrl {
  if (params.lesson === undefined) {
    return params.step === undefined ? undefined : { error: `URL parameter step=${params.step} ignored: it needs lesson=ID as well; the lessons are: ${lessons.map((l) => l.id).join(', ')}.` }
  }
  const opened = openLesson(lessons, params.lesson, params.step)
  if (!opened.ok) return { error: `URL parameter lesson=${params.lesson}${params.step === undefined ? '' : `&step=${params.step}`} ignored: ${opened.error}.` }
  return { command: `lab lesson ${params.lesson}${params.step === undefined ? '' : ` ${params.step}`}` }
}
