// What the first screen does not need (the panels, the editor's preload, the offline cache) waits
// until start-up has settled: the lab is ready, what was typed meanwhile has its answer and the
// keyboard has been quiet a moment (the page decides when: src/app/settleStartup.ts). So keys
// typed while the lab starts, and the first command's answer, never wait behind that work.

import { useSyncExternalStore } from 'react'

let settled = false
const waiting = new Set<() => void>()

/** Has start-up settled? */
export function startupSettled(): boolean {
  return settled
}

/** Start-up has settled: run everything that waited for it (once; later calls do nothing). */
export function settleStartup(): void {
  if (settled) return
  settled = true
  const fns = [...waiting]
  waiting.clear()
  for (const fn of fns) fn()
}

/** Run `fn` once start-up has settled (now if it has); returns a cancel function. */
export function whenStartupSettled(fn: () => void): () => void {
  if (settled) {
    fn()
    return () => {}
  }
  waiting.add(fn)
  return () => {
    waiting.delete(fn)
  }
}

/** A component's view of it: false until start-up has settled, then true. */
export function useStartupSettled(): boolean {
  return useSyncExternalStore(
    (cb) => whenStartupSettled(cb),
    startupSettled,
    () => false,
  )
}
