// The worker's side of saving: the lab's persistence (persistLab.ts: IndexedDB, incremental
// parts) runs next to the lab, so no snapshot crosses to the page. At start it plans how the lab
// starts (restore, or fresh with the saved lab set aside) before the lab is created; after each
// command it saves from the lab's own snapshot at once; the page sends only the terminal's last
// lines and tells it the tab's role (the page holds the Web Lock: a restarted worker keeps it).

import { rfc3339 } from '../common/time'
import type { Lab, LabOptions, LabSnapshot } from './lab'
import { LabPersistence, restoredNotice, statusText, type StartPlan } from './persistLab'
import type { Notice, StorageLike, StoredSeg } from './persist'
import type { FromWorker, SavesCall, SavesStart, SavesToWorker } from './protocol'
import type { Role, TabLock } from './tabLock'

const SAVES_KINDS = new Set<string>(['saveNow', 'saveRole', 'savesCall', 'testFullDisk'])
const message = (e: unknown) => (e instanceof Error ? e.message : String(e))

export function isSavesMessage(m: { kind: string }): m is Exclude<SavesToWorker, { kind: 'startSaved' }> {
  return SAVES_KINDS.has(m.kind)
}

/** A TabLock whose role the page sets (the page holds the real lock; see tabLock.ts). */
function pageLock(initial: Role): TabLock & { set(r: Role): void } {
  let role = initial
  const listeners = new Set<(r: Role) => void>()
  return {
    role: () => role,
    onChange(cb) {
      listeners.add(cb)
      return () => listeners.delete(cb)
    },
    takeOver: () => Promise.resolve(),
    release() {},
    set(r) {
      if (r === role) return
      role = r
      listeners.forEach((cb) => cb(r))
    },
  }
}

/** How long a command's answer waits for its save at most (a stuck store must not hold the prompt). */
const SAVE_WAIT_MS = 1000

/**
 * The marker that names a running command (Saver.announce), written at the command's first pause
 * (a timer, a wait, WebCrypto, or the shell's pause every thousand steps) rather than before it
 * starts: written first, its IndexedDB transaction delayed a typed command's answer by 0.7 ms
 * (typed article commands, Enter to the DOM, medians of 72: 5.8 and 6.3 ms before, 5.1 and 5.6
 * after). A command that ends before any pause is saved at once with its name (afterRun), so its
 * marker is not needed: `ended` drops it.
 */
export class FirstPauseAnnounce {
  private timer: ReturnType<typeof setTimeout> | undefined
  constructor(private readonly announce: (line: string) => void) {}

  start(line: string): void {
    this.ended()
    this.timer = setTimeout(() => {
      this.timer = undefined
      this.announce(line)
    }, 0)
  }

  /** The command ended: a marker not written yet is no longer needed. */
  ended(): void {
    if (this.timer !== undefined) clearTimeout(this.timer)
    this.timer = undefined
  }
}

export class WorkerSaves {
  private persistence: LabPersistence | undefined
  private lock: ReturnType<typeof pageLock> | undefined
  private lab: Lab | undefined
  /** The `now` the lab was created with (saved with it, to tell a shared link's lab apart). */
  private startedAt: string | number | undefined
  private lines: StoredSeg[][] = []

  constructor(
    private readonly post: (m: FromWorker) => void,
    /** Replace the lab's state through its host (so the page's projection follows). */
    private readonly restoreLab: (s: LabSnapshot) => Promise<void>,
  ) {}

  /** Plan the start from what is saved, create the lab (restored, or fresh), save it once. */
  async startLab(opts: LabOptions, saves: SavesStart, create: (o: LabOptions) => Promise<Lab>): Promise<Lab> {
    this.lock = pageLock(saves.role)
    const legacy = saves.legacy ? memoryStorage(saves.legacy) : undefined
    const p = await LabPersistence.open({ lock: this.lock, ...(legacy ? { legacy } : {}) })
    this.persistence = p
    p.saver.onStatus((status) => this.post({ kind: 'saveStatus', text: statusText(status) }))
    p.onAsides(() => this.post({ kind: 'asides', keys: p.savedStates() }))
    const notices: Notice[] = []
    let plan: StartPlan = { notices: [], lost: [] }
    try {
      // A restart resumes whatever was saved last (even a lab restored from another seed).
      plan = await p.planStart(saves.resume ? {} : saves.request)
    } catch (e) {
      notices.push({ kind: 'warn', text: `The saved lab could not be read (${message(e)}); starting a fresh lab.` })
    }
    notices.push(...plan.notices)
    if (legacy && legacy.removed.length) this.post({ kind: 'legacyDone', removed: legacy.removed })
    let lab: Lab | undefined
    let lines: StoredSeg[][] | undefined
    if (plan.restore) {
      try {
        lab = await create({ state: plan.restore.snapshot as LabSnapshot })
        this.startedAt = plan.restore.now
        lines = plan.restore.lines
        notices.push(restoredNotice(plan.restore, plan.lost, rfc3339(lab.nowMs()), plan.behind))
      } catch (e) {
        notices.push(await p.setAsideBroken(plan.restore, message(e)))
      }
    }
    if (!lab) {
      try {
        lab = await create(opts)
        this.startedAt = opts.now
      } catch (e) {
        if (opts.now === undefined) throw e
        notices.push({ kind: 'warn', text: `The lab could not start with now=${String(opts.now)} (${message(e)}); starting at the default time.` })
        lab = await create({ ...opts, now: undefined })
        this.startedAt = undefined
      }
    }
    this.lab = lab
    this.lines = lines ?? []
    lab.onReset(() => void p.clear())
    if (!saves.resume) this.post({ kind: 'startPlan', ...(lines ? { lines } : {}), notices })
    this.post({ kind: 'asides', keys: p.savedStates() })
    // (its first save comes once the page has been told it started: labServer.ts)
    return lab
  }

  /** Save the lab now (or right after the save in progress). */
  save(command?: string): void {
    const p = this.persistence
    const lab = this.lab
    if (!p || !lab) return
    p.save(
      () => ({
        snapshot: lab.saveSnapshot(),
        lines: this.lines,
        ...(lab.seed !== undefined ? { seed: lab.seed } : {}),
        ...(this.startedAt !== undefined ? { now: this.startedAt } : {}),
      }),
      command,
    )
  }

  /** The marker of the command running now (beforeRun). */
  private readonly announcing = new FirstPauseAnnounce((line) => this.persistence?.announce(line))

  /** A typed or sent command starts (its line is complete): the saved lab's marker names it from the command's first pause on (FirstPauseAnnounce). */
  beforeRun(line: string): void {
    if (line.trim() !== '' && this.persistence) this.announcing.start(line)
  }

  /**
   * A typed or sent command completed: save at once, from the lab's own snapshot. Resolves when the
   * save is in IndexedDB (or failed), or after SAVE_WAIT_MS if the browser's store holds it longer.
   */
  afterRun(line: string): Promise<void> {
    this.announcing.ended()
    this.save(line.trim() === '' ? undefined : line)
    const p = this.persistence
    if (!p) return Promise.resolve()
    return new Promise((resolve) => {
      const late = setTimeout(resolve, SAVE_WAIT_MS)
      void p.flush().then(() => {
        clearTimeout(late)
        resolve()
      })
    })
  }

  /** window.lab.restore replaced the lab: it is no longer a shared link's lab. */
  restored(): void {
    this.startedAt = undefined
  }

  receive(m: Exclude<SavesToWorker, { kind: 'startSaved' }>): void {
    if (m.kind === 'saveNow') {
      this.lines = m.lines
      if (m.afterRun) this.persistence?.saveLines(m.lines)
      else this.save()
    } else if (m.kind === 'saveRole') this.lock?.set(m.role)
    else if (m.kind === 'savesCall') {
      this.call(m.call).then(
        (value) => this.post({ kind: 'savesResult', id: m.id, ok: true, value }),
        (e: unknown) => this.post({ kind: 'savesResult', id: m.id, ok: false, message: message(e) }),
      )
    } else if (m.kind === 'testFullDisk') fullDisk()
  }

  private async call(c: SavesCall): Promise<unknown> {
    const p = this.persistence
    if (!p) throw new Error('the lab is not saved here')
    switch (c.op) {
      case 'restoreSaved': {
        const saved = await p.readSaved(c.key)
        await this.restoreLab(saved.snapshot as LabSnapshot)
        this.startedAt = saved.now
        this.lines = saved.lines
        this.save()
        return { lines: saved.lines, seeded: (saved.snapshot as { seed?: unknown }).seed !== undefined }
      }
      case 'download':
        return p.download(c.key)
      case 'clear':
        return p.clear()
      case 'flush':
        return p.flush()
    }
  }
}

/** Test hook (e2e): from now on this worker's IndexedDB refuses the lab's parts as a full disk does. */
function fullDisk(): void {
  const proto = (globalThis as { IDBObjectStore?: { prototype: IDBObjectStore } }).IDBObjectStore?.prototype
  if (!proto) return
  const put = proto.put
  proto.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
    if (key !== 'attempt') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
    return put.call(this, value, key)
  }
}

/** The page's localStorage entries of older versions, as a storage that records what was removed. */
function memoryStorage(items: Record<string, string>): StorageLike & { removed: string[] } {
  const map = new Map(Object.entries(items))
  const removed: string[] = []
  return {
    removed,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem(k) {
      if (map.delete(k)) removed.push(k)
    },
    key: (i) => [...map.keys()][i] ?? null,
    get length() {
      return map.size
    },
  }
}
