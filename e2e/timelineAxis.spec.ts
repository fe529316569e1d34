// The timeline's lifecycle ruler (issue 10, item 3): for the token of the article's pod, the
// kubelet's refresh (80% of 3607 s, about 48 min), warnafter (iat + 3607 s) and exp (iat + 365 d,
// the extended expiration of a 3607 s pod token) are all on screen and apart, labelled in words,
// never under the now line, on an axis whose dates are the lab clock's UTC dates.
import { expect, test, type Page } from '@playwright/test'
import { openLab, typeCommand } from './support/terminal'

const S = 1000
const DAY = 86_400 * S
const TOKEN_FILE = '/var/run/secrets/kubernetes.io/serviceaccount/token'
const ARTICLE = [
  'kubectl create namespace sa-demo',
  'kubectl -n sa-demo run app --image=registry.k8s.io/e2e-test-images/agnhost:2.45 --command -- sleep 100000',
  'kubectl -n sa-demo wait --for=condition=Ready pod/app',
  `TOK=$(kubectl -n sa-demo exec app -- cat ${TOKEN_FILE})`,
  'curl -s -o /dev/null -w "HTTP %{http_code}\\n" --cacert ca.pem -H "Authorization: Bearer $TOK" https://$APISERVER/api/v1/namespaces/sa-demo/pods',
  'lab advance 49m',
]

const ruler = (page: Page) => page.getByTestId('token-ruler')

async function marks(page: Page) {
  return ruler(page).locator('.tl-ruler-mark').evaluateAll((gs) =>
    gs.map((g) => {
      const c = g.querySelector('circle')!.getBoundingClientRect()
      const x = c.left + c.width / 2
      const y = c.top + c.height / 2
      const hit = document.elementFromPoint(x, y)
      return { kind: g.getAttribute('data-kind')!, t: Number(g.getAttribute('data-t')), x, label: g.querySelector('text')!.textContent!, onTop: hit !== null && g.contains(hit) }
    }),
  )
}

async function labNow(page: Page): Promise<number> {
  const out = await typeCommand(page, 'lab now')
  return Date.parse(out[0].text)
}

test('the ruler shows refresh, warnafter and exp apart, labelled, above the now line, with the lab clock’s dates', async ({ page }) => {
  test.setTimeout(150_000)
  await page.setViewportSize({ width: 1280, height: 800 })
  await openLab(page)
  for (const line of ARTICLE) await typeCommand(page, line)
  const now = await labNow(page)
  await ruler(page).scrollIntoViewIfNeeded()
  await expect(ruler(page)).toBeVisible({ timeout: 30_000 })
  const iat = Number(await ruler(page).getAttribute('data-iat'))
  const ms = await marks(page)
  const at = (k: string) => ms.find((m) => m.kind === k)!
  expect(ms.map((m) => m.kind)).toEqual(['iat', 'refresh', 'warnafter', 'exp'])
  // The times the reference gives, relative to iat.
  expect(at('warnafter').t - iat).toBe(3607 * S)
  expect(at('exp').t - iat).toBe(31_536_000 * S)
  expect(at('refresh').t - iat).toBeGreaterThan(2870 * S)
  expect(at('refresh').t - iat).toBeLessThanOrEqual(2887 * S)
  // The token shown is the one in the pod's file now: issued within the last 49 minutes.
  expect(now - iat).toBeGreaterThanOrEqual(0)
  expect(now - iat).toBeLessThanOrEqual(49 * 60 * S)
  // Apart on screen, in order, and each mark on top where it is drawn (the now line is behind).
  expect(at('refresh').x - at('iat').x).toBeGreaterThanOrEqual(20)
  expect(at('warnafter').x - at('refresh').x).toBeGreaterThanOrEqual(20)
  expect(at('exp').x - at('warnafter').x).toBeGreaterThanOrEqual(100)
  for (const m of ms) expect(m.onTop, `${m.kind} under something`).toBe(true)
  // Meanings in words, without the legend.
  expect(ms.map((m) => m.label)).toEqual(['issued', expect.stringMatching(/^refresh \+4[78] min$/), 'warnafter +1 h', 'exp +1 year'])
  // Axis dates: every date under a tick is the UTC date of its time; the first is on or after iat's date.
  const ticks = await ruler(page).locator('.tl-ruler-tick').evaluateAll((gs) => gs.map((g) => ({ t: Number(g.getAttribute('data-t')), texts: [...g.querySelectorAll('text')].map((x) => x.textContent!) })))
  expect(ticks.length).toBeGreaterThanOrEqual(3)
  const isoDate = (t: number) => new Date(t).toISOString().slice(0, 10)
  const hhmm = (t: number) => new Date(t).toISOString().slice(11, 16)
  const early = ticks.filter((k) => k.t < iat + 2 * 3600 * S)
  expect(early[0].texts).toEqual([hhmm(early[0].t), isoDate(early[0].t)])
  for (const k of early) expect(k.texts[0]).toBe(hhmm(k.t))
  const late = ticks.filter((k) => k.t >= iat + DAY)
  expect(late.length).toBeGreaterThanOrEqual(1)
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
  for (const k of late) {
    // past the break: whole days after iat (a day, a week, a month, ...), named by their UTC date
    expect([1, 7, 30, 91, 182, 365]).toContain((k.t - iat) / DAY)
    const d = new Date(k.t)
    expect(k.texts).toEqual([`${months[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`])
  }
  // Readable type.
  const small = await ruler(page).locator('text').evaluateAll((ts) => Math.min(...ts.map((t) => parseFloat(getComputedStyle(t).fontSize))))
  expect(small).toBeGreaterThanOrEqual(12)
})

test('a year later the ruler follows the token now in the file, and says where now is', async ({ page }) => {
  test.setTimeout(150_000)
  await page.setViewportSize({ width: 1280, height: 800 })
  await openLab(page)
  for (const line of ARTICLE) await typeCommand(page, line)
  await typeCommand(page, 'lab advance 365d')
  const now = await labNow(page)
  await ruler(page).scrollIntoViewIfNeeded()
  await expect(ruler(page)).toContainText('file', { timeout: 30_000 })
  const iat = Number(await ruler(page).getAttribute('data-iat'))
  expect(now - iat).toBeGreaterThanOrEqual(0)
  expect(now - iat).toBeLessThanOrEqual(49 * 60 * S)
  const ms = await marks(page)
  expect(ms.map((m) => m.kind)).toEqual(['iat', 'refresh', 'warnafter', 'exp'])
  await expect(ruler(page).locator('.tl-ruler-now-label')).toHaveText(/^now \+\d+ min$/)
})
