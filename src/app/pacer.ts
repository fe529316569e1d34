// The worker's pacing of live commands (LabServices.pace, used by watch): a timer per wait, and
// Ctrl+C cuts the wait short (the command then ends as its SIGINT handler would) instead of
// stopping the command line. Timers live here, in the host, never in the pure core.

export class Pacer {
  private wake: (() => void) | undefined

  /** `waiting`: told when a wait starts and when it ends (the page's time budget does not count the waits). */
  constructor(private waiting: (on: boolean) => void = () => {}) {}

  /** Wait `ms` of real time: true when it passed, false when Ctrl+C came first. */
  readonly pace = (ms: number): Promise<boolean> => {
    this.waiting(true)
    return new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => {
        this.wake = undefined
        this.waiting(false)
        resolve(true)
      }, ms)
      this.wake = () => {
        clearTimeout(timer)
        this.wake = undefined
        this.waiting(false)
        resolve(false)
      }
    })
  }

  /** Ctrl+C: ends a pending wait. Returns whether one was pending (then the line is not stopped). */
  interrupt(): boolean {
    const wake = this.wake
    wake?.()
    return wake !== undefined
  }
}
