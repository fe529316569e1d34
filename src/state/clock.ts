// The lab clock as the page runs it: paused or playing at a speed (lab ms per wall ms), the lab
// time owed for the wall time that passed, and the ticker that pays it while playing. The
// cluster never reads the wall clock; this layer turns wall time into `lab.advance(ms)` calls.

/** Speeds offered: real time up to an hour of lab time per second. */
export const SPEEDS = [1, 10, 60, 600, 3600] as const

/** How often the ticker moves the lab while playing (wall ms). */
export const TICK_MS = 250

/** The rate at which wall time turns into lab time, and what it owes so far. */
export class RateClock {
  playing = false
  speed = 1
  /** Wall time (ms) from which the current rate counts. */
  anchor: number
  /** Lab ms owed at earlier rates (or the fraction left over), not yet applied. */
  private debt = 0

  constructor(private readonly wallNow: () => number) {
    this.anchor = wallNow()
  }

  private owedNow(now: number): number {
    return this.debt + (this.playing ? (now - this.anchor) * this.speed : 0)
  }

  /** Start counting afresh from now (after attach, restore, reset). */
  reset(playing: boolean, speed = this.speed): void {
    this.anchor = this.wallNow()
    this.debt = 0
    this.playing = playing
    this.speed = speed
  }

  /** Change play state or speed; what was owed at the old rate stays owed. */
  set(playing: boolean, speed: number): void {
    const now = this.wallNow()
    this.debt = this.owedNow(now)
    this.anchor = now
    this.playing = playing
    this.speed = speed
  }

  /**
   * The lab moved by `ms` for wall time that passed (a live command's round while the ticker waits
   * for the command): owed no more. What it moved beyond the debt (paused, or a slower rate) is no debt.
   */
  pay(ms: number): void {
    const now = this.wallNow()
    this.debt = Math.max(0, this.owedNow(now) - ms)
    this.anchor = now
  }

  /** The whole lab ms owed now (to pass to lab.advance); the fraction stays owed. */
  take(): number {
    const now = this.wallNow()
    const owed = this.owedNow(now)
    const whole = Math.max(0, Math.floor(owed))
    this.debt = owed - whole
    this.anchor = now
    return whole
  }
}

/**
 * The lab time a clock view stands for at wall time `wallNow`: the lab time of the last tick plus
 * what the wall time since then owes (so the display reads what `lab now` would print).
 */
export function displayedLabMs(
  view: { labMs: number; wallAnchor: number; playing: boolean; speed: number },
  wallNow: number = Date.now(),
): number {
  return view.labMs + (view.playing ? Math.floor(Math.max(0, wallNow - view.wallAnchor) * view.speed) : 0)
}

/** What the ticker drives (the terminal's controller). */
export interface ClockDriven {
  tick(): void
}

export interface TickerSource {
  getState(): { clock?: { playing: boolean; speed: number } }
  subscribe(listener: () => void): () => void
}

/**
 * While the clock plays, call `driven.tick()` every TICK_MS. The interval restarts whenever the
 * play state or speed changes, so ticks fall at whole TICK_MS steps after the change. Returns stop.
 */
export function startClockTicker(source: TickerSource, driven: ClockDriven, everyMs = TICK_MS): () => void {
  let timer: ReturnType<typeof setInterval> | undefined
  let key = ''
  const update = () => {
    const c = source.getState().clock
    const next = c && c.playing ? `play:${c.speed}` : 'paused'
    if (next === key) return
    key = next
    if (timer !== undefined) clearInterval(timer)
    timer = c && c.playing ? setInterval(() => driven.tick(), everyMs) : undefined
  }
  update()
  const unsubscribe = source.subscribe(update)
  return () => {
    unsubscribe()
    if (timer !== undefined) clearInterval(timer)
    timer = undefined
  }
}

/** `2h3m`, `45s`, `365d`: a short lab duration for labels (largest two units). */
export function shortDuration(ms: number): string {
  let s = Math.max(0, Math.round(ms / 1000))
  const units: [string, number][] = [
    ['d', 86_400],
    ['h', 3_600],
    ['m', 60],
    ['s', 1],
  ]
  const parts: string[] = []
  for (const [u, n] of units) {
    if (s >= n || (u === 's' && parts.length === 0)) {
      parts.push(`${Math.floor(s / n)}${u}`)
      s %= n
    }
    if (parts.length === 2) break
  }
  return parts.join('')
}

/** How a speed reads: `1× (real time)`, `60× (1 min/s)`, `3600× (1 h/s)`. */
export function speedLabel(speed: number): string {
  if (speed === 1) return '1× (real time)'
  if (speed % 3600 === 0) return `${speed}× (${speed / 3600} h/s)`
  if (speed % 60 === 0) return `${speed}× (${speed / 60} min/s)`
  return `${speed}×`
}
