// Timeline redraw after a clock step, with 50 pods and a year of lab time (called by bench.mjs).
//
// In the built page (seed 1): 50 pods through window.lab.run, a year of lab time
// (window.lab.advance('365d')), then repeated one-minute clock steps. Each step bumps the lab
// view; the timeline measures (src/ui/timeline/useTimelineData.ts) "timeline-redraw", from its
// starting to render the new version to its committed and laid-out DOM, and
// "timeline-redraw-page", from the bump (so with the other panels' renders before it), and says
// which lab view version it drew in data-rendered-version. The lab's own work in advance() does
// not count. The view follows the clock, so every step moves every visible mark.

export const TIMELINE_PODS = 50

/** Run in a fresh page; returns { samples: number[] (ms), steps, pods, marks, rows, error? }. */
export async function benchTimeline(browser, url, { steps = 60, warmup = 5 } = {}) {
  const ctx = await browser.newContext({ viewport: { width: 1400, height: Number(process.env.BENCH_VIEWPORT_H ?? 900) } })
  const page = await ctx.newPage()
  try {
    // the timeline measures its redraws only where asked (src/ui/timeline/redrawTiming.ts)
    await page.addInitScript(() => {
      window.__tokenlabRedrawTiming = true
    })
    await page.goto(`${url}/?seed=1`)
    await page.waitForFunction(() => window.lab !== undefined)
    await page.evaluate(() => window.lab.ready)
    await page.waitForSelector('section.tl[data-rendered-version]', { timeout: 30_000 })
    return await page.evaluate(
      async ({ pods, steps, warmup }) => {
        const root = document.querySelector('section.tl')
        const rendered = () => Number(root.getAttribute('data-rendered-version'))
        const drawn = (after) =>
          new Promise((resolve, reject) => {
            const t0 = performance.now()
            const check = () => {
              if (rendered() > after) resolve()
              else if (performance.now() - t0 > 10_000) reject(new Error('the timeline did not redraw within 10 s'))
              else requestAnimationFrame(check)
            }
            check()
          })
        const lab = window.lab
        await lab.run('kubectl create ns b')
        for (let i = 0; i < pods; i++) await lab.run(`kubectl -n b run p${i} --image=busybox -- sleep 1`)
        await lab.advance('30s')
        let v = rendered()
        await lab.advance('365d')
        await drawn(v)
        const samples = []
        const page = []
        const wall = []
        for (let i = 0; i < warmup + steps; i++) {
          v = rendered()
          performance.clearMeasures('timeline-redraw')
          performance.clearMeasures('timeline-redraw-page')
          const t = performance.now()
          await lab.advance('1m')
          await drawn(v)
          const m = performance.getEntriesByName('timeline-redraw').at(-1)
          const mp = performance.getEntriesByName('timeline-redraw-page').at(-1)
          if (i >= warmup && m) {
            samples.push(m.duration)
            if (mp) page.push(mp.duration)
            wall.push(performance.now() - t)
          }
        }
        return {
          samples,
          page,
          wall,
          steps,
          pods,
          rows: root.querySelectorAll('.tl-row').length,
          lanesHeight: root.querySelector('.tl-lanes')?.clientHeight,
          marks: root.querySelectorAll('.tl-mark').length,
        }
      },
      { pods: TIMELINE_PODS, steps, warmup },
    )
  } catch (e) {
    return { samples: [], page: [], wall: [], error: e instanceof Error ? e.message.split('\n')[0] : String(e) }
  } finally {
    await ctx.close()
  }
}

// Alone: `node scripts/benchTimeline.mjs http://127.0.0.1:4173` against a running preview.
if (import.meta.url === `file://${process.argv[1]}` && process.argv[2]) {
  const { chromium } = await import('playwright-core')
  const { existsSync } = await import('node:fs')
  const exe = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  const browser = await chromium.launch({ executablePath: existsSync(exe) ? exe : undefined, args: ['--disable-gpu', '--disable-quic'] })
  try {
    const r = await benchTimeline(browser, process.argv[2].replace(/\/$/, ''), { steps: Number(process.env.BENCH_STEPS ?? 60) })
    const s = [...r.samples].sort((a, b) => a - b)
    const q = (p) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]
    const pg = [...r.page].sort((a, b) => a - b)
    console.log(JSON.stringify({ error: r.error, steps: s.length, lanesHeight: r.lanesHeight, rows: r.rows, marks: r.marks, median: q(0.5), p95: q(0.95), max: s.at(-1), pageMedian: pg[pg.length >> 1], wallMedian: [...r.wall].sort((a, b) => a - b)[r.wall.length >> 1] }))
  } finally {
    await browser.close()
  }
}
