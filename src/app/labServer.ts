// The worker's side of the protocol (src/app/protocol.ts): starts the lab, answers the page's
// calls through a LabHost, streams output, forwards edit requests. Written against a plain
// message port so that tests can run it without a worker; src/app/worker.ts hands it `self`.

import { receiveSigningKey } from '../cluster/serviceaccount/keyPrefetch'
import { createLab, type Lab, type LabOptions, type LabSnapshot } from './lab'
import { LabHost } from './labHost'
import { prepareLab, takePreparedLab } from './labPrepare'
import type { FromWorker, LabCall, ToWorker } from './protocol'
import { isSavesMessage, WorkerSaves } from './savesServer'
import { Pacer } from './pacer'
import { WARM_UP_SEED, warmUp, type WarmUpTarget } from './warmUp'

export interface Port {
  postMessage(message: FromWorker): void
  onmessage: ((e: { data: ToWorker }) => void) | null
}

/**
 * The warm-up's lab behind a LabHost of its own, typed into as the page types into the student's
 * (`enter`): the host's path and its updates get warm too. Nothing it sends goes anywhere.
 */
function typedInto(lab: Lab): WarmUpTarget {
  const host = new LabHost(lab, () => {})
  return { run: (line) => host.handle({ op: 'enter', text: line, owedMs: 0 }, () => {}) }
}

export function serveLab(port: Port, wallNow: () => number = () => Date.now()): void {
  let host: LabHost | undefined
  let started: Promise<LabHost | undefined> = Promise.resolve(undefined)
  let hold = 0
  let nextEdit = 0
  const edits = new Map<number, (text: string | undefined) => void>()
  // The page's calls in progress, and who waits for there being none (the warm-up)
  let calls = 0
  const whenIdle: (() => void)[] = []
  const idle = (): Promise<void> => (calls === 0 ? Promise.resolve() : new Promise((resolve) => whenIdle.push(resolve)))
  let warming = false
  /** After the page's last call: how long the worker waits before its idle work (Lab.prepareExecs). */
  const PREPARE_AFTER_MS = 50
  const post = (m: FromWorker) => port.postMessage(m)
  const saves = new WorkerSaves(post, async (s: LabSnapshot) => {
    await host?.handle({ op: 'restore', snapshot: s })
  })

  // Yield to the worker's event loop now and then during a long command, so Ctrl+C gets in,
  // and pace live commands (watch) with a timer that Ctrl+C cuts short.
  const pacer = new Pacer((waiting) => post({ kind: 'pacing', waiting }))
  const makeLab = (opts: LabOptions) =>
    createLab({ ...opts, pause: () => new Promise<void>((resolve) => setTimeout(resolve, 0)), pace: pacer.pace }).then((lab) => {
      performance.mark('lab-built') // for scripts/bench.mjs
      return lab
    })
  // The fresh lab the page asked to prepare (labPrepare.ts), when the start asks for that same lab.
  const createPausingLab = (opts: LabOptions) => takePreparedLab(opts) ?? makeLab(opts)

  const start = async (make: () => Promise<Lab>): Promise<LabHost | undefined> => {
    try {
      const lab = await make()
      lab.onEditRequest(
        (request) =>
          new Promise((resolve) => {
            const id = ++nextEdit
            edits.set(id, resolve)
            post({ kind: 'edit', id, request })
          }),
      )
      host = new LabHost(lab, (event) => post({ kind: 'event', event }))
      performance.mark('lab-started')
      post({ kind: 'started', ...(lab.seed !== undefined ? { seed: lab.seed } : {}), nowMs: lab.nowMs() })
      host.publishAll()
      // The lab's first save (a fresh or restored lab from IndexedDB), after the page heard it started:
      // building the snapshot takes a while and nobody waits for it.
      saves.save()
      return host
    } catch (e) {
      post({ kind: 'startFailed', message: e instanceof Error ? e.message : String(e) })
      return undefined
    }
  }

  const call = async (id: number, c: LabCall): Promise<void> => {
    calls++
    try {
      await answer(id, c)
    } finally {
      if (--calls === 0) {
        whenIdle.splice(0).forEach((resolve) => resolve())
        // a command or a clock step may have started containers: ready their first exec, once the page is quiet
        setTimeout(() => {
          try {
            if (calls === 0) host?.lab.prepareExecs()
          } catch {
            // idle work only: an exec makes what it needs itself
          }
        }, PREPARE_AFTER_MS)
      }
    }
  }

  const answer = async (id: number, c: LabCall): Promise<void> => {
    const h = await started
    try {
      if (!h) throw new Error('the lab has not started')
      const running = c.op === 'run' || c.op === 'enter'
      if (running && hold > 0) {
        // Test hook: hold the thread as a runaway command would.
        const until = wallNow() + hold
        hold = 0
        while (wallNow() < until) {
          // busy
        }
      }
      const value = await h.handle(c, running ? (chunk) => post({ kind: 'chunk', id, chunk }) : undefined, (line) => saves.beforeRun(line))
      const ran = c.op === 'run' ? c.line : c.op === 'enter' && (value as { more: boolean }).more === false ? c.text : undefined
      // Saved from here before the answer goes back (its output went already): once the prompt is
      // back, a tab that dies loses nothing. The page gets only the save's status.
      if (ran !== undefined) await saves.afterRun(ran)
      post({ kind: 'result', id, ok: true, value })
      if (c.op === 'restore') saves.restored()
    } catch (e) {
      const ran = c.op === 'run' ? c.line : c.op === 'enter' ? c.text : undefined
      if (ran !== undefined) await saves.afterRun(ran)
      post({ kind: 'result', id, ok: false, message: e instanceof Error ? e.message : String(e) })
    }
  }

  port.onmessage = (e) => {
    const m = e.data
    if (isSavesMessage(m)) saves.receive(m)
    else if (m.kind === 'prepare') prepareLab(m.opts, makeLab)
    else if (m.kind === 'start') started = start(() => createPausingLab(m.opts))
    else if (m.kind === 'startSaved') started = start(() => saves.startLab(m.opts, m.saves, createPausingLab))
    else if (m.kind === 'call') void call(m.id, m.call)
    else if (m.kind === 'interrupt') {
      if (!pacer.interrupt()) host?.lab.interrupt()
    }
    else if (m.kind === 'editDone') {
      edits.get(m.id)?.(m.text)
      edits.delete(m.id)
    } else if (m.kind === 'warmUp' && !warming) {
      warming = true
      void warmUp(() => createLab({ seed: WARM_UP_SEED }).then(typedInto), idle).then(() => performance.mark('lab-warm')) // the mark: for scripts/bench.mjs
    } else if (m.kind === 'testHold') hold = m.ms
    // the page's key, when it comes after the lab's code has loaded (worker.ts takes it before)
    else if (m.kind === 'signingKey') receiveSigningKey(m.key)
  }
}
