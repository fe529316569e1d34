// Lessons as data: a lesson is a list of steps; a step has prose, commands, an optional task
// with named checks over the lab's state, hints and its solution. Plain objects, no React.

import type { KObject } from '../cluster/api/meta'
import type { AuditEntry } from '../cluster/audit/audit'
import type { Fact } from '../cluster/events/facts'

/** What a check may read of the lab: the cluster's objects, the audit record, the clock, the shell. Read-only. */
export interface LessonView {
  /** Objects of a resource (plural name: `pods`, `serviceaccounts`, `secrets`, `roles.rbac.authorization.k8s.io`), in one namespace or all. */
  objects(resource: string, namespace?: string): KObject[]
  get(resource: string, namespace: string | undefined, name: string): KObject | undefined
  /** The API server's audit record, oldest first. */
  audit(): readonly AuditEntry[]
  facts(): readonly Fact[]
  /** Lab time, ms since the epoch. */
  nowMs(): number
  /** A shell variable of the workstation. */
  variable(name: string): string | undefined
  /** A file of the workstation's home folder (`~/x` or a relative path). */
  file(path: string): string | undefined
}

/** What a check found: whether it holds, what it wanted and what is there, as sentences. */
export interface CheckResult {
  ok: boolean
  expected: string
  found: string
}

/** A named predicate over the lab (never over the text the student typed). */
export interface Check {
  name: string
  run(view: LessonView): CheckResult
}

/** Where a step points the panels. The page resolves it with resolveFocus (focus.ts). */
export type PanelFocus =
  /** Open the token held by a shell variable in the decoder. */
  | { panel: 'decoder'; variable: string }
  /** Move the timeline to a time claim of the token held by a shell variable. */
  | { panel: 'timeline'; variable: string; mark: 'iat' | 'refresh' | 'warnafter' | 'exp' }
  /** Select in the Why panel the latest request (with that status code, made with the token of that variable, when given). */
  | { panel: 'why'; code?: number; variable?: string }

export interface Step {
  title: string
  /**
   * Prose in a small markdown subset (paragraphs, `code`, **bold**, lists, fenced code blocks).
   * Each line of a fenced code block is a command the page shows with a Run button.
   */
  text: string
  /** What the student should bring about; absent for a step that only explains. */
  task?: { goal: string; checks: Check[] }
  /** Revealed one at a time. */
  hints: string[]
  /** Commands that complete the step, in order (each one line). */
  solution: string[]
  focus?: PanelFocus
}

export interface Lesson {
  id: string
  title: string
  /** One line. */
  summary: string
  /** Commands run in a fresh lab before step 1 (empty: the lesson starts from an empty cluster). */
  start: string[]
  steps: Step[]
}
