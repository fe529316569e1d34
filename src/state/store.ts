// The page's one UI store, made of slices: terminal, clock, selection, timeline view and the
// lab's projection (a `lesson` slice joins them the same way: add it to AppState and to
// createAppStore). This folder is the only importer of zustand. React reads the store through
// useApp(), which announces changes once per task: a command writes several times (echo, busy,
// the lab's update) and the panels render once. The terminal (useTerminal) hears its own slice
// at once instead, so that a command's output is in the DOM without waiting for the panels'
// render, which follows in a task of its own (notify.ts).

import { useStore } from 'zustand'
import { createStore, type StoreApi } from 'zustand/vanilla'
import { clockSlice, type ClockSlice } from './slices/clock'
import { labSlice, type LabSlice } from './slices/lab'
import { lessonSlice, type LessonSlice } from './slices/lesson'
import { selectionSlice, type SelectionSlice } from './slices/selection'
import { terminalSlice, type TerminalSlice } from './slices/terminal'
import { timelineSlice, type TimelineSlice } from './slices/timelineView'
import type { SliceMaker, SliceSet } from './slices/types'
import { batchedView, eagerView } from './notify'

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
      // A patch that changes nothing leaves the state as it is, and nobody hears of it: Enter's
      // `queued: 0` once woke the terminal, which asked for a frame that the command's answer then
      // waited behind (about 4 ms of every answer).
      const setSlice: SliceSet<K> = (patch) =>
        set((s) => {
          const now = s[key]
          const p = typeof patch === 'function' ? patch(now) : patch
          for (const k in p) if (p[k] !== now[k]) return { [key]: { ...now, ...p } } as unknown as Partial<AppState>
          return s
        })
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
const terminalViews = new WeakMap<AppStore, AppStore>()

/** The store with its change notices batched: listeners hear once per task, not once per write (notify.ts). */
export function batched(store: AppStore): AppStore {
  let view = batchedViews.get(store)
  if (!view) batchedViews.set(store, (view = batchedView(store)))
  return view
}

/** The store as the terminal hears it: a change of the terminal slice at once, a stream once per turn of the event loop (notify.ts). */
export function eagerTerminal(store: AppStore): AppStore {
  let view = terminalViews.get(store)
  if (!view) terminalViews.set(store, (view = eagerView(store, (s) => s.terminal)))
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

/** React hook: a part of the terminal slice of a given store (re-renders as soon as it changed: output is drawn first). */
export function useTerminal<T>(store: AppStore, selector: (t: AppState['terminal']) => T): T {
  return useStore(eagerTerminal(store), (s) => selector(s.terminal))
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
