// createLab: the whole lab without a browser — cluster, clock, shell and commands wired together.
// The same object is `window.lab` in the page and what `npm run transcript` drives in Node.

import { createCluster, restoreCluster, type Cluster } from '../cluster/cluster'
import { Random } from '../cluster/random'
import { Shell, type ShellState } from '../shell/shell'
import { createWorkstation, WORKSTATION_BASH } from '../shell/workstation'
import { labCommand } from '../shell/commands/lab'
import { curl } from '../shell/curl/curl'
import { createContainerShell } from './containerShell'
import { Foreground } from './foreground'
import { kubectl } from '../shell/kubectl'
import type { EditRequest, LabServices, OutputChunk, RunResult } from '../shell/types'
import type { Fact } from '../cluster/events/facts'
import type { AuditEntry } from '../cluster/audit/audit'
import type { TokenSchedule } from '../cluster/components'
import type { TokenInspection } from '../jwt/inspect'
import { inspectToken } from './inspectToken'
import { describeWork } from './workNames'
import { TokenLedger } from './tokenLedger'
import { formatLabDuration, parseLabDuration } from '../shell/commands/duration'
import type { LessonLabServices } from '../shell/commands/labLessons'
import { LessonHost, lessonView, type LessonOutline, type LessonStatus } from './lessonHost'
import { fingerprintOf, UndoHistory } from './undo'
import { parseStart } from './start'
import { assertSnapshot, DEFAULT_SEEDED_START, SNAPSHOT_VERSION, type Lab, type LabOptions, type LabSnapshot } from './labTypes'
import { rfc3339 } from '../common/time'

export { parseStart, type LessonOutline, type LessonStatus, type TokenInspection }
export { assertSnapshot, DEFAULT_SEEDED_START, SNAPSHOT_VERSION, type Lab, type LabOptions, type LabSnapshot } from './labTypes'

class LabImpl implements Lab {
  private currentCluster!: Cluster
  /** `kubectl exec -it POD -- sh`, `kubectl run -it -- sh`: the container shell the terminal's lines go to while it is open. */
  private foreground = new Foreground(() => this.changed(), (code) => this.shell.setLastStatus(code))
  /** Every cluster the lab holds runs its containers' commands in the lab's shell language. */
  private get cluster(): Cluster { return this.currentCluster }
  private set cluster(c: Cluster) {
    this.currentCluster = c
    c.setContainerShell(createContainerShell(() => this.services, (s) => this.foreground.opened(s)))
  }
  private shell!: Shell
  private clearListeners: (() => void)[] = []
  private screenListeners: ((alternate: boolean) => void)[] = []
  private pacedListeners: ((ms: number) => void)[] = []
  private resetListeners: (() => void)[] = []
  private changeListeners = new Set<() => void>()
  private ledger = new TokenLedger()
  private resetPending = false
  private freshShell: Shell | undefined
  private undoHistory = new UndoHistory()
  private lessonHost = new LessonHost({
    view: () => lessonView(this.cluster, this.freshShell ?? this.shell),
    fresh: () => this.fresh(),
    exec: (l, out) => this.exec(l, out),
    asSetup: (setup) => this.cluster.apiServer.asLessonSetup(setup),
  })
  readonly seed?: string
  private startMs: number

  constructor(seed: string | undefined, startMs: number) {
    this.seed = seed
    this.startMs = startMs
  }

  private services: LabServices & LessonLabServices = {
    api: (req) => this.cluster.handle(req),
    now: () => this.cluster.now(),
    advance: async (ms, paced) => {
      const said = await this.advanceBy(ms)
      if (paced) {
        this.pacedListeners.forEach((cb) => cb(ms))
        // the panels follow a live command round by round, not only once it ends
        this.changed()
      }
      return said
    },
    waitUntil: (done, timeoutMs) => this.waitUntil(done, timeoutMs),
    audit: () => this.cluster.audit(),
    reset: async () => {
      this.cluster = await this.freshCluster()
      this.resetPending = true
    },
    lessons: this.lessonHost,
    undo: () => this.undoHistory.request(),
    afterSession: (fn) => this.foreground.afterSession(fn),
  }

  async init(state?: LabSnapshot) {
    if (state) {
      this.cluster = await restoreCluster(state.cluster)
      this.shell = this.makeShell(state.shell)
      this.ledger = new TokenLedger(state.seenTokens)
      this.lessonHost.restore(state.lessons)
    } else {
      this.cluster = await this.freshCluster()
      this.shell = this.makeShell()
    }
  }

  private freshCluster(): Promise<Cluster> {
    const random = this.seed !== undefined ? Random.fromSeed(this.seed) : Random.fromEntropy()
    return createCluster({ startMs: this.startMs, random, deterministic: this.seed !== undefined })
  }

  private makeShell(state?: ShellState, history?: string[]): Shell {
    const { fs, env } = createWorkstation()
    const shell = new Shell({
      fs,
      env,
      lab: this.services,
      commands: [kubectl, curl, labCommand],
      history,
      pause: this.pause,
      bash: WORKSTATION_BASH,
      onClear: () => this.clearListeners.forEach((cb) => cb()),
      onScreen: (alternate) => this.screenListeners.forEach((cb) => cb(alternate)),
    })
    if (state) shell.restore(state)
    return shell
  }

  private async advanceBy(ms: number): Promise<string> {
    const from = this.cluster.now()
    const { ran } = await this.cluster.advanceTo(from + ms)
    return `Advanced ${formatLabDuration(ms)} to ${rfc3339(this.cluster.now())}: ${describeWork(ran)}.`
  }

  private async waitUntil(done: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
    const deadline = this.cluster.now() + timeoutMs
    for (;;) {
      if (await done()) return true
      const next = this.cluster.nextDueAt()
      if (next === undefined || next > deadline) {
        await this.cluster.advanceTo(deadline)
        return done()
      }
      await this.cluster.advanceTo(Math.max(next, this.cluster.now()))
    }
  }

  async run(line: string, onChunk?: (c: OutputChunk) => void): Promise<RunResult> {
    if (this.foreground.session) return this.foreground.run(line, onChunk)
    this.foreground.starting()
    this.undoHistory.before(this.forUndo)
    const result = await this.shell.run(line, onChunk)
    this.ledger.scan(result.stdout)
    const fresh = this.freshShell
    this.freshShell = undefined
    if (this.resetPending || fresh) {
      this.resetPending = false
      if (!fresh) this.ledger = new TokenLedger()
      this.shell = fresh ?? this.makeShell(undefined, this.shell.history())
      this.resetListeners.forEach((cb) => cb())
    }
    const undo = this.undoHistory.takeRequest()
    if (undo) await this.applyUndo(undo)
    else this.undoHistory.after(this.forUndo, line)
    this.lessonHost.noteCommand(line)
    // `kubectl exec -it POD -- sh` opened the container's shell: the next lines go to it
    this.foreground.ended(!this.resetPending && !fresh && !undo)
    this.changed()
    return result
  }

  readonly fingerprint = (): string => fingerprintOf(this.cluster, this.shell)
  readonly progressKey = (): string => JSON.stringify(this.lessonHost.snapshot() ?? null)
  /** What undo holds: states that share the cluster's objects and records instead of copying them (a command costs no deep copy). */
  private readonly forUndo = { snapshot: () => this.snapshotWith('shared'), fingerprint: this.fingerprint, progressKey: this.progressKey }

  private async applyUndo(s: LabSnapshot): Promise<void> {
    this.cluster = await restoreCluster(s.cluster)
    this.shell = this.makeShell({ ...s.shell, history: this.shell.history() })
    this.ledger = new TokenLedger(s.seenTokens)
    this.lessonHost.rewind(s.lessons)
    this.resetListeners.forEach((cb) => cb())
  }

  /** A fresh lab for a lesson, while `lab lesson` runs: the new shell takes over once it has finished. */
  private async fresh(): Promise<void> {
    this.cluster = await this.freshCluster()
    this.ledger = new TokenLedger()
    this.freshShell = this.makeShell(undefined, this.shell.history())
  }

  /** Run a line for `lab solution` or a lesson's set-up while a command runs: a shell of its own sharing the workstation's files and variables. */
  private async exec(line: string, out?: (c: OutputChunk) => void): Promise<number> {
    const { fs, env } = this.freshShell ?? this.shell
    const shell = new Shell({ fs, env, lab: this.services, commands: [kubectl, curl, labCommand], pause: this.pause })
    this.subShells.add(shell)
    try {
      return (await shell.run(line, out)).exitCode
    } finally {
      this.subShells.delete(shell)
    }
  }

  /** The host's pause between steps (see LabOptions.pause). */
  pause: (() => Promise<void>) | undefined

  /** The host's pacing of live commands (see LabOptions.pace). */
  set pace(fn: ((ms: number) => Promise<boolean>) | undefined) {
    this.services.pace = fn
  }

  /** Shells running `lab solution` or a lesson's set-up lines (Ctrl+C reaches them too). */
  private readonly subShells = new Set<Shell>()

  private changed(): void {
    for (const cb of this.changeListeners) cb()
  }

  async advance(duration: string | number): Promise<string> {
    const ms = typeof duration === 'number' ? duration : parseLabDuration(duration)
    if (ms === undefined || !Number.isFinite(ms) || ms < 0) {
      throw new Error(`invalid duration ${JSON.stringify(duration)}: use 30s, 48m, 24h, 365d or milliseconds`)
    }
    const line = await this.advanceBy(ms)
    this.changed()
    return line
  }

  now(): string {
    return rfc3339(this.cluster.now())
  }

  nowMs(): number {
    return this.cluster.now()
  }

  snapshot(): LabSnapshot {
    return this.snapshotWith('copy')
  }

  /**
   * For a save that reads it at once and keeps nothing (IndexedDB copies what it stores): the
   * cluster's objects, facts and audit record are the live ones, not copies, so a save costs no more
   * as they grow. Never hand it out.
   */
  saveSnapshot(): LabSnapshot {
    return this.snapshotWith('live')
  }

  private snapshotWith(mode: 'copy' | 'shared' | 'live'): LabSnapshot {
    return {
      version: SNAPSHOT_VERSION,
      ...(this.seed !== undefined ? { seed: this.seed } : {}),
      startMs: this.startMs,
      cluster: this.cluster.snapshot({ liveLogs: mode === 'live', shared: mode === 'shared' }),
      shell: this.shell.snapshot(),
      seenTokens: this.ledger.entries(),
      ...(this.lessonHost.snapshot() ? { lessons: this.lessonHost.snapshot() } : {}),
    }
  }

  async restore(s: LabSnapshot): Promise<void> {
    assertSnapshot(s)
    const cluster = await restoreCluster(s.cluster)
    this.cluster = cluster
    this.startMs = s.startMs
    this.shell = this.makeShell(s.shell)
    this.ledger = new TokenLedger(s.seenTokens)
    this.lessonHost.restore(s.lessons)
    this.undoHistory.clear()
    this.changed()
  }

  /** The prompt of the container shell in the foreground (`/ # `), or undefined at the workstation. */
  prompt(): string | undefined {
    return this.foreground.prompt()
  }

  /** Ctrl+D: ends the container shell in the foreground (resolves to whether one was open). */
  async endOfInput(): Promise<boolean> {
    return (await this.foreground.endOfInput()) !== undefined
  }

  needsMoreInput(text: string): boolean {
    const s = this.foreground.session
    if (s) return s.shell.needsMoreInput(text)
    return this.shell.needsMoreInput(text)
  }

  complete(text: string, cursor: number) {
    return this.shell.complete(text, cursor)
  }

  history(): string[] {
    return this.shell.history()
  }

  onClear(cb: () => void): void {
    this.clearListeners.push(cb)
  }

  onReset(cb: () => void): void {
    this.resetListeners.push(cb)
  }

  onPaced(cb: (ms: number) => void): void {
    this.pacedListeners.push(cb)
  }

  onScreen(cb: (alternate: boolean) => void): void {
    this.screenListeners.push(cb)
  }

  facts(): readonly Fact[] {
    return this.cluster.facts()
  }

  audit(): readonly AuditEntry[] {
    return this.cluster.audit()
  }

  inspectToken(token: string): Promise<TokenInspection> {
    return inspectToken(this.cluster, token)
  }

  jwks() {
    return this.cluster.jwks()
  }

  tokenSchedules(fromMs: number, toMs: number, max?: number): TokenSchedule[] {
    return this.cluster.tokenSchedules(fromMs, toMs, max)
  }

  nextDueAt(): number | undefined {
    return this.cluster.nextEventAt()
  }

  variables(): Record<string, string> {
    return this.shell.variables()
  }

  cwd(): string {
    return this.shell.fs.cwd()
  }

  seenTokens(): Record<string, string> {
    return this.ledger.entries()
  }

  readFile(path: string): string | undefined {
    return this.shell.fs.readFile(this.shell.fs.resolve(path))
  }

  writeFile(path: string, text: string): void {
    this.shell.fs.writeFile(this.shell.fs.resolve(path), text)
    this.changed()
  }

  onChange(cb: () => void): () => void {
    this.changeListeners.add(cb)
    return () => this.changeListeners.delete(cb)
  }

  lessons(): LessonOutline[] {
    return this.lessonHost.outline()
  }

  lesson(): LessonStatus | undefined {
    return this.lessonHost.status()
  }

  prepareExecs(): void { this.cluster.prepareExecs(4) }
  interrupt(): void {
    this.shell.interrupt()
    this.foreground.session?.shell.interrupt()
    this.subShells.forEach((s) => s.interrupt())
  }

  onEditRequest(handler: (request: EditRequest) => Promise<string | undefined>): void {
    // Only a lab with an attached editor offers `edit` to its commands; without one (Node,
    // transcripts) nano and kubectl edit say that no editor is attached.
    this.services.edit = handler
  }
}

export async function createLab(opts: LabOptions = {}): Promise<Lab> {
  if (opts.state) {
    assertSnapshot(opts.state)
    const lab = new LabImpl(opts.state.seed, opts.state.startMs)
    lab.pause = opts.pause
    lab.pace = opts.pace
    await lab.init(opts.state)
    return lab
  }
  const seed = opts.seed === undefined || opts.seed === '' ? undefined : String(opts.seed)
  const start = parseStart(opts.now) ?? (seed !== undefined ? DEFAULT_SEEDED_START : Date.now())
  const lab = new LabImpl(seed, start)
  lab.pause = opts.pause
  lab.pace = opts.pace
  await lab.init()
  return lab
}
