// How much of the shell's history a saved lab keeps (like bash's HISTFILESIZE): the latest
// entries. Pure and additive: persistence applies it to what it stores.

import type { ShellState } from './shell'

/** History entries a saved lab keeps. */
export const HISTORY_KEEP = 1_000

export function compactShellState(state: ShellState, keep: number = HISTORY_KEEP): ShellState {
  return state.history.length > keep ? { ...state, history: state.history.slice(-keep) } : state
}
