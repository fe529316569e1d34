// The UI's projection of the lab: what the terminal shows, whether a command runs, the lab clock.
// This folder is the only importer of zustand; components read it through useTerminal().

import { createStore, type StoreApi } from 'zustand/vanilla'
import { useStore } from 'zustand'
import { echoInput, emptyScreen, notice, write, type Screen, type Segment, type SegmentKind } from './lines'

export const PS1 = 'root@workstation:~# '

/** bash's `\u@\h:\w\$ ` for root: the working directory, with the home folder shown as `~`. */
export function promptFor(cwd: string | undefined, home = '/root'): string {
  if (!cwd || cwd === home) return PS1
  const w = cwd.startsWith(`${home}/`) ? `~${cwd.slice(home.length)}` : cwd
  return `root@workstation:${w}# `
}
export const PS2 = '> '

export type ClockMode = 'realtime' | 'still'

export interface LabClockView {
  /** Lab time (ms since the epoch), as of the last command or clock tick. */
  labMs: number
  /** Wall time (ms) from which the clock's current rate counts. */
  wallAnchor: number
  /** How the lab started: `realtime` (no seed: playing at 1×) or `still` (seeded: paused). */
  mode: ClockMode
  /** Whether wall time moves the lab clock now (the ticker applies it every 250 ms). */
  playing: boolean
  /** Lab ms per wall ms while playing: 1 (real time) up to 3600 (an hour per second). */
  speed: number
}

export interface TerminalState extends Screen {
  /** Prompt shown before the input: PS1, or PS2 while a command needs more lines. */
  prompt: string
  /** A command (or a queue of typed-ahead lines) is being run. */
  busy: boolean
  /** The lab has been created (before that, typed lines wait in a queue). */
  ready: boolean
  /** Lines typed while the lab starts or a command runs, not yet echoed. */
  queued: number
  /** One short sentence about the lab's state, for the status region. */
  status: string
  clock: LabClockView | undefined
}

export interface TerminalActions {
  write(kind: SegmentKind, text: string): void
  echo(prompt: string, input: string, suffix?: string): void
  notice(text: string, kind?: 'note' | 'warn'): void
  clear(): void
  setLines(lines: Segment[][], partial?: Segment[]): void
  set(patch: Partial<Pick<TerminalState, 'prompt' | 'busy' | 'ready' | 'queued' | 'status' | 'clock'>>): void
}

export type TerminalStore = StoreApi<TerminalState & TerminalActions>

export function createTerminalStore(): TerminalStore {
  return createStore<TerminalState & TerminalActions>()((set) => ({
    ...emptyScreen(),
    prompt: PS1,
    busy: false,
    ready: false,
    queued: 0,
    status: 'Starting the lab…',
    clock: undefined,
    write: (kind, text) => set((s) => write(s, kind, text)),
    echo: (prompt, input, suffix) => set((s) => echoInput(s, prompt, input, suffix)),
    notice: (text, kind) => set((s) => notice(s, text, kind)),
    clear: () => set({ lines: [], partial: [] }),
    setLines: (lines, partial = []) =>
      set((s) => ({
        lines: lines.map((segs, i) => ({ id: s.nextId + i, segs })),
        partial,
        nextId: s.nextId + lines.length,
      })),
    set: (patch) => set(patch),
  }))
}

/**
 * The store as React sees it: changes are announced once per task, not once per write. A command
 * writes several times (echo, busy, output chunks, clock) within one chain of microtasks; React
 * then renders once instead of after each write (useSyncExternalStore renders synchronously).
 */
const batchedViews = new WeakMap<TerminalStore, TerminalStore>()

function batchedView(store: TerminalStore): TerminalStore {
  const cached = batchedViews.get(store)
  if (cached) return cached
  const listeners = new Set<(s: TerminalState & TerminalActions, p: TerminalState & TerminalActions) => void>()
  let scheduled = false
  const flush = () => {
    scheduled = false
    const s = store.getState()
    listeners.forEach((l) => l(s, s))
  }
  const channel = typeof MessageChannel === 'function' ? new MessageChannel() : undefined
  if (channel) channel.port1.onmessage = flush
  store.subscribe(() => {
    if (scheduled) return
    scheduled = true
    if (channel) channel.port2.postMessage(0)
    else setTimeout(flush, 0)
  })
  const view: TerminalStore = {
    ...store,
    subscribe: (l) => {
      listeners.add(l)
      return () => listeners.delete(l)
    },
  }
  batchedViews.set(store, view)
  return view
}

/** React hook: a slice of the terminal state (re-renders only when the slice changes). */
export function useTerminal<T>(store: TerminalStore, selector: (s: TerminalState & TerminalActions) => T): T {
  return useStore(batchedView(store), selector)
}
