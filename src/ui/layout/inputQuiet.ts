// Waiting for a pause of the keyboard and the mouse: the editor's preload and the worker's warm-up
// start at the first one after start-up, so they never land among a student's keystrokes. A module
// of its own, outside the first screen's script (both users load later).

/** Run `fn` once the keyboard and the mouse have been left alone for `ms` (counted from now). */
export function afterInputQuiet(ms: number, fn: () => void): void {
  let last = performance.now()
  const onInput = () => {
    last = performance.now()
  }
  const opts = { capture: true, passive: true }
  addEventListener('keydown', onInput, opts)
  addEventListener('pointerdown', onInput, opts)
  const check = () => {
    const wait = last + ms - performance.now()
    if (wait > 0) {
      setTimeout(check, wait)
      return
    }
    removeEventListener('keydown', onInput, opts)
    removeEventListener('pointerdown', onInput, opts)
    fn()
  }
  setTimeout(check, ms)
}
