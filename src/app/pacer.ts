// The worker's pacing of live commands (LabServices.pace, used by watch): a timer per wait, and
// Ctrl+C cuts the wait short (the command then ends as its SIGINT handler would) instead of
// stopping the command line. Timers live here, in the host, never in the pure core.

export class Pacer {
  private wake: (() => void) | undefined

  /** Wait `ms` of real time: true when it passed, false when Ctrl+C came first. */
  readonly pace = (ms: number): Promise<boolean> =>
    new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => {
        this.wake = undefined
        resolve(true)
      }, ms)
      this.wake = () => {
        clearTimeout(timer)
        this.wake = undefined
        resolve(false)
      }
    })

  /** Ctrl+C: ends a pending wait. Returns whether one was pending (then the line is not stopped). */
  interrupt(): boolean {
    const wake = this.wake
    wake?.()
    return wake !== undefined
  }
}
