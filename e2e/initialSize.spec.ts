// The first screen's download stays small: index.html's entry script, every module it imports
// statically and its style sheets, gzipped at level 9, at most 80 KiB (React DOM alone is about
// 63 of them). Measured from the server the suite runs against (a fresh build, see
// playwright.config.ts), so the figure is the build being tested. Lessons, panels, share and
// import code, the lab's worker and the editor load later and do not count.

import { expect, test } from '@playwright/test'
import { initialFiles } from './support/initialSize'

const BUDGET_KIB = 80

test('initial JS and CSS are at most 80 KiB gzip', async ({ request, baseURL }) => {
  const files = await initialFiles(`${baseURL}/`, async (url) => {
    const r = await request.get(url)
    expect(r.ok(), url).toBe(true)
    return r.text()
  })
  const names = files.map((f) => new URL(f.url).pathname)
  // The measure found the entry script and React (a broken parse would measure nothing).
  expect(names.some((n) => /\/assets\/index-[\w-]+\.js$/.test(n))).toBe(true)
  const total = files.reduce((a, f) => a + f.gz, 0) / 1024
  const report = files.map((f) => `${(f.gz / 1024).toFixed(1).padStart(6)} KiB  ${new URL(f.url).pathname}`).join('\n')
  test.info().annotations.push({ type: 'initial size', description: `${total.toFixed(2)} KiB\n${report}` })
  expect(total > 60, `React alone is about 63 KiB; measured ${total.toFixed(2)}:\n${report}`).toBe(true)
  expect(total, `initial JS+CSS ${total.toFixed(2)} KiB gzip, over ${BUDGET_KIB}:\n${report}`).toBeLessThanOrEqual(BUDGET_KIB)
})
