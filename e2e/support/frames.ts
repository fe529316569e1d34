// Records the gaps between animation frames while something runs: the page must keep drawing
// (no gap over 250 ms) whatever a command does, as the lab runs in a worker.
import type { Page } from '@playwright/test'

declare global {
  interface Window {
    __frames?: { gaps: number[]; stop: boolean }
  }
}

/** Start recording the gaps between animation frames. */
export const watchFrames = (page: Page) =>
  page.evaluate(() => {
    const rec = { gaps: [] as number[], stop: false }
    window.__frames = rec
    let last = performance.now()
    const frame = (t: number) => {
      rec.gaps.push(t - last)
      last = t
      if (!rec.stop) requestAnimationFrame(frame)
    }
    requestAnimationFrame(frame)
  })

/** Stop recording; the gaps (ms) after the first frame. */
export const stopFrames = (page: Page) =>
  page.evaluate(() => {
    window.__frames!.stop = true
    return window.__frames!.gaps.slice(1)
  })

/**
 * The longest gap the page may show while a command runs: 250 ms, plus twice what the same page
 * shows beyond a frame with nothing running (`idleMax`, measured just before). On a quiet machine
 * the idle gaps are one frame and the bar is 250 ms; on a machine busy with other work (the unit
 * suite runs beside the browser suite) the renderer itself is starved now and then, and that is
 * not the command's doing. A frozen page (a second or more) fails either way.
 */
export async function frameBar(page: Page, idleMs = 1000): Promise<number> {
  await watchFrames(page)
  await page.waitForTimeout(idleMs)
  const idle = await stopFrames(page)
  const idleMax = idle.length ? Math.max(...idle) : 0
  return 250 + 2 * Math.max(0, idleMax - 17)
}
