// The messages between the page and the lab's Web Worker (src/app/worker.ts). Our own small
// protocol: the page calls (`call`, answered by `result` with the same id), the lab streams a
// command's output as it is produced (`chunk`), tells the page what changed (`event`, see
// LabEvent in src/state/labPort.ts) and asks it to open the editor (`edit`, answered by
// `editDone`).

import type { LabEvent, OutputChunk } from '../state/labPort'
import type { EditRequest } from '../shell/types'
import type { JumpKind } from '../state/timeline/clockTargets'
import type { LabOptions } from './lab'

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

export type ToWorker =
  | { kind: 'start'; opts: LabOptions }
  | { kind: 'call'; id: number; call: LabCall }
  | { kind: 'interrupt' }
  | { kind: 'editDone'; id: number; text?: string }
  /** Test hook: the next `run` first holds the worker's thread this long (wall ms). */
  | { kind: 'testHold'; ms: number }

export type FromWorker =
  | { kind: 'started'; seed?: string; nowMs: number }
  | { kind: 'startFailed'; message: string }
  | { kind: 'event'; event: LabEvent }
  | { kind: 'chunk'; id: number; chunk: OutputChunk }
  | { kind: 'result'; id: number; ok: true; value: unknown }
  | { kind: 'result'; id: number; ok: false; message: string }
  | { kind: 'edit'; id: number; request: EditRequest }
