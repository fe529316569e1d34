import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'
import { openLab, typeCommand } from '../e2e/support/terminal'
import { FIRST_403, runLines } from '../e2e/support/article'
test('prof3', async ({ page }) => {
  test.setTimeout(300_000)
  let t = Date.now()
  const lap = (what: string) => { const n = Date.now(); console.log(what, n - t); t = n }
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto('/?seed=1'); lap('goto')
  await openLab(page, '/?seed=1'); lap('open (2nd goto)')
  await runLines(page, FIRST_403); lap('runLines 5')
  await expect(page.locator('.pane-loading')).toHaveCount(0); lap('panes')
  await typeCommand(page, 'echo a'); lap('type echo')
  await page.evaluate(() => window.lab!.run('echo b')); lap('run echo')
  const r = await new AxeBuilder({ page }).analyze(); lap('axe ' + r.violations.length)
  await page.screenshot(); lap('screenshot')
})
