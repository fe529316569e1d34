// The page's side of the lab's Web Worker: a LabClient whose calls are messages, and the watchdog
// that keeps the page in charge. Ctrl+C asks the worker to stop the command; if the command is
// still running a second later, or it runs past its time budget, the worker is terminated and a
// new one started from the lab as it was before that command (the last snapshot taken), and the
// command ends with a notice saying so.

import { CommandLost } from '../state/controller'
import type { EditRequest, LabClient, LabEvent, OutputChunk } from '../state/labPort'
import type { LabOptions, LabSnapshot } from './lab'
import type { EnterAnswer, FromWorker, LabCall, SavesCall, SavesFromWorker, SavesStart, SavesToWorker, ToWorker } from './protocol'

/** What the client needs of a Worker (tests pass an in-process one). */
export interface WorkerLike {
  postMessage(message: ToWorker): void
  onmessage: ((e: { data: FromWorker }) => void) | null
  onerror: ((e: { message?: string }) => void) | null
  terminate(): void
}

export interface WorkerLabOptions {
  spawn: () => WorkerLike
  onEvent: (e: LabEvent) => void
  onEdit: (request: EditRequest) => Promise<string | undefined>
  /** A command may run this long (wall ms) before it is stopped, not counting a live command's waits between refreshes; default 20 s. */
  runBudgetMs?: number
  /** After Ctrl+C (or the budget), how long the command has to stop before the worker is restarted; default 1 s. */
  graceMs?: number
  /** Saving runs in the worker (savesServer.ts): how it starts, and where its messages go. */
  saves?: { start: SavesStart; onMessage(m: SavesFromWorker): void }
}

const SAVES_FROM = new Set<string>(['startPlan', 'saveStatus', 'asides', 'legacyDone'])

interface Pending {
  call: LabCall
  resolve: (v: unknown) => void
  reject: (e: unknown) => void
  onChunk?: (c: OutputChunk) => void
}

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`

export class WorkerLab implements LabClient {
  seed?: string
  /** How many times the worker was restarted (tests, the page's status). */
  restarts = 0
  private worker!: WorkerLike
  private nextId = 1
  private pending = new Map<number, Pending>()
  private ready!: Promise<void>
  /** The lab as it was after the last change the page saved: where a restarted worker starts from. */
  private lastGood: LabSnapshot | undefined
  /** The worker answered once (a later failure restarts it rather than failing the start). */
  private everStarted = false
  private savesCalls = new Map<number, Pending>()
  private runId: number | undefined
  private budgetTimer: ReturnType<typeof setTimeout> | undefined
  private graceTimer: ReturnType<typeof setTimeout> | undefined
  private editsOpen = 0
  /** What the page asked to be kept in its updates, and the warm-up (sent again to a restarted worker). */
  private focus: string | undefined
  private want: number | undefined
  private warm = false
  private readonly budget: number
  private readonly grace: number

  constructor(
    private readonly opts: WorkerLabOptions,
    private startOpts: LabOptions,
  ) {
    this.budget = opts.runBudgetMs ?? 20_000
    this.grace = opts.graceMs ?? 1_000
  }

  /** Start the worker's lab; resolves once it answers (rejects if it cannot start). */
  start(): Promise<void> {
    this.worker = this.opts.spawn()
    this.ready = new Promise<void>((resolve, reject) => {
      this.worker.onmessage = (e) => this.receive(e.data, resolve, reject)
      this.worker.onerror = (e) => {
        const why = `The lab stopped with an error (${e.message ?? 'unknown'}); it was restarted from its state before the command.`
        if (this.pending.size > 0 || this.everStarted) void this.restart(why)
        else reject(new Error(e.message ?? 'the lab worker failed'))
      }
    })
    const saves = this.opts.saves
    performance.mark('lab-start-asked')
    if (saves) this.worker.postMessage({ kind: 'startSaved', opts: this.startOpts, saves: { ...saves.start, resume: this.restarts > 0 } })
    else this.worker.postMessage({ kind: 'start', opts: this.startOpts })
    this.ready = this.ready.then(async () => {
      this.everStarted = true
      if (this.focus !== undefined) void this.send({ op: 'focusToken', token: this.focus }, undefined, true)
      if (this.want !== undefined) void this.send({ op: 'wantSchedules', toMs: this.want }, undefined, true)
      if (this.warm) this.worker.postMessage({ kind: 'warmUp' })
      // Without saves in the worker, keep a state to come back to (with them, a restart resumes from the last save).
      if (!saves) this.lastGood = (await this.send({ op: 'snapshot' }, undefined, true)) as LabSnapshot
    })
    return this.ready
  }

  private receive(m: FromWorker, started: () => void, failed: (e: Error) => void): void {
    if (SAVES_FROM.has(m.kind)) {
      this.opts.saves?.onMessage(m as SavesFromWorker)
      return
    }
    switch (m.kind) {
      case 'savesResult': {
        const p = this.savesCalls.get(m.id)
        this.savesCalls.delete(m.id)
        if (m.ok) p?.resolve(m.value)
        else p?.reject(new Error(m.message))
        return
      }
      case 'started':
        this.seed = m.seed
        started()
        return
      case 'startFailed':
        failed(new Error(m.message))
        return
      case 'event':
        this.opts.onEvent(m.event)
        return
      case 'chunk':
        this.pending.get(m.id)?.onChunk?.(m.chunk)
        return
      case 'pacing':
        // a live command waits for its next refresh: that is not time it holds the lab
        if (m.waiting) this.clearBudget()
        else if (this.runId !== undefined && this.editsOpen === 0) this.armBudget(this.runId)
        return
      case 'edit':
        this.editsOpen++
        this.clearBudget() // the student edits: no time budget meanwhile
        void this.opts.onEdit(m.request).then((text) => {
          this.editsOpen--
          this.worker.postMessage({ kind: 'editDone', id: m.id, text })
          if (this.runId !== undefined && this.editsOpen === 0) this.armBudget(this.runId)
        })
        return
      case 'result': {
        const p = this.pending.get(m.id)
        if (!p) return
        this.pending.delete(m.id)
        if (m.id === this.runId) this.endRun()
        if (m.ok) {
          if (p.call.op === 'snapshot') this.lastGood = m.value as LabSnapshot
          p.resolve(m.value)
        } else p.reject(new Error(m.message))
      }
    }
  }

  private send(call: LabCall, onChunk?: (c: OutputChunk) => void, now = false): Promise<unknown> {
    const go = () =>
      new Promise<unknown>((resolve, reject) => {
        const id = this.nextId++
        this.pending.set(id, { call, resolve, reject, onChunk })
        if (call.op === 'run' || call.op === 'enter') {
          this.runId = id
          this.armBudget(id)
        }
        this.worker.postMessage({ kind: 'call', id, call })
      })
    return now ? go() : this.ready.then(go)
  }

  private armBudget(id: number): void {
    this.clearBudget()
    this.budgetTimer = setTimeout(() => {
      if (this.runId !== id) return
      this.stopRun(id, `The command ran longer than ${seconds(this.budget)}, the limit of one command; the lab was restarted from its state before it.`)
    }, this.budget)
  }

  private clearBudget(): void {
    if (this.budgetTimer !== undefined) clearTimeout(this.budgetTimer)
    this.budgetTimer = undefined
  }

  private endRun(): void {
    this.runId = undefined
    this.clearBudget()
    if (this.graceTimer !== undefined) clearTimeout(this.graceTimer)
    this.graceTimer = undefined
  }

  /** Ask the worker to stop run `id`; if it has not within the grace time, restart the worker. */
  private stopRun(id: number, why: string): void {
    this.worker.postMessage({ kind: 'interrupt' })
    if (this.graceTimer !== undefined) return
    this.graceTimer = setTimeout(() => {
      this.graceTimer = undefined
      if (this.runId === id) void this.restart(why)
    }, this.grace)
  }

  /** Terminate the worker and start a new one from the last good state; pending calls end with `why`. */
  private async restart(why: string): Promise<void> {
    this.worker.onmessage = null
    this.worker.onerror = null
    this.worker.terminate()
    this.restarts++
    this.endRun()
    const lost = [...this.pending.values(), ...this.savesCalls.values()]
    this.pending.clear()
    this.savesCalls.clear()
    this.editsOpen = 0
    if (this.lastGood && !this.opts.saves) this.startOpts = { state: this.lastGood }
    const started = this.start()
    for (const p of lost) p.reject(new CommandLost(why))
    await started.catch(() => {})
  }

  run(line: string, onChunk?: (c: OutputChunk) => void) {
    return this.send({ op: 'run', line }, onChunk) as ReturnType<LabClient['run']>
  }
  advance(duration: string | number) {
    return this.send({ op: 'advance', duration }) as Promise<string>
  }
  jump(kind: Parameters<LabClient['jump']>[0], token?: string) {
    return this.send({ op: 'jump', kind, token }) as Promise<number>
  }
  /** A typed line in one message: needs more input, or the clock's owed time applied and the line run. */
  enter(text: string, owedMs: number, onChunk?: (c: OutputChunk) => void) {
    return this.send({ op: 'enter', text, owedMs }, onChunk) as Promise<EnterAnswer>
  }
  /** A message about saving (savesClient.ts); dropped while the worker restarts. */
  tellSaves(m: Exclude<SavesToWorker, { kind: 'startSaved' }>): void {
    void this.ready.then(() => this.worker.postMessage(m)).catch(() => {})
  }
  /** Ask the worker's saves something (restore a set-aside lab, a download, clear). */
  savesCall(call: SavesCall): Promise<unknown> {
    return this.ready.then(
      () =>
        new Promise<unknown>((resolve, reject) => {
          const id = this.nextId++
          this.savesCalls.set(id, { call: { op: 'snapshot' }, resolve, reject })
          this.worker.postMessage({ kind: 'savesCall', id, call })
        }),
    )
  }
  needsMoreInput(text: string) {
    return this.send({ op: 'needsMoreInput', text }) as Promise<boolean>
  }
  complete(text: string, cursor: number) {
    return this.send({ op: 'complete', text, cursor }) as ReturnType<LabClient['complete']>
  }
  snapshot() {
    return this.send({ op: 'snapshot' })
  }
  restore(snapshot: unknown) {
    return this.send({ op: 'restore', snapshot }) as Promise<void>
  }
  inspectToken(token: string) {
    return this.send({ op: 'inspectToken', token }) as ReturnType<LabClient['inspectToken']>
  }
  interrupt(): void {
    if (this.runId === undefined) return
    this.stopRun(this.runId, `The command did not stop within ${seconds(this.grace)} of Ctrl+C; the lab was restarted from its state before it.`)
  }
  focusToken(token: string | undefined): void {
    this.focus = token
    void this.send({ op: 'focusToken', token }).catch(() => {})
  }
  wantSchedules(toMs: number): void {
    this.want = Math.max(toMs, this.want ?? toMs)
    void this.send({ op: 'wantSchedules', toMs }).catch(() => {})
  }
  lessons() {
    return this.send({ op: 'lessons' })
  }
  /** Start-up has settled: the worker warms its code up while nobody waits on it (warmUp.ts). */
  warmUp(): void {
    if (this.warm) return
    this.warm = true
    void this.ready.then(() => this.worker.postMessage({ kind: 'warmUp' })).catch(() => {})
  }
  /** End the worker (a lab that could not start). */
  stop(): void {
    this.worker.terminate()
  }
  /** Test hook: the next command first holds the worker's thread for `ms` (as a runaway command would). */
  holdNextRun(ms: number): void {
    void this.ready.then(() => this.worker.postMessage({ kind: 'testHold', ms }))
  }
}

/** Start a lab in a Web Worker and connect to it (the same shape as localClient's connectLab). */
export async function connectLab(
  opts: LabOptions,
  onEvent: (e: LabEvent) => void,
  onEdit: (request: EditRequest) => Promise<string | undefined>,
  saves?: WorkerLabOptions['saves'],
  /** A worker the page spawned early (main.tsx), used for the first start; restarts spawn anew. */
  first?: Worker,
): Promise<{ client: WorkerLab; seed?: string }> {
  let early = first
  const spawn = () => {
    const w = early ?? new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'lab' })
    early = undefined
    return w as unknown as WorkerLike
  }
  const client = new WorkerLab({ spawn, onEvent, onEdit, ...(saves ? { saves } : {}) }, opts)
  try {
    await client.start()
  } catch (e) {
    client.stop()
    throw e
  }
  return { client, seed: client.seed }
}
