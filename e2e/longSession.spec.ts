// A long session: 4,000 commands, then a reload. The last command's effect survives the reload
// (the lab saves from its worker after every command), and a typed command's round trip (the
// Enter key to its output in the DOM, measured inside the page) at the end is within 1.3x of
// the start: saving and the lab's growing state do not slow typing down.
// Tagged @slow: 4,000 commands, each echoed and rendered in the terminal and the panels, take
// minutes on a loaded machine (about 50 ms a command on 2 shared cores); the suite still runs it
// (`--grep-invert @slow` leaves it out).
import { expect, test, type Page } from '@playwright/test'
import { commandLine, openLab, waitIdle } from './support/terminal'

const COMMANDS = 4_000
const SAMPLES = 7

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[s.length >> 1]
}

/** Type `kubectl get ns` and time the Enter key to its first output line in the DOM (page clock). */
async function typedRoundTrip(page: Page): Promise<number> {
  const input = commandLine(page)
  await input.fill('kubectl get ns')
  const timing = page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const log = document.querySelector('[role="log"][aria-label="Terminal output"]')!
        let t0 = -1
        const onKey = (e: KeyboardEvent) => {
          if (e.key === 'Enter') t0 = performance.now()
        }
        document.addEventListener('keydown', onKey, { capture: true })
        const obs = new MutationObserver((records) => {
          if (t0 < 0) return
          for (const r of records)
            for (const n of r.addedNodes)
              if (n instanceof HTMLElement && n.classList.contains('t-line') && /^NAME\s+STATUS\s+AGE$/.test(n.textContent ?? '')) {
                const t = performance.now() - t0
                obs.disconnect()
                document.removeEventListener('keydown', onKey, { capture: true })
                resolve(t)
                return
              }
        })
        obs.observe(log, { childList: true, subtree: true })
        setTimeout(() => reject(new Error('no output within 20 s')), 20_000)
      }),
  )
  // let the listener be installed before the key goes down
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(undefined))))
  await input.press('Enter')
  const t = await timing
  await waitIdle(page)
  return t
}

async function roundTrips(page: Page): Promise<number> {
  await typedRoundTrip(page) // warm-up
  const xs: number[] = []
  for (let i = 0; i < SAMPLES; i++) xs.push(await typedRoundTrip(page))
  return median(xs)
}

test('4,000 commands, then a reload: the last command is there, and typing is as quick as at the start', { tag: '@slow' }, async ({ page }) => {
  test.setTimeout(900_000)
  await openLab(page, '/?seed=1')
  const start = await roundTrips(page)

  // 4,000 cheap commands through window.lab (shown in the terminal like typed ones), in batches.
  const t0 = Date.now()
  const failed = await page.evaluate(async (n) => {
    let bad = 0
    for (let i = 0; i < n; i += 500) {
      const batch: Promise<{ exitCode: number }>[] = []
      for (let j = i; j < Math.min(n, i + 500); j++) batch.push(window.lab!.run(j % 2 ? `echo line ${j}` : 'kubectl get ns'))
      bad += (await Promise.all(batch)).filter((r) => r.exitCode !== 0).length
    }
    return bad
  }, COMMANDS - 1)
  expect(failed).toBe(0)
  await page.evaluate(() => window.lab!.run('kubectl create namespace the-last-one'))
  const ran = Date.now() - t0
  await waitIdle(page)

  const end = await roundTrips(page)
  console.log(`long session: ${COMMANDS} commands in ${(ran / 1000).toFixed(1)} s; typed round trip ${start.toFixed(1)} ms at the start, ${end.toFixed(1)} ms at the end`)
  expect(end).toBeLessThanOrEqual(1.3 * start)

  await page.reload()
  await page.evaluate(() => window.lab!.ready)
  await waitIdle(page)
  const got = await page.evaluate(() => window.lab!.run('kubectl get ns the-last-one -o name'))
  expect(got.stdout).toBe('namespace/the-last-one\n')
  expect(await page.getByText(/^Restored your lab as you left it/).count()).toBe(1)
})
