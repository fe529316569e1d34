// The messages between the page and the lab's Web Worker (src/app/worker.ts). Our own small
// protocol: the page calls (`call`, answered by `result` with the same id), the lab streams a
// command's output as it is produced (`chunk`), tells the page what changed (`event`, see
// LabEvent in src/state/labPort.ts) and asks it to open the editor (`edit`, answered by
// `editDone`).

import type { LabEvent, OutputChunk } from '../state/labPort'
import type { EditRequest, RunResult } from '../shell/types'
import type { JumpKind } from '../state/timeline/clockTargets'
import type { LabOptions } from './lab'
import type { Notice, StoredSeg } from './persist'
import type { Role } from './tabLock'
import type { SigningKeyPair } from '../cluster/serviceaccount/keyPrefetch'

/** A call the page makes; LabHost.handle answers it. */
export type LabCall =
  | { op: 'run'; line: string }
  | { op: 'advance'; duration: string | number }
  | { op: 'jump'; kind: JumpKind; token?: string }
  | { op: 'needsMoreInput'; text: string }
  | { op: 'complete'; text: string; cursor: number }
  | { op: 'snapshot' }
  | { op: 'restore'; snapshot: unknown }
  | { op: 'inspectToken'; token: string }
  | { op: 'focusToken'; token?: string }
  | { op: 'wantSchedules'; toMs: number }
  | { op: 'lessons' }
  /** A typed line, in one message: needs more input? if not, apply the clock's `owedMs` and run it. */
  | { op: 'enter'; text: string; owedMs: number }

/** The answer to `enter`: more input is needed, or the line ran (`result` absent: a blank line). */
export type EnterAnswer = { more: true } | { more: false; result?: RunResult }

export type ToWorker =
  | SavesToWorker
  | { kind: 'start'; opts: LabOptions }
  /**
   * Sent by the built page's <head> as it spawns the worker (no seed in the URL): the page is
   * generating the seedless lab's signing key (`signingKey` brings it; worker.ts). Without
   * `fromPage`: generate one here now.
   */
  | { kind: 'prefetchKey'; fromPage?: true }
  /** The key the page generated (absent: its generation failed). */
  | { kind: 'signingKey'; key?: SigningKeyPair }
  /** Sent as the worker is spawned: make the fresh lab with the URL's seed and now ahead of the start (labPrepare.ts). */
  | { kind: 'prepare'; opts: Pick<LabOptions, 'seed' | 'now'> }
  | { kind: 'call'; id: number; call: LabCall }
  | { kind: 'interrupt' }
  | { kind: 'editDone'; id: number; text?: string }
  /** Start-up has settled in the page: the worker may warm its code up (warmUp.ts). */
  | { kind: 'warmUp' }
  /** Test hook: the next `run` first holds the worker's thread this long (wall ms). */
  | { kind: 'testHold'; ms: number }

export type FromWorker =
  | SavesFromWorker
  | { kind: 'started'; seed?: string; nowMs: number }
  | { kind: 'startFailed'; message: string }
  | { kind: 'event'; event: LabEvent }
  | { kind: 'chunk'; id: number; chunk: OutputChunk }
  | { kind: 'result'; id: number; ok: true; value: unknown }
  | { kind: 'result'; id: number; ok: false; message: string }
  | { kind: 'edit'; id: number; request: EditRequest }
  /** A live command (watch, kubectl get -w) waits between refreshes (`waiting`), or goes on: the page's time budget counts only the rest. */
  | { kind: 'pacing'; waiting: boolean }

// ---- Saves: the lab's persistence runs in the worker, next to the lab (savesServer.ts; the
// page's side is savesClient.ts). The page holds the tab's lock and tells the worker its role.

/** How the worker starts with saves: plan the start (restore or fresh) from IndexedDB first. */
export interface SavesStart {
  /** The URL's seed and now (a different lab than the saved one sets the saved one aside). */
  request: { seed?: string; now?: string | number }
  role: Role
  /** A restart after a runaway command: resume from the last save, silently. */
  resume?: boolean
  /** What older pages left in localStorage (which a worker cannot read): moved into IndexedDB. */
  legacy?: Record<string, string>
}

export type SavesCall = { op: 'restoreSaved'; key: string } | { op: 'download'; key: string } | { op: 'clear' } | { op: 'flush' }

export type SavesToWorker =
  | { kind: 'startSaved'; opts: LabOptions; saves: SavesStart }
  /** Save now (after a clock move, a restore; `afterRun`: the worker saved the command already, only the screen changed). */
  | { kind: 'saveNow'; lines: StoredSeg[][]; afterRun: boolean }
  | { kind: 'saveRole'; role: Role }
  | { kind: 'savesCall'; id: number; call: SavesCall }
  /** Test hook: IndexedDB refuses the lab's parts as a full disk does (the small marker still fits). */
  | { kind: 'testFullDisk' }

export type SavesFromWorker =
  /** How the start went: the restored screen (if restored) and what to tell the student. */
  | { kind: 'startPlan'; lines?: StoredSeg[][]; notices: Notice[] }
  /** The save status as the line the page shows (statusText, made here: not in the page's first bundle); none when all is well. */
  | { kind: 'saveStatus'; text?: string }
  | { kind: 'asides'; keys: string[] }
  /** These localStorage keys were moved into IndexedDB: the page removes them. */
  | { kind: 'legacyDone'; removed: string[] }
  | { kind: 'savesResult'; id: number; ok: true; value: unknown }
  | { kind: 'savesResult'; id: number; ok: false; message: string }
