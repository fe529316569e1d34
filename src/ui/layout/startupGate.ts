// What the first screen does not need (the panels, the editor's preload, the offline cache) waits
// until start-up has settled: the lab is ready, what was typed meanwhile has its answer and the
// keyboard has been quiet a moment (the page decides when: src/app/settleStartup.ts). So keys
// typed while the lab starts, and the first command's answer, never wait behind that work.

import { useSyncExternalStore } from 'react'

let settled = false
let waiting: (() => void)[] = []

/** Has start-up settled? */
export const startupSettled = (): boolean => settled

/** Start-up has settled: run everything that waited for it (once; later calls do nothing). */
export function settleStartup(): void {
  settled = true
  const fns = waiting
  waiting = []
  fns.forEach((fn) => fn())
}

/** Run `fn` once start-up has settled (now if it has); returns a cancel function. */
export function whenStartupSettled(fn: () => void): () => void {
  if (settled) fn()
  else waiting.push(fn)
  return () => {
    waiting = waiting.filter((f) => f !== fn)
  }
}

/** A component's view of it: false until start-up has settled, then true. */
export const useStartupSettled = (): boolean => useSyncExternalStore(whenStartupSettled, startupSettled, startupSettled)
