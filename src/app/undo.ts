// `lab undo`: the lab as it was before each of the latest commands that changed it (objects,
// clock, files, variables), kept in memory for this session only. The state after the latest
// change is kept too, so a command that changes nothing costs only a fingerprint.

import type { Cluster } from '../cluster/cluster'
import type { Shell } from '../shell/shell'
import { ARRAY_KEY } from '../shell/arrays'
import { MemoryFs } from '../shell/fs'
import type { LabSnapshot } from './lab'

export const UNDO_LIMIT = 50
/** Bound on the audit records and facts held by all undo states together. */
export const UNDO_RECORDS_LIMIT = 200_000

/** What undo needs of the lab. */
export interface Undoable {
  /** The whole lab as plain data. */
  snapshot(): LabSnapshot
  /** A short text that changes whenever the lab changes in a way undo should restore. */
  fingerprint(): string
  /** What else the held state should be current with (the lesson progress), without being an undo point. */
  progressKey(): string
}

interface Entry {
  line: string
  state: LabSnapshot
}

const weight = (s: LabSnapshot) => 1 + s.cluster.facts.length + (s.cluster.audit?.length ?? 0)

export class UndoHistory {
  private entries: Entry[] = []
  private last: { state: LabSnapshot; print: string; key: string } | undefined
  private pending: LabSnapshot | undefined

  constructor(private readonly limit = UNDO_LIMIT, private readonly records = UNDO_RECORDS_LIMIT) {}

  /** Before a command runs: hold the lab's current state (taken again only if something changed it since). */
  before(lab: Undoable): void {
    const print = lab.fingerprint()
    const key = lab.progressKey()
    if (this.last?.print !== print || this.last.key !== key) this.last = { state: lab.snapshot(), print, key }
  }

  /** After a command ran: when it changed the lab, keep the state from before it. */
  after(lab: Undoable, line: string): void {
    const print = lab.fingerprint()
    if (!this.last || print === this.last.print) return
    this.entries.push({ line: line.trim(), state: this.last.state })
    this.last = { state: lab.snapshot(), print, key: lab.progressKey() }
    let total = this.entries.reduce((n, e) => n + weight(e.state), 0)
    while (this.entries.length > this.limit || (this.entries.length > 1 && total > this.records)) total -= weight(this.entries.shift()!.state)
  }

  /**
   * Undo the latest change: its state is applied once the running command has finished
   * (takeRequest). Says what was undone, or undefined when nothing is left.
   */
  request(): string | undefined {
    const e = this.entries.pop()
    if (!e) return undefined
    this.pending = e.state
    const at = new Date(e.state.cluster.clock.now).toISOString().replace(/\.\d{3}Z$/, 'Z')
    return `Undid: ${e.line}\nThe lab is back as it was before that command; lab time ${at}.${this.entries.length ? '' : ' Nothing more to undo.'}`
  }

  /** The state an undo asked for, if any (once). */
  takeRequest(): LabSnapshot | undefined {
    const p = this.pending
    this.pending = undefined
    return p
  }

  get size(): number {
    return this.entries.length
  }

  clear(): void {
    this.entries = []
    this.last = undefined
    this.pending = undefined
  }
}

/** What changes when objects, the clock, files or variables change (not the audit record alone). */
export function fingerprintOf(cluster: Cluster, shell: Shell): string {
  // (PIPESTATUS changes with every command: bash keeps it, nobody set it)
  const vars = Object.entries(shell.variables()).filter(([k]) => k !== 'PIPESTATUS' && k !== `${ARRAY_KEY}PIPESTATUS`)
  const files = shell.fs instanceof MemoryFs ? shell.fs.contentDigest() : shell.fs.snapshot()
  return JSON.stringify([cluster.now(), cluster.context.store.resourceVersion(), shell.fs.cwd(), files, vars])
}
