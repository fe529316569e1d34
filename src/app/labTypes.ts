// What createLab returns and takes: the Lab interface (window.lab, npm run transcript, the worker),
// its options and its snapshot, with the check that an untrusted value is a snapshot.

import type { ClusterState } from '../cluster/cluster'
import type { ShellState } from '../shell/shell'
import type { EditRequest, OutputChunk, RunResult } from '../shell/types'
import type { Fact } from '../cluster/events/facts'
import type { AuditEntry } from '../cluster/audit/audit'
import type { TokenSchedule } from '../cluster/components'
import type { TokenInspection } from '../jwt/inspect'
import { assertLessonProgress, type LessonOutline, type LessonProgress, type LessonStatus } from './lessonHost'

/** Where a seeded lab starts when no `now` is given: chosen so that the pod token of the article (issued one second after `kubectl run`, when the lab starts with it) carries the article's own iat 1779578851. */
export const DEFAULT_SEEDED_START = Date.UTC(2026, 4, 23, 23, 27, 30)

export const SNAPSHOT_VERSION = 1

export interface LabOptions {
  /** Deterministic mode: every random value from this seed, the fixed signing key, a still clock. */
  seed?: string | number
  /** Start time: ISO-8601 text or milliseconds since the epoch. */
  now?: string | number
  /** Start from a saved lab instead (see snapshot()). */
  state?: LabSnapshot
  /** Awaited by the shell every few thousand steps of a command: a host running the lab in a worker yields there so that its messages (Ctrl+C) are read. */
  pause?: () => Promise<void>
  /** Paces live commands (watch): see LabServices.pace. A worker host waits with a timer that Ctrl+C cuts short. */
  pace?: (ms: number) => Promise<boolean>
}

export interface LabSnapshot {
  version: typeof SNAPSHOT_VERSION
  seed?: string
  startMs: number
  cluster: ClusterState
  shell: ShellState
  /** JWTs the terminal has shown, by jti (absent in labs saved before it existed). */
  seenTokens?: Record<string, string>
  /** Where the student is in a lesson (absent when no lesson is open). */
  lessons?: LessonProgress
}

export interface Lab {
  run(line: string, onChunk?: (c: OutputChunk) => void): Promise<RunResult>
  /** Ctrl+C: stop the running command line (`^C`, status 130); nothing happens when none runs. */
  interrupt(): void
  /** Idle work: make ahead what a first exec into a running container needs (a few containers at a time; nothing seen changes). */
  prepareExecs(): void
  advance(duration: string | number): Promise<string>
  now(): string
  nowMs(): number
  snapshot(): LabSnapshot
  /** The snapshot for a save that reads it at once (its objects and logs are the live ones: never keep or change it). */
  saveSnapshot(): LabSnapshot
  restore(s: LabSnapshot): Promise<void>
  needsMoreInput(text: string): boolean
  /** The container shell's prompt while `kubectl exec -it POD -- sh` holds the terminal (`/ # `), else undefined. */
  prompt(): string | undefined
  /** Ctrl+D: ends the container shell in the foreground; false when none is open. */
  endOfInput(): Promise<boolean>
  complete(text: string, cursor: number): { from: number; candidates: string[] }
  history(): string[]
  onClear(cb: () => void): void
  /** Called when a full-screen command (watch) takes the alternate screen (true) and gives it back (false). */
  onScreen(cb: (alternate: boolean) => void): void
  /**
   * A live command's round (`kubectl get -w`, `logs -f`, `watch`) moved the lab by `ms` after the
   * host paced it: lab time that stands for the wall time the round waited (the page's clock owes
   * that much less).
   */
  onPaced(cb: (ms: number) => void): void
  /** Called after `lab reset`, `lab undo` or a lesson's fresh lab has replaced the lab's state. */
  onReset(cb: () => void): void
  readonly seed?: string

  // What the panels read (decoder, timeline, clock controls, why-this-answer, editor).
  /** Typed facts the cluster recorded (pods' lifecycle, tokens issued, requests), oldest first. */
  facts(): readonly Fact[]
  /** The API server's audit record, oldest first. */
  audit(): readonly AuditEntry[]
  /** Decode a token, check its signature and ask the API server whether it would accept it now. Records nothing. */
  inspectToken(token: string): Promise<TokenInspection>
  /** The cluster's published keys, as /openid/v1/jwks serves them. */
  jwks(): { keys: (JsonWebKey & { kid: string })[] }
  /** When the kubelets refresh each mounted token, within [fromMs, toMs]. */
  tokenSchedules(fromMs: number, toMs: number, max?: number): TokenSchedule[]
  /** When the next scheduled work of the cluster falls due (pod start-up, deletion, ...), if any; not a container script's next part. */
  nextDueAt(): number | undefined
  /** The shell's working directory (the prompt shows it). */
  cwd(): string
  /** The shell's variables (the decoder offers the tokens among them). */
  variables(): Record<string, string>
  /** Every JWT a command has printed to the terminal, by jti (the timeline opens them in the decoder). */
  seenTokens(): Record<string, string>
  readFile(path: string): string | undefined
  writeFile(path: string, text: string): void
  /** Called after anything changed the lab: a command, advance, restore, reset. Returns an unsubscribe function. */
  onChange(cb: () => void): () => void
  /** Attach the page's editor: `kubectl edit`, `nano`, `vi` and `edit` then open it and wait. */
  onEditRequest(handler: (request: EditRequest) => Promise<string | undefined>): void
  /** Every lesson: id, title, summary, start commands and steps (with their commands, solution commands and check names). */
  lessons(): LessonOutline[]
  /** The open lesson: its step, the step's checks evaluated now, hints shown, solution commands left. */
  lesson(): LessonStatus | undefined
}


/** Check that an untrusted value has the shape of a snapshot before using it. */
export function assertSnapshot(s: unknown): asserts s is LabSnapshot {
  const o = s as Partial<LabSnapshot> | null
  if (typeof o !== 'object' || o === null) throw new Error('the saved lab is not an object')
  if (o.version !== SNAPSHOT_VERSION) throw new Error(`the saved lab has version ${String(o.version)}, this lab reads version ${SNAPSHOT_VERSION}`)
  if (typeof o.startMs !== 'number' || !Number.isFinite(o.startMs)) throw new Error('the saved lab has no valid start time')
  if (typeof o.cluster !== 'object' || o.cluster === null) throw new Error('the saved lab has no cluster')
  if (typeof o.shell !== 'object' || o.shell === null) throw new Error('the saved lab has no shell state')
  if (o.seed !== undefined && typeof o.seed !== 'string') throw new Error('the saved lab has an invalid seed')
  if (o.lessons !== undefined) assertLessonProgress(o.lessons)
}

