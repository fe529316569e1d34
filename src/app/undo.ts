// `lab undo`: the lab as it was before each of the latest commands that changed it (objects,
// clock, files, variables), kept in memory for this session only, at most UNDO_LIMIT of them.

import type { Cluster } from '../cluster/cluster'
import type { Shell } from '../shell/shell'
import type { LabSnapshot } from './lab'

export const UNDO_LIMIT = 50

/** What undo needs of the lab. */
export interface Undoable {
  /** The whole lab as plain data. */
  snapshot(): LabSnapshot
  /** A short text that changes whenever the lab changes in a way undo should restore (objects, clock, files, variables). */
  fingerprint(): string
}

interface Entry {
  line: string
  state: LabSnapshot
}

export class UndoHistory {
  private entries: Entry[] = []
  private pending: LabSnapshot | undefined

  constructor(private readonly limit = UNDO_LIMIT) {}

  /** Before a command runs: what to keep if it changes the lab. */
  before(lab: Undoable): { state: LabSnapshot; print: string } {
    return { state: lab.snapshot(), print: lab.fingerprint() }
  }

  /** After a command ran: keep the state from before it when it changed the lab. */
  after(lab: Undoable, line: string, before: { state: LabSnapshot; print: string }): void {
    if (lab.fingerprint() === before.print) return
    this.entries.push({ line: line.trim(), state: before.state })
    if (this.entries.length > this.limit) this.entries.splice(0, this.entries.length - this.limit)
  }

  /**
   * Undo the latest change: the state before it is applied once the running command has
   * finished (takeRequest). Says what was undone, or undefined when nothing is left.
   */
  request(): string | undefined {
    const e = this.entries.pop()
    if (!e) return undefined
    this.pending = e.state
    const at = new Date(e.state.cluster.clock.now).toISOString().replace(/\.\d{3}Z$/, 'Z')
    return `Undid: ${e.line}\nThe lab is back as it was before that command; lab time ${at}.${this.entries.length ? '' : ' Nothing more to undo.'}`
  }

  get size(): number {
    return this.entries.length
  }

  clear(): void {
    this.entries = []
    this.pending = undefined
  }

  /** The state an undo asked for, if any (once). */
  takeRequest(): LabSnapshot | undefined {
    const p = this.pending
    this.pending = undefined
    return p
  }
}

/** What changes when objects, the clock, files or variables change (not the audit record alone). */
export function fingerprintOf(cluster: Cluster, shell: Shell): string {
  return JSON.stringify([cluster.now(), cluster.context.store.resourceVersion(), shell.fs.cwd(), shell.fs.snapshot(), shell.variables()])
}
