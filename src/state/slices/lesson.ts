// The store's lesson slice: what the lesson panel shows. The lab's updates (src/state/labPort.ts)
// bring the list of lessons, the welcome text and the open lesson's current step (prose as a
// tree, checks evaluated, hints shown, solution commands left); `apply` folds them in. The page
// adds its own actions (share, export, import, replay), set once by src/app/main.tsx.

import type { Block } from '../../lessons/markdown'
import type { LabUpdate, LessonEntry, LessonStepState } from '../labPort'
import type { SliceMaker } from './types'

/** What the page offers the lesson panel beyond the terminal (set by src/app). */
export interface LessonPageActions {
  /** The link Share gives (seed, start time, lesson, step and command log in the fragment). */
  shareLink(): Promise<string>
  /** Download the whole lab as a JSON file. */
  exportLab(): Promise<void>
  /** Import a lab from a file; resolves to the sentence to show (an error says what was wrong). */
  importLab(file: File): Promise<{ ok: boolean; message: string }>
}

/** A shared session the page was opened with, waiting for the student's answer. */
export interface ReplayOffer {
  seed?: string
  now?: number
  lesson?: string
  step?: number
  commands: string[]
  /** Resolve with the answer: replay (into a fresh lab) or not. */
  answer(replay: boolean): void
}

export interface LessonFields {
  /** An update about lessons has arrived (before that the panel says it is loading). */
  known: boolean
  list: readonly LessonEntry[]
  welcome: readonly Block[]
  /** The open lesson's step; undefined when no lesson is open. */
  current?: LessonStepState
  actions?: LessonPageActions
  replay?: ReplayOffer
  /** Presenter mode: the page's keys drive the lesson. */
  presenter: boolean
}

export interface LessonSlice extends LessonFields {
  /** Fold the lesson parts of one of the lab's updates in. */
  apply(update: LabUpdate): void
  setActions(actions: LessonPageActions | undefined): void
  offerReplay(offer: ReplayOffer | undefined): void
  setPresenter(on: boolean): void
}

export function lessonUpdateFields(u: LabUpdate): Partial<LessonFields> | undefined {
  if (u.lessons === undefined && u.lesson === undefined) return undefined
  return {
    ...(u.lessons ? { list: u.lessons.list, welcome: u.lessons.welcome } : {}),
    ...(u.lesson !== undefined ? { known: true, current: u.lesson ?? undefined } : {}),
  }
}

/**
 * The presenter's next command: the step's prose commands (its Run buttons) in order, `done` of
 * them run already; a step whose prose has none offers its remaining solution commands.
 */
export function nextCommand(step: LessonStepState | undefined, done: number): string | undefined {
  if (!step) return undefined
  return step.commands.length ? step.commands[done] : step.remaining[0]
}

export const lessonSlice: SliceMaker<'lesson'> = (set) => ({
  known: false,
  list: [],
  welcome: [],
  presenter: false,
  apply: (update) => {
    const patch = lessonUpdateFields(update)
    if (patch) set(patch)
  },
  setActions: (actions) => set({ actions }),
  offerReplay: (replay) => set({ replay }),
  setPresenter: (presenter) => set({ presenter }),
})
