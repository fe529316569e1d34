// What the page needs from the lab, and what the lab tells the page. The lab runs elsewhere (a Web
// Worker in the page, in-process in tests): every call is asynchronous, and what the panels read
// arrives as updates of a projection (LabUpdate), never by reading the cluster synchronously.
// Declared here (structurally) so that state/ does not import app/.

import type { AuditEntry } from '../cluster/audit/audit'
import type { TokenSchedule } from '../cluster/components'
import type { Fact } from '../cluster/events/facts'
import type { DecodedJwt } from '../jwt/decode'
import type { TokenInspection } from '../jwt/inspect'
import type { EditRequest, OutputChunk, RunResult } from '../shell/types'
import type { JumpKind, JumpTargets } from './timeline/clockTargets'
import type { Block } from '../lessons/markdown'
import type { CheckReport } from '../lessons/runner'
import type { ResolvedFocus } from '../lessons/focus'

export type { AuditEntry, DecodedJwt, EditRequest, Fact, JumpKind, JumpTargets, OutputChunk, RunResult, TokenInspection, TokenSchedule }

/** A list that grows at its end (and may lose its oldest entries): what changed since the last update. */
export type ListDelta<T> = { reset: true; items: T[] } | { reset?: false; drop: number; items: T[] }

/** The kubelets' refresh schedules, computed up to `to` (lab ms). */
export interface ScheduleSet {
  to: number
  list: TokenSchedule[]
}

/** Where the clock controls can jump, for any token and for the token the page selected. */
export interface TargetSet {
  any: JumpTargets
  /** The selected token (see LabClient.focusToken) and its targets. */
  token?: string
  selected?: JumpTargets
}

/** A lesson as the lesson panel lists it. */
export interface LessonEntry {
  id: string
  title: string
  summary: string
  steps: number
}

/** The open lesson's current step, rendered for the lesson panel (sent after every command). */
export interface LessonStepState {
  id: string
  title: string
  /** From 1. */
  step: number
  steps: number
  stepTitle: string
  /** The step's prose as a tree (rendered as elements, never as HTML). */
  blocks: Block[]
  goal?: string
  checks: CheckReport[]
  passed: boolean
  /** The student has run a command in the step or asked for a check: a check that does not hold shows as not met yet, with what it found (before, as to do). */
  tried: boolean
  hintsShown: string[]
  hints: number
  /** The step's solution commands not run yet. */
  remaining: string[]
  /** The commands of the prose's code blocks, in order (the Run buttons; the presenter's next key). */
  commands: string[]
  focus?: ResolvedFocus
}

/**
 * One update of the page's projection of the lab, sent after anything changed it. Only `nowMs`
 * is always there; a field left out did not change. A new `epoch` means the lab was replaced
 * (restore, reset): the lists then come whole.
 */
export interface LabUpdate {
  nowMs: number
  epoch?: number
  seed?: string
  cwd?: string
  /** The prompt of a container shell holding the terminal (`kubectl exec -it`), null when none does. */
  prompt?: string | null
  nextDueAt?: number | null
  facts?: ListDelta<Fact>
  audit?: ListDelta<AuditEntry>
  history?: ListDelta<string>
  schedules?: ScheduleSet
  variables?: Record<string, string>
  seenTokens?: Record<string, string>
  /** Key ids of the published keys (/openid/v1/jwks). */
  kids?: string[]
  targets?: TargetSet
  /** The lessons and the welcome text (sent with a fresh projection). */
  lessons?: { list: LessonEntry[]; welcome: Block[] }
  /** The open lesson's step (null: no lesson is open). */
  lesson?: LessonStepState | null
}

/** What the lab tells the page besides answers to calls. */
export type LabEvent =
  | { type: 'update'; update: LabUpdate }
  /** `clear` (or Ctrl+L inside the shell): empty the screen. */
  | { type: 'clear' }
  /** A full-screen command (watch) took the alternate screen (true) or gave it back (false). */
  | { type: 'screen'; alternate: boolean }
  /** `lab reset` replaced the lab's state. */
  | { type: 'reset' }
  /**
   * A live command's round moved the lab by `ms` for the wall time it waited: the page's clock owes
   * that much less (the round's update, which follows, brings the lab time).
   */
  | { type: 'paced'; ms: number }

/** The lab as the page's controllers and panels use it. */
export interface LabClient {
  readonly seed?: string
  run(line: string, onChunk?: (c: OutputChunk) => void): Promise<RunResult>
  advance(duration: string | number): Promise<string>
  /** Move the clock to the next target of a kind (of `token`, or of any token); resolves to the lab time reached. */
  jump(kind: JumpKind, token?: string): Promise<number>
  needsMoreInput(text: string): Promise<boolean>
  /**
   * A typed line in one round trip (optional; the worker's client has it): whether it needs more
   * input, and if not, the clock's owed time applied and the line run (no result: a blank line).
   */
  enter?(text: string, owedMs: number, onChunk?: (c: OutputChunk) => void): Promise<{ more: true } | { more: false; result?: RunResult }>
  complete(text: string, cursor: number): Promise<{ from: number; candidates: string[] }>
  snapshot(): Promise<unknown>
  restore(snapshot: unknown): Promise<void>
  inspectToken(token: string): Promise<TokenInspection>
  /** Ask the running command to stop (Ctrl+C). */
  interrupt(): void
  /** The token whose jump targets the updates carry (the decoder's). */
  focusToken(token: string | undefined): void
  /** The timeline shows times up to `toMs`: include the refresh schedules that far. */
  wantSchedules(toMs: number): void
  /** Every lesson with its steps, commands and solution commands (window.lab.lessons()). */
  lessons?(): Promise<unknown>
}

export function applyList<T>(old: readonly T[], d: ListDelta<T> | undefined): readonly T[] {
  if (!d) return old
  if (d.reset) return d.items
  if (d.drop === 0 && d.items.length === 0) return old
  return d.drop === 0 ? [...old, ...d.items] : [...old.slice(d.drop), ...d.items]
}
