// How a slice of the one UI store is made: it sees and sets only its own part of the state.

import type { AppState } from '../store'

export type SliceSet<K extends keyof AppState> = (patch: Partial<AppState[K]> | ((s: AppState[K]) => Partial<AppState[K]>)) => void

export type SliceMaker<K extends keyof AppState> = (set: SliceSet<K>, get: () => AppState[K]) => AppState[K]
