// When start-up has settled (src/ui/layout/startupGate.ts): the lab is ready, the terminal has
// nothing left to run (lines typed during start-up have their answers) and no key went down for
// a moment (checked every 50 ms). Capped: a student who keeps typing gets the panels anyway.

export interface SettleOptions {
  /** Resolves when the lab is ready (or could not start). */
  ready: Promise<unknown>
  /** Nothing queued or running in the terminal. */
  idle(): boolean
  /** How long the keyboard stays quiet first (ms). */
  quietMs?: number
  /** The longest wait after the lab is ready (ms). */
  maxMs?: number
}

export function settleWhenQuiet(o: SettleOptions, settle: () => void): void {
  const quietMs = o.quietMs ?? 250
  const maxMs = o.maxMs ?? 2500
  let lastKey = -Infinity
  const onKey = () => {
    lastKey = performance.now()
  }
  addEventListener('keydown', onKey, { capture: true, passive: true })
  const finish = () => {
    removeEventListener('keydown', onKey, { capture: true })
    settle()
  }
  const begin = () => {
    const since = performance.now()
    const check = () => {
      const now = performance.now()
      if (now - since >= maxMs || (o.idle() && now - lastKey >= quietMs)) finish()
      else setTimeout(check, 50)
    }
    check()
  }
  o.ready.then(begin, begin)
}
