// scratch probe (not committed)
import { createRequire } from 'node:module'
const require = createRequire(process.cwd() + '/package.json')
const { chromium } = require('@playwright/test')
const [,, name, w, h, query, extra = ''] = process.argv
const base = process.env.BASE ?? 'http://127.0.0.1:4313'
const SA = '/var/run/secrets/kubernetes.io/serviceaccount'
const walk = ['kubectl create namespace sa-demo',
  'kubectl -n sa-demo run app --image=registry.k8s.io/e2e-test-images/agnhost:2.45 --command -- sleep 100000',
  'kubectl -n sa-demo wait --for=condition=Ready pod/app',
  `kubectl -n sa-demo exec app -- cat ${SA}/token | cut -d. -f2 | base64 -d | python3 -m json.tool`,
  `TOK=$(kubectl -n sa-demo exec app -- cat ${SA}/token)`,
  'curl -s -o /dev/null -w "HTTP %{http_code}\\n" --cacert ca.pem -H "Authorization: Bearer $TOK" https://$APISERVER/api/v1/namespaces/sa-demo/pods',
  'lab advance 49m', ...(extra ? extra.split(';;') : [])]
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--disable-gpu'] })
const mobile = name.includes('phone')
const ctx = await browser.newContext({ viewport: { width: +w, height: +h }, isMobile: mobile, hasTouch: mobile })
const page = await ctx.newPage()
await page.goto(`${base}/${query}`)
await page.waitForFunction(() => window.lab?.ready, null, { timeout: 60000 })
await page.evaluate(() => window.lab?.ready)
for (const l of walk) await page.evaluate((l) => window.lab.run(l), l)
await page.waitForTimeout(1500)
const m = await page.evaluate(() => { const hd = document.querySelector('.app-header'); return { hdr: [hd.scrollWidth, hd.clientWidth, hd.getBoundingClientRect().height] } })
console.log(JSON.stringify(m))
await page.screenshot({ path: `/tmp/s10p/${name}.png` })
const tl = page.locator('#pane-timeline')
if (await tl.count()) { await tl.evaluate((el) => el.scrollIntoView()); await tl.screenshot({ path: `/tmp/s10p/${name}-tl.png` }).catch(() => {}) }
await browser.close()
