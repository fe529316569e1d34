// The page's persistence, in one object: open IndexedDB, decide how the page starts (restore,
// or start fresh and set aside what was stored), save after each change, report the save status,
// list, restore and download set-aside labs, and share the lab with other tabs (tabLock).
// No DOM, no window: a worker can hold it as well as the main thread.

import { openIdb, LAB, type KvBackend } from './idb'
import { asideBlob, asideKeys, checkRecord, loadLab, readAside, setAside, toRecord, type Restorable } from './labStore'
import { BROKEN_PREFIX, PREVIOUS_PREFIX, STATE_KEY, savedStateKeys, type Notice, type StorageLike } from './persist'
import { Saver } from './saver'

export { statusText } from './saver'
import { SAVED_LINES, type SaveInput } from './saveParts'
import { claimLab, type TabLock } from './tabLock'

export interface StartRequest {
  seed?: string
  now?: string | number
  /** Start a fresh lab whatever is saved (a shared session replayed): the saved lab is set aside. */
  fresh?: boolean
}

export interface StartPlan {
  restore?: Restorable
  notices: Notice[]
  /** Commands that were run but not saved before the page went (empty: the last command was saved). */
  lost: string[]
  /** Some change after the restored save was not saved (with `lost` empty: only the clock moving on). */
  behind?: boolean
}

/** The notice shown once a saved lab is running again. */
export function restoredNotice(lab: Pick<Restorable, 'savedAt'>, lost: string[], labTime: string, behind = lost.length > 0): Notice {
  if (behind && lost.length === 0) {
    return { kind: 'warn', text: `Restored your lab as it was last saved (${lab.savedAt}; lab time ${labTime}); the lab clock had moved on since, and that was not saved.` }
  }
  if (lost.length === 0) return { kind: 'note', text: `Restored your lab as you left it (saved ${lab.savedAt}; lab time ${labTime}).` }
  const list = lost.map((c) => `"${c}"`).join(', ')
  return {
    kind: 'warn',
    text: `Restored your lab as it was last saved (${lab.savedAt}; lab time ${labTime}). The last ${lost.length === 1 ? 'command was' : `${lost.length} commands were`} not saved and ${lost.length === 1 ? 'is' : 'are'} lost: ${list}.`,
  }
}

export class LabPersistence {
  readonly saver: Saver
  private asides: string[] = []
  private asideListeners = new Set<() => void>()

  private constructor(
    private readonly kv: KvBackend,
    readonly lock: TabLock,
    private readonly legacy: StorageLike | undefined,
    private readonly iso: () => string,
  ) {
    this.saver = new Saver(kv, { iso })
    if (lock.role() === 'follower') this.saver.setEnabled(false)
    lock.onChange((r) => this.saver.setEnabled(r === 'owner'))
  }

  /** Open the database (a failure gives a persistence that reports it and saves nothing). */
  static async open(opts: { kv?: KvBackend; lock?: TabLock; legacy?: StorageLike; iso?: () => string } = {}): Promise<LabPersistence> {
    const iso = opts.iso ?? (() => new Date(Date.now()).toISOString())
    const lock = opts.lock ?? (await claimLab())
    let kv = opts.kv
    let problem: string | undefined
    if (!kv) {
      try {
        kv = await openIdb()
      } catch (e) {
        problem = e instanceof Error ? e.message : String(e)
        kv = refusingBackend(problem)
      }
    }
    const p = new LabPersistence(kv, lock, opts.legacy, iso)
    if (problem) p.saver.setEnabled(false, `this browser gives the page no storage (${problem})`)
    return p
  }

  private where(key: string | undefined): string {
    return key
      ? `It is kept aside as "${key}": download it with the button at the top of the page, or run lab.restoreSaved("${key}") in the browser's console.`
      : 'This browser refused to keep a copy.'
  }

  /** Restore the saved lab, or start fresh (setting aside what is stored when unreadable or when the URL asks for a different lab). */
  async planStart(url: StartRequest): Promise<StartPlan> {
    const legacy = this.legacy
    let raw: string | null = null
    try {
      raw = legacy?.getItem(STATE_KEY) ?? null
    } catch {
      raw = null
    }
    const owner = this.lock.role() === 'owner'
    if (owner) await this.moveLegacyAsides()
    const loaded = await loadLab(this.kv, legacy ? { raw, remove: () => legacy.removeItem(STATE_KEY) } : undefined, this.iso(), owner)
    await this.refreshAsides()
    if (loaded.kind === 'none') return { notices: [], lost: [] }
    if (loaded.kind === 'broken') {
      if (!owner) return { notices: [{ kind: 'warn', text: `The saved lab could not be read (${loaded.reason}); this tab starts a fresh lab and leaves the saved one to the tab that has it open.` }], lost: [] }
      return { notices: [{ kind: 'warn', text: `Your saved lab could not be read (${loaded.reason}), so a fresh lab was started. ${this.where(loaded.asideKey)}` }], lost: [] }
    }
    const stored = loaded.lab
    const urlAsks = url.fresh === true || url.seed !== undefined || url.now !== undefined
    if (!url.fresh && (!urlAsks || (stored.seed === url.seed && stored.now === url.now))) {
      this.saver.startFrom(stored.seq, stored.savedAt)
      return { restore: stored, notices: [], lost: loaded.lost, behind: loaded.behind }
    }
    if (this.lock.role() === 'follower') return { notices: [{ kind: 'note', text: 'This link starts a fresh lab; the saved lab stays as it is, since another tab has it open.' }], lost: [] }
    const key = await setAside(this.kv, 'previous', JSON.stringify(toRecord(stored)), 'a link asked for another lab', this.iso())
    if (key) await this.kv.write(LAB, { clear: true }).catch(() => {})
    await this.refreshAsides()
    const was = stored.seed !== undefined ? `seed ${stored.seed}` : 'without a seed'
    const asked = url.seed !== undefined ? `seed ${url.seed}` : 'no seed'
    const start = url.now !== undefined ? ` starting at ${url.now}` : ''
    return {
      notices: [{ kind: 'note', text: `This link starts a fresh lab with ${asked}${start}, so that it reproduces what the link shows. Your previous lab (${was}, saved ${stored.savedAt}) was set aside. ${this.where(key)}` }],
      lost: [],
    }
  }

  /** Set-aside states of older pages (localStorage) move into IndexedDB once. */
  private async moveLegacyAsides(): Promise<void> {
    const legacy = this.legacy
    if (!legacy) return
    for (const k of savedStateKeys(legacy)) {
      const raw = legacy.getItem(k)
      const kind = k.startsWith(BROKEN_PREFIX) ? 'broken' : 'previous'
      const at = k.slice((kind === 'broken' ? BROKEN_PREFIX : PREVIOUS_PREFIX).length)
      if (raw !== null && (await setAside(this.kv, kind, raw, 'set aside by an older version of the page', at))) legacy.removeItem(k)
    }
  }

  /** Save now (after a command, a clock move, a restore). */
  save(build: () => SaveInput | undefined, command?: string): void {
    this.saver.request(build, command)
  }

  /** A command starts: its save's marker is written now (Saver.announce). */
  announce(command: string): void {
    this.saver.announce(command)
  }

  /** Only the screen changed (the lab was saved already): write its lines part alone, if a save exists. */
  saveLines(lines: unknown[]): void {
    const st = this.saver.getStatus()
    if (st.state !== 'saved') return
    this.kv.write(LAB, { put: [['lines', lines.slice(-SAVED_LINES)]] }).catch(() => {})
  }

  flush(): Promise<void> {
    return this.saver.flush()
  }

  /** A lab that cannot be restored after all (its restore threw): set it aside. */
  async setAsideBroken(lab: Restorable, reason: string): Promise<Notice> {
    if (this.lock.role() !== 'owner') return { kind: 'warn', text: `The saved lab could not be restored (${reason}); this tab starts a fresh lab and leaves the saved one to the tab that has it open.` }
    const key = await setAside(this.kv, 'broken', JSON.stringify(toRecord(lab)), reason, this.iso())
    if (key) await this.kv.write(LAB, { clear: true }).catch(() => {})
    this.saver.forgetWritten()
    await this.refreshAsides()
    return { kind: 'warn', text: `Your saved lab could not be restored (${reason}), so a fresh lab was started. ${this.where(key)}` }
  }

  /** Forget the saved lab (after `lab reset`); set-aside labs are kept. */
  async clear(): Promise<void> {
    this.saver.forgetWritten()
    if (this.lock.role() === 'owner') await this.kv.write(LAB, { clear: true }).catch(() => {})
  }

  /** Keys of set-aside labs, newest first (as last read). */
  savedStates(): string[] {
    return [...this.asides]
  }

  onAsides(cb: () => void): () => void {
    this.asideListeners.add(cb)
    return () => this.asideListeners.delete(cb)
  }

  private async refreshAsides(): Promise<void> {
    this.asides = await asideKeys(this.kv)
    for (const cb of this.asideListeners) cb()
  }

  /** A set-aside lab, checked, ready to restore (throws with a reason when it cannot be used). */
  async readSaved(key: string): Promise<Restorable> {
    const a = await readAside(this.kv, key).catch(() => undefined)
    if (!a) throw new Error(`nothing is saved under "${key}"; saved labs: ${this.asides.join(', ') || 'none'}`)
    const r = checkRecord(a.raw)
    if (!r.ok) throw new Error(`the lab saved under "${key}" cannot be restored: ${r.reason}; download it to look at it`)
    return r.lab
  }

  /** The raw data of a set-aside lab, as a file to download. */
  download(key: string): Promise<Blob | undefined> {
    return asideBlob(this.kv, key)
  }
}

function refusingBackend(reason: string): KvBackend {
  const no = () => Promise.reject(new Error(reason))
  return { readAll: () => Promise.resolve(new Map()), get: () => Promise.resolve(undefined), write: no }
}
