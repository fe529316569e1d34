// The timeline after the article's commands (seed 1): the pod token's iat, kubelet refresh point,
// warnafter and (zoomed out) exp; the 403 and 401 requests on the token's lane with their reasons
// on focus; keyboard zoom and pan; the jump to the next warnafter; selection both ways; the whole
// view (All, Home) with exp a year away as an edge marker.
import { expect, test, type Page } from '@playwright/test'
import { CURL_PODS, FIRST_403, runLines } from './support/article'
import { openLab, typeCommand } from './support/terminal'
import { holdEditorPreload } from './support/editor'
import { axeViolations, describeViolations } from './support/axe'

const ARTICLE = [...FIRST_403, 'kubectl -n sa-demo delete pod app', CURL_PODS]
// the article's token: iat 1779578851 (23:27:31 UTC), warnafter iat + 3607 s, exp iat + 1 year
const IAT = 1779578851000
const WARNAFTER = IAT + 3607_000

const timeline = (page: Page) => page.getByRole('region', { name: 'Timeline' })
const plot = (page: Page) => timeline(page).getByRole('group', { name: 'Timeline lanes' })
const tokenRow = (page: Page) => timeline(page).getByRole('group', { name: /^token 1 of pod app, first, / })

async function viewOf(page: Page) {
  const el = timeline(page)
  return { start: Number(await el.getAttribute('data-view-start')), end: Number(await el.getAttribute('data-view-end')), mode: await el.getAttribute('data-mode') }
}

test.beforeEach(async ({ page, context }) => {
  await holdEditorPreload(context)
  await openLab(page, '/?seed=1')
  await runLines(page, ARTICLE)
  await expect(timeline(page)).toBeVisible()
})

test('shows iat, the refresh point, warnafter and, zoomed out, exp of the pod token', async ({ page }) => {
  const row = tokenRow(page)
  await expect(row.getByRole('button', { name: /^iat of token [0-9a-f]{8}… of pod sa-demo\/app at 23:27:31 on 2026-05-23/ })).toBeVisible()
  // 80% of 3607 s after iat, minus the kubelet's jitter: 00:15:2x-00:15:37, never reached (the pod was deleted)
  await expect(row.getByRole('button', { name: /^kubelet refresh point of .* at 00:15:[23]\d on 2026-05-24.*not reached: the pod was gone first/ })).toBeVisible()
  await expect(row.getByRole('button', { name: /^warnafter of .* at 00:27:38 on 2026-05-24: from here the API server flags it as stale/ })).toBeVisible()
  const exp = row.getByRole('button', { name: /^exp of .* at 23:27:31 on 2027-05-23/ })
  await expect(exp).toHaveCount(0)
  await plot(page).focus()
  for (let i = 0; i < 16 && (await exp.count()) === 0; i++) await page.keyboard.press('-')
  await expect(exp).toBeVisible()
  await expect(exp).toHaveAccessibleName(/already invalid since its pod was gone at 23:28:05 on 2026-05-23/)
  // the pod lane: a cluster names the lifecycle events, the pod is gone
  await expect(timeline(page).getByRole('group', { name: 'pod sa-demo/app, pod, gone' })).toBeVisible()
})

test('puts the 403 and the 401 on the token lane with their reasons on focus', async ({ page }) => {
  const row = tokenRow(page)
  // at the default 90-minute view the two requests, 30 s apart, are one cluster mark
  const cluster = row.getByRole('button', { name: /^2 requests with token .* \(1 × 403, 1 × 401\)/ })
  await expect(cluster).toBeVisible()
  await cluster.click()
  const r403 = row.getByRole('button', { name: /^403 list \/api\/v1\/namespaces\/sa-demo\/pods at 23:27:35 on 2026-05-23, pods is forbidden: User "system:serviceaccount:sa-demo:default" cannot list/ })
  const r401 = row.getByRole('button', { name: '401 list /api/v1/namespaces/sa-demo/pods at 23:28:05 on 2026-05-23, service account token has been invalidated' })
  await expect(r403).toBeVisible()
  await expect(r401).toBeVisible()
  await expect(r403).toHaveText('!')
  await expect(r401).toHaveText('✕')
  const tip = timeline(page).getByRole('tooltip')
  await r403.focus()
  await expect(tip).toContainText('pods is forbidden')
  await r401.focus()
  await expect(tip).toContainText('service account token has been invalidated')
  // selecting it selects the request for the why panel
  await r401.press('Enter')
  await expect(r401).toHaveAttribute('data-selected', 'true')
  expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(/^401 /)
})

test('zooms and pans with the keyboard and jumps to the next warnafter', async ({ page }) => {
  // The view follows each key on the next render: wait for it (a loaded machine renders late).
  const span = async () => {
    const v = await viewOf(page)
    return v.end - v.start
  }
  await expect.poll(span).toBe(90 * 60_000)
  const before = await viewOf(page)
  expect(before.mode).toBe('follow')
  expect(before.end - before.start).toBe(90 * 60_000)
  await plot(page).focus()
  await page.keyboard.press('+')
  await expect.poll(span).toBe(45 * 60_000)
  const zoomed = await viewOf(page)
  expect(zoomed.end - zoomed.start).toBe(45 * 60_000)
  await page.keyboard.press('ArrowLeft')
  await expect.poll(async () => (await viewOf(page)).start).toBeCloseTo(zoomed.start - 0.25 * 45 * 60_000, -1)
  const panned = await viewOf(page)
  expect(panned.mode).toBe('fixed')
  expect(panned.start).toBeCloseTo(zoomed.start - 0.25 * 45 * 60_000, -1)
  expect(panned.end - panned.start).toBe(45 * 60_000)
  await page.keyboard.press('ArrowRight')
  await expect.poll(async () => (await viewOf(page)).start).toBeCloseTo(zoomed.start, -1)
  await page.keyboard.press('End')
  await expect.poll(async () => (await viewOf(page)).mode).toBe('follow')

  await timeline(page).getByRole('button', { name: 'Show next warnafter' }).click()
  await expect.poll(async () => {
    const v = await viewOf(page)
    return Math.abs((v.start + v.end) / 2 - WARNAFTER)
  }).toBeLessThanOrEqual(1)
  const jumped = await viewOf(page)
  expect(Math.abs((jumped.start + jumped.end) / 2 - WARNAFTER)).toBeLessThanOrEqual(1)
  await expect(timeline(page).getByRole('status')).toHaveText(/^Next warnafter: 00:27:38 on 2026-05-24/)
  // the key does the same: there is no later warnafter
  await plot(page).focus()
  await page.keyboard.press('w')
  await expect(timeline(page).getByRole('status')).toHaveText(/^No warnafter after 00:27:38/)
})

test('All shows the whole story: iat, refresh and warnafter apart, exp a year away as an edge marker that brings it into view', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 })
  const status = timeline(page).getByRole('status')
  await timeline(page).getByRole('button', { name: 'All' }).click()
  await expect(status).toHaveText(/^The whole story/)
  // the window holds the story (pod created at 23:27, warnafter at 00:27:38), not the year to exp
  const v = await viewOf(page)
  expect(v.mode).toBe('fixed')
  expect(v.start).toBeLessThan(IAT)
  expect(v.end).toBeGreaterThan(WARNAFTER)
  expect(v.end - v.start).toBeLessThan(3 * 3600_000)
  const row = tokenRow(page)
  const centre = async (name: RegExp) => {
    const b = (await row.getByRole('button', { name }).boundingBox())!
    return b.x + b.width / 2
  }
  const iat = await centre(/^iat of /)
  const refresh = await centre(/^kubelet refresh point of /)
  const warn = await centre(/^warnafter of /)
  // the marks sit where the axis puts their time (the track is the row less its label column)
  const trackBox = (await row.locator('.tl-track').boundingBox())!
  expect(Math.abs(warn - (trackBox.x + ((WARNAFTER - v.start) / (v.end - v.start)) * trackBox.width))).toBeLessThanOrEqual(2)
  // 48 min and 12 min apart on a track of about 250 px
  expect(refresh - iat).toBeGreaterThanOrEqual(100)
  expect(warn - refresh).toBeGreaterThanOrEqual(25)
  // the 403 and the 401 are on screen beside iat (one cluster, 30 s apart)
  const requests = row.getByRole('button', { name: /^2 requests with token .* \(1 × 403, 1 × 401\)/ })
  await expect(requests).toBeVisible()
  // exp: not squeezed in, an edge marker at the right of the requests' half of the row, hiding no mark
  await expect(row.getByRole('button', { name: /^exp of / })).toHaveCount(0)
  const edge = row.getByRole('button', { name: /^exp in 365 days, after the view: exp of token [0-9a-f]{8}… of pod sa-demo\/app at 23:27:31 on 2027-05-23; already invalid/ })
  await expect(edge).toHaveText('exp in 365 days →')
  const eb = (await edge.boundingBox())!
  const rb = (await requests.boundingBox())!
  const wb = (await row.getByRole('button', { name: /^warnafter of / }).boundingBox())!
  expect(eb.x).toBeGreaterThan(rb.x + rb.width + 8)
  expect(eb.y).toBeGreaterThanOrEqual(wb.y + wb.height - 1)
  const track = (await row.locator('.tl-track').boundingBox())!
  expect(eb.x + eb.width).toBeLessThanOrEqual(track.x + track.width)
  expect(eb.y + eb.height).toBeLessThanOrEqual(track.y + track.height)
  expect(await edge.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(12)
  expect(describeViolations(await axeViolations(page, 'section.tl'))).toEqual([])
  // activating it shows exp, focused, with its tooltip
  await edge.click()
  const exp = row.getByRole('button', { name: /^exp of .* at 23:27:31 on 2027-05-23/ })
  await expect(exp).toBeFocused()
  await expect(timeline(page).getByRole('tooltip')).toContainText('exp of token')
  await expect(status).toHaveText(/^Showing exp of token .*: 23:27:31 on 2027-05-23\./)
  const there = await viewOf(page)
  expect(Math.abs((there.start + there.end) / 2 - (IAT + 365 * 86_400_000))).toBeLessThanOrEqual(1)
  // the keyboard brings the whole story back
  await page.keyboard.press('Home')
  await expect(edge).toBeVisible()
  await expect(row.getByRole('button', { name: /^warnafter of / })).toBeVisible()
})

test('selecting the token opens it in the decoder, and the decoder’s token is highlighted', async ({ page }) => {
  const row = tokenRow(page)
  await row.getByRole('button', { name: /^Select token 1 of pod app/ }).click()
  await expect(timeline(page).getByRole('region', { name: 'Selected token' })).toContainText('Opened in the decoder (the token text from $TOK)')
  // the decoder now shows $TOK: the timeline marks the lane as the decoder's token
  await expect(row).toHaveAccessibleName(/shown in the decoder$/)
  await expect(row).toHaveClass(/is-decoder/)
})

test('has no accessibility violations (axe), with a token selected and a mark focused', async ({ page }) => {
  await tokenRow(page).getByRole('button', { name: /^Select token 1 of pod app/ }).click()
  await tokenRow(page).getByRole('button', { name: /^warnafter of/ }).focus()
  await expect(timeline(page).getByRole('tooltip')).toBeVisible()
  await timeline(page).getByText('Legend').click()
  expect(describeViolations(await axeViolations(page, 'section.tl'))).toEqual([])
})

test('a token kubectl create token printed opens in the decoder from its lane', async ({ page }) => {
  await typeCommand(page, 'kubectl -n sa-demo create token default')
  const row = timeline(page).getByRole('group', { name: /create token sa-demo\/default/ })
  await expect(row).toBeVisible()
  await row.getByRole('button', { name: /^Select / }).click()
  await expect(timeline(page).getByRole('region', { name: 'Selected token' })).toContainText('the terminal output')
  await expect(page.getByRole('status').filter({ hasText: /Valid/ }).first()).toBeVisible()
})
