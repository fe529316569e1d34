// What the panels (decoder, timeline, clock controls, why-this-answer, editor) share: the lab as
// they see it, a version that changes whenever the lab changed (a command ran, the clock moved),
// the lab clock, and the current selection (a token, a request). The only zustand stores of
// the panels live here, so panels stay plain components that select from them.

import { useStore } from 'zustand'
import { createStore, type StoreApi } from 'zustand/vanilla'
import type { AuditEntry } from '../cluster/audit/audit'
import type { TokenSchedule } from '../cluster/components'
import type { Fact } from '../cluster/events/facts'
import type { DecodedJwt } from '../jwt/decode'
import type { TokenInspection } from '../jwt/inspect'
import type { EditRequest } from '../shell/types'

export type { AuditEntry, DecodedJwt, EditRequest, Fact, TokenInspection, TokenSchedule }

/** The parts of the Lab (src/app/lab.ts) the panels use; the real Lab satisfies it. */
export interface PanelLab {
  readonly seed?: string
  nowMs(): number
  advance(duration: string | number): Promise<string>
  facts(): readonly Fact[]
  audit(): readonly AuditEntry[]
  inspectToken(token: string): Promise<TokenInspection>
  jwks(): { keys: (JsonWebKey & { kid: string })[] }
  tokenSchedules(fromMs: number, toMs: number, max?: number): TokenSchedule[]
  nextDueAt(): number | undefined
  variables(): Record<string, string>
  seenTokens(): Record<string, string>
  readFile(path: string): string | undefined
  writeFile(path: string, text: string): void
  onChange(cb: () => void): () => void
  onEditRequest(handler: (request: EditRequest) => Promise<string | undefined>): void
}

export interface LabViewState {
  lab?: PanelLab
  /** Bumped after every change of the lab: selectors recompute from the lab when it moves. */
  version: number
  /** The lab time (ms) as of the last change. */
  nowMs: number
  setLab(lab: PanelLab): void
  /** Note that the lab changed (the terminal's controller and the clock controls call this). */
  bump(): void
}

export function createLabView(): StoreApi<LabViewState> {
  let unsubscribe: (() => void) | undefined
  return createStore<LabViewState>((set, get) => ({
    version: 0,
    nowMs: 0,
    setLab(lab) {
      unsubscribe?.()
      // Panels follow the lab in the next task, not inside the command: the terminal shows a
      // command's answer first, and several changes in a row cost one panel update.
      let pending: ReturnType<typeof setTimeout> | undefined
      unsubscribe = lab.onChange(() => {
        pending ??= setTimeout(() => {
          pending = undefined
          get().bump()
        }, 0)
      })
      set({ lab, nowMs: lab.nowMs(), version: get().version + 1 })
    },
    bump() {
      const lab = get().lab
      set({ version: get().version + 1, nowMs: lab ? lab.nowMs() : get().nowMs })
    },
  }))
}

/** The page's one lab view. */
export const labView = createLabView()

export function useLabView<T>(selector: (s: LabViewState) => T): T {
  return useStore(labView, selector)
}

export interface SelectionState {
  /** The token the decoder shows. */
  token?: string
  /** A second token to compare with, side by side. */
  compareWith?: string
  /** The audit entry (index into lab.audit()) the why-this-answer panel explains; undefined = the latest. */
  requestIndex?: number
  selectToken(token: string | undefined): void
  setCompare(token: string | undefined): void
  selectRequest(index: number | undefined): void
}

export function createSelection(): StoreApi<SelectionState> {
  return createStore<SelectionState>((set) => ({
    selectToken: (token) => set({ token }),
    setCompare: (compareWith) => set({ compareWith }),
    selectRequest: (requestIndex) => set({ requestIndex }),
  }))
}

/** The page's one selection: the timeline and the terminal select, the decoder and why panel show. */
export const selection = createSelection()

export function useSelection<T>(selector: (s: SelectionState) => T): T {
  return useStore(selection, selector)
}
