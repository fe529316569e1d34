import { chromium } from '@playwright/test'
const browser = await chromium.launch({ executablePath: '/usr/lib/chromium/chromium-headless-shell', args: ['--disable-gpu', '--disable-quic'] })
const ctx = await browser.newContext({ serviceWorkers: 'block' })
const page = await ctx.newPage()
await browser.startTracing(page, { path: '/tmp/st.json', categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', 'blink.user_timing', 'loading', 'netlog'] })
await page.addInitScript(() => {
  window.__t = {}
  new MutationObserver(() => { if (window.__t.ans === undefined && [...document.querySelectorAll('.t-line')].some((l) => /^NAME/.test(l.textContent ?? ''))) window.__t.ans = performance.now() }).observe(document, { childList: true, subtree: true })
})
const nav = page.goto('http://127.0.0.1:4199/')
await page.waitForFunction(() => { const a = document.activeElement; return a instanceof HTMLInputElement && a.getAttribute('aria-label') === 'Command line' && !a.disabled }, null, { polling: 5 })
const typedAt = await page.evaluate(() => performance.now())
await page.keyboard.type('kubectl get ns')
await page.keyboard.press('Enter')
await page.waitForFunction(() => window.__t.ans !== undefined)
const ans = await page.evaluate(() => window.__t.ans)
await nav
await browser.stopTracing()
console.log('input at', typedAt.toFixed(0), 'answer at', ans.toFixed(0))
await browser.close()
