// The page's one UI store, made of slices: terminal, clock, selection, timeline view and the
// lab's projection (a `lesson` slice joins them the same way: add it to AppState and to
// createAppStore). This folder is the only importer of zustand. React reads the store through
// useApp(), which announces changes once per task: a command writes several times (echo, busy,
// output chunks, the lab's update) and React renders once. That is the one batching scheme.

import { useStore } from 'zustand'
import { createStore, type StoreApi } from 'zustand/vanilla'
import { clockSlice, type ClockSlice } from './slices/clock'
import { labSlice, type LabSlice } from './slices/lab'
import { lessonSlice, type LessonSlice } from './slices/lesson'
import { selectionSlice, type SelectionSlice } from './slices/selection'
import { terminalSlice, type TerminalSlice } from './slices/terminal'
import { timelineSlice, type TimelineSlice } from './slices/timelineView'
import type { SliceMaker, SliceSet } from './slices/types'

export interface AppState {
  terminal: TerminalSlice
  clock: ClockSlice
  selection: SelectionSlice
  timeline: TimelineSlice
  lab: LabSlice
  lesson: LessonSlice
}

export type AppStore = StoreApi<AppState>

export function createAppStore(): AppStore {
  return createStore<AppState>()((set, get) => {
    const slice = <K extends keyof AppState>(key: K, make: SliceMaker<K>): AppState[K] => {
      const setSlice: SliceSet<K> = (patch) =>
        set((s) => ({ [key]: { ...s[key], ...(typeof patch === 'function' ? patch(s[key]) : patch) } }) as unknown as Partial<AppState>)
      return make(setSlice, () => get()[key])
    }
    return {
      terminal: slice('terminal', terminalSlice),
      clock: slice('clock', clockSlice),
      selection: slice('selection', selectionSlice),
      timeline: slice('timeline', timelineSlice),
      lab: slice('lab', labSlice),
      lesson: slice('lesson', lessonSlice),
    }
  })
}

const batchedViews = new WeakMap<AppStore, AppStore>()

/** The store with its change notices batched: listeners hear once per task, not once per write. */
export function batched(store: AppStore): AppStore {
  const cached = batchedViews.get(store)
  if (cached) return cached
  const listeners = new Set<(s: AppState, p: AppState) => void>()
  let scheduled = false
  let prev = store.getState()
  const flush = () => {
    scheduled = false
    const s = store.getState()
    const p = prev
    prev = s
    listeners.forEach((l) => l(s, p))
  }
  const channel = typeof MessageChannel === 'function' ? new MessageChannel() : undefined
  if (channel) channel.port1.onmessage = flush
  store.subscribe(() => {
    if (scheduled) return
    scheduled = true
    if (channel) channel.port2.postMessage(0)
    else setTimeout(flush, 0)
  })
  const view: AppStore = {
    ...store,
    subscribe: (l) => {
      listeners.add(l)
      return () => listeners.delete(l)
    },
  }
  batchedViews.set(store, view)
  return view
}

/** The page's one store. */
export const appStore = createAppStore()

/** React hook: a part of the page's store (re-renders, once per task, only when it changed). */
export function useApp<T>(selector: (s: AppState) => T): T {
  return useStore(batched(appStore), selector)
}

/** React hook for a given store (components that are handed one, and their tests). */
export function useAppStore<T>(store: AppStore, selector: (s: AppState) => T): T {
  return useStore(batched(store), selector)
}

/** React hook: a part of the terminal slice of a given store. */
export function useTerminal<T>(store: AppStore, selector: (t: AppState['terminal']) => T): T {
  return useStore(batched(store), (s) => selector(s.terminal))
}

/** The page's selection (what the decoder and the why panel show). */
export const selection = { getState: () => appStore.getState().selection }
export const useSelection = <T>(selector: (s: AppState['selection']) => T): T => useApp((s) => selector(s.selection))

/** The page's timeline view (its actions: slices/timelineActions.ts). */
export const useTimelineView = <T>(selector: (s: AppState['timeline']) => T): T => useApp((s) => selector(s.timeline))

/** The lesson panel's part of the store. */
export const useLesson = <T>(selector: (s: AppState['lesson']) => T): T => useApp((s) => selector(s.lesson))

/** The page's projection of the lab. */
export const useLab = <T>(selector: (s: AppState['lab']) => T): T => useApp((s) => selector(s.lab))
