import { test } from '@playwright/test'
import { openLab } from '../e2e/support/terminal'
import { FIRST_403, runLines } from '../e2e/support/article'
for (const [i, block] of [false, true, false, true].entries()) test(`prof4 ${i} block=${block}`, async ({ page }) => {
  test.setTimeout(300_000)
  if (block) await page.route(/\/assets\/(MonacoPane|editor\.api|monacoSetup)[^/]*\.js$/, (r) => r.abort())
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Performance.enable')
  const t0 = Date.now()
  await openLab(page, '/?seed=1')
  const tOpen = Date.now() - t0
  await runLines(page, FIRST_403)
  await page.waitForTimeout(8000)
  const m = await cdp.send('Performance.getMetrics')
  const g = (n: string) => m.metrics.find((x) => x.name === n)?.value
  console.log(`block=${block} open ${tOpen} ms; main-thread task ${g('TaskDuration')?.toFixed(2)} s script ${g('ScriptDuration')?.toFixed(2)} layout ${g('LayoutDuration')?.toFixed(2)} style ${g('RecalcStyleDuration')?.toFixed(2)}`)
})
