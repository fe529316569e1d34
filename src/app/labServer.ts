// The worker's side of the protocol (src/app/protocol.ts): starts the lab, answers the page's
// calls through a LabHost, streams output, forwards edit requests. Written against a plain
// message port so that tests can run it without a worker; src/app/worker.ts hands it `self`.

import { createLab, type LabOptions } from './lab'
import { LabHost } from './labHost'
import type { FromWorker, LabCall, ToWorker } from './protocol'

export interface Port {
  postMessage(message: FromWorker): void
  onmessage: ((e: { data: ToWorker }) => void) | null
}

export function serveLab(port: Port, wallNow: () => number = () => Date.now()): void {
  let host: LabHost | undefined
  let started: Promise<LabHost | undefined> = Promise.resolve(undefined)
  let hold = 0
  let nextEdit = 0
  const edits = new Map<number, (text: string | undefined) => void>()
  const post = (m: FromWorker) => port.postMessage(m)

  const start = async (opts: LabOptions): Promise<LabHost | undefined> => {
    try {
      // Yield to the worker's event loop now and then during a long command, so Ctrl+C gets in.
      const lab = await createLab({ ...opts, pause: () => new Promise((resolve) => setTimeout(resolve, 0)) })
      lab.onEditRequest(
        (request) =>
          new Promise((resolve) => {
            const id = ++nextEdit
            edits.set(id, resolve)
            post({ kind: 'edit', id, request })
          }),
      )
      host = new LabHost(lab, (event) => post({ kind: 'event', event }))
      post({ kind: 'started', ...(lab.seed !== undefined ? { seed: lab.seed } : {}), nowMs: lab.nowMs() })
      host.publishAll()
      return host
    } catch (e) {
      post({ kind: 'startFailed', message: e instanceof Error ? e.message : String(e) })
      return undefined
    }
  }

  const call = async (id: number, c: LabCall): Promise<void> => {
    const h = await started
    try {
      if (!h) throw new Error('the lab has not started')
      if (c.op === 'run' && hold > 0) {
        // Test hook: hold the thread as a runaway command would.
        const until = wallNow() + hold
        hold = 0
        while (wallNow() < until) {
          // busy
        }
      }
      const value = await h.handle(c, c.op === 'run' ? (chunk) => post({ kind: 'chunk', id, chunk }) : undefined)
      post({ kind: 'result', id, ok: true, value })
    } catch (e) {
      post({ kind: 'result', id, ok: false, message: e instanceof Error ? e.message : String(e) })
    }
  }

  port.onmessage = (e) => {
    const m = e.data
    if (m.kind === 'start') started = start(m.opts)
    else if (m.kind === 'call') void call(m.id, m.call)
    else if (m.kind === 'interrupt') host?.lab.interrupt()
    else if (m.kind === 'editDone') {
      edits.get(m.id)?.(m.text)
      edits.delete(m.id)
    } else if (m.kind === 'testHold') hold = m.ms
  }
}
