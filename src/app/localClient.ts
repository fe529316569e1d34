// The lab in the page's own thread (or in Node): a LabClient that calls a LabHost directly. The
// page uses the worker (workerClient.ts); tests and tools use this one, with the same host.

import type { EditRequest, LabClient, LabEvent } from '../state/labPort'
import { createLab, type Lab, type LabOptions } from './lab'
import { LabHost } from './labHost'
import type { LabCall } from './protocol'

export function createLocalClient(lab: Lab, onEvent: (e: LabEvent) => void): { client: LabClient; host: LabHost } {
  const host = new LabHost(lab, onEvent)
  const call = <T>(c: LabCall) => host.handle(c) as Promise<T>
  const client: LabClient = {
    seed: lab.seed,
    run: (line, onChunk) => host.handle({ op: 'run', line }, onChunk) as ReturnType<LabClient['run']>,
    advance: (duration) => call({ op: 'advance', duration }),
    jump: (kind, token) => call({ op: 'jump', kind, token }),
    needsMoreInput: (text) => call({ op: 'needsMoreInput', text }),
    complete: (text, cursor) => call({ op: 'complete', text, cursor }),
    snapshot: () => call({ op: 'snapshot' }),
    restore: (snapshot) => call({ op: 'restore', snapshot }),
    inspectToken: (token) => call({ op: 'inspectToken', token }),
    interrupt: () => lab.interrupt(),
    focusToken: (token) => void call({ op: 'focusToken', token }),
    wantSchedules: (toMs) => void call({ op: 'wantSchedules', toMs }),
    lessons: () => call({ op: 'lessons' }),
  }
  host.publishAll()
  return { client, host }
}

/** Start a lab in this thread and connect to it (the same shape as the worker's connectLab). */
export async function connectLab(
  opts: LabOptions,
  onEvent: (e: LabEvent) => void,
  onEdit: (request: EditRequest) => Promise<string | undefined>,
): Promise<{ client: LabClient; seed?: string }> {
  const lab = await createLab(opts)
  lab.onEditRequest(onEdit)
  return { client: createLocalClient(lab, onEvent).client, seed: lab.seed }
}
