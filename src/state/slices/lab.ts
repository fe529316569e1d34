// The store's lab slice: the page's projection of the lab, what the panels read (facts, audit
// record, refresh schedules, shell variables, tokens seen, published key ids, jump targets).
// It changes only through `apply(update)` with the lab's updates (src/state/labPort.ts); the
// lab time goes to the clock slice. `version` moves with every update, `epoch` when the lab was
// replaced (a restore, a reset, a restarted worker).

import { applyList, type AuditEntry, type Fact, type LabClient, type LabUpdate, type ScheduleSet, type TargetSet } from '../labPort'
import type { SliceMaker } from './types'

export interface LabFields {
  /** The lab answers calls (set once it started). */
  client?: LabClient
  seed?: string
  version: number
  epoch: number
  cwd: string
  /** Set while `kubectl exec -it POD -- sh` holds the terminal: the container's prompt. */
  prompt?: string
  nextDueAt?: number
  facts: readonly Fact[]
  audit: readonly AuditEntry[]
  history: readonly string[]
  schedules: ScheduleSet
  variables: Record<string, string>
  seenTokens: Record<string, string>
  kids: readonly string[]
  targets: TargetSet
}

export interface LabSlice extends LabFields {
  setClient(client: LabClient | undefined): void
  /** Fold one of the lab's updates into the projection. */
  apply(update: LabUpdate): void
}

export const EMPTY_SCHEDULES: ScheduleSet = { to: -Infinity, list: [] }

export function labUpdateFields(s: LabFields, u: LabUpdate): Partial<LabFields> {
  // The lab marks an update that starts afresh with its epoch; the page counts its own (a
  // restarted worker counts from 1 again).
  const fresh = u.epoch !== undefined
  const base = fresh ? { facts: [], audit: [], history: [] as readonly string[] } : s
  return {
    version: s.version + 1,
    ...(fresh ? { epoch: s.epoch + 1 } : {}),
    ...(u.seed !== undefined ? { seed: u.seed } : {}),
    ...(u.cwd !== undefined ? { cwd: u.cwd } : {}),
    ...(u.prompt !== undefined ? { prompt: u.prompt ?? undefined } : {}),
    ...(u.nextDueAt !== undefined ? { nextDueAt: u.nextDueAt ?? undefined } : {}),
    facts: applyList(base.facts, u.facts),
    audit: applyList(base.audit, u.audit),
    history: applyList(base.history, u.history),
    ...(u.schedules ? { schedules: u.schedules } : fresh ? { schedules: EMPTY_SCHEDULES } : {}),
    ...(u.variables ? { variables: u.variables } : {}),
    ...(u.seenTokens ? { seenTokens: u.seenTokens } : {}),
    ...(u.kids ? { kids: u.kids } : {}),
    ...(u.targets ? { targets: u.targets } : {}),
  }
}

export const labSlice: SliceMaker<'lab'> = (set) => ({
  version: 0,
  epoch: 0,
  cwd: '/root',
  facts: [],
  audit: [],
  history: [],
  schedules: EMPTY_SCHEDULES,
  variables: {},
  seenTokens: {},
  kids: [],
  targets: { any: {} },
  setClient: (client) => set({ client }),
  apply: (update) => set((s) => labUpdateFields(s, update)),
})
