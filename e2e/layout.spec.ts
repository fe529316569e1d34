// The main screen: terminal on the left (why-this-answer under it), decoder above timeline on
// the right, clock controls in the header. Screenshots at 1280x800 and at 200 % zoom (640x400
// CSS px at device scale 2), no overlap, axe, and every control reachable from the keyboard.
import { expect, test, type Page } from '@playwright/test'
import { clearStorageOnce, FIRST_403 as ARTICLE, runLines } from './support/article'
import { overlap, type Box } from './support/geometry'
import { commandLine, labReady, openLab, typeCommand } from './support/terminal'
import { editorPreloaded, holdEditorPreload } from './support/editor'
import { axeViolations, describeViolations } from './support/axe'

test.beforeEach(async ({ page, context }, testInfo) => {
  // The 200 % test keeps the editor's preload and waits for it to end, so that its screenshot sees one
  // state (the baseline's). It still differs by 2 px in the terminal now and then under load: not understood.
  if (!testInfo.titlePath.includes('at 200 % zoom')) await holdEditorPreload(context)
  await clearStorageOnce(page)
})

/** A seeded lab after the article's first commands (run, not typed), with every panel loaded. */
async function articleScreen(page: Page) {
  await openLab(page, '/?seed=1')
  await runLines(page, ARTICLE)
  for (const name of ['Token decoder', 'Timeline', 'Why this answer']) {
    await expect(page.getByRole('region', { name, exact: true })).toBeVisible()
  }
  await expect(page.getByRole('button', { name: /^(Play|Pause) clock$/ })).toBeVisible()
  await expect(page.locator('.pane-loading')).toHaveCount(0)
}

// The decoder's and timeline's own specs guard how they look; here they are masked, so that the
// baselines guard the layout (and the terminal, header and why panel), not those panels' content.
const masks = (page: Page) => [commandLine(page), page.locator('#pane-decoder'), page.locator('#pane-timeline')]

test('1280x800: terminal, decoder and timeline side by side without overlap; screenshot; axe', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 800 })
  await articleScreen(page)
  const boxes: Record<string, Box> = {}
  for (const id of ['pane-terminal', 'pane-decoder', 'pane-timeline', 'pane-why']) {
    const box = await page.locator(`#${id}`).boundingBox()
    expect(box, id).not.toBeNull()
    expect(box!.width, `${id} width`).toBeGreaterThan(200)
    expect(box!.height, `${id} height`).toBeGreaterThan(150)
    expect(box!.x + box!.width, `${id} right edge`).toBeLessThanOrEqual(1280)
    expect(box!.y + box!.height, `${id} bottom edge`).toBeLessThanOrEqual(800)
    boxes[id] = box!
  }
  const ids = Object.keys(boxes)
  for (const [i, a] of ids.entries()) for (const b of ids.slice(i + 1)) expect(overlap(boxes[a], boxes[b]), `${a} overlaps ${b}`).toBe(false)
  expect(boxes['pane-terminal'].x).toBeLessThan(boxes['pane-decoder'].x)
  expect(boxes['pane-decoder'].y).toBeLessThan(boxes['pane-timeline'].y)
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(800)

  await page.screenshot({ path: testInfo.outputPath('main-1280x800.png') })
  await testInfo.attach('main-1280x800', { path: testInfo.outputPath('main-1280x800.png'), contentType: 'image/png' })
  await expect(page).toHaveScreenshot('main-1280x800.png', { mask: masks(page), maxDiffPixelRatio: 0.01 })
  // axe on the same screen (every panel shown): no serious or critical violation (panels.spec
  // holds the whole page, after more of the article, to none at all)
  const bad = (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(describeViolations(bad)).toEqual([])
})

test.describe('at 200 % zoom', () => {
  test.use({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 })

  test('the panels become tabs, each using the whole width; screenshot', async ({ page }, testInfo) => {
    await page.goto('/?seed=1')
    await expect(page.getByRole('tablist', { name: 'Panels' })).toBeVisible()
    await expect(page.getByRole('tablist', { name: 'Panels' }).getByRole('tab')).toHaveText(['Lesson', 'Terminal', 'Why', 'Decoder', 'Timeline'])
    await labReady(page)
    await runLines(page, ARTICLE)
    for (const [tab, id] of [['Why', 'pane-why'], ['Decoder', 'pane-decoder'], ['Timeline', 'pane-timeline'], ['Terminal', 'pane-terminal']]) {
      await page.getByRole('tab', { name: tab }).click()
      const box = (await page.locator(`#${id}`).boundingBox())!
      expect(box.width, `${id} uses the width`).toBeGreaterThan(600)
    }
    const size = await page.evaluate(() => ({ w: document.documentElement.scrollWidth, h: document.documentElement.scrollHeight }))
    expect(size.w).toBeLessThanOrEqual(640)
    for (const s of await page.getByRole('separator').all()) await expect(s).toBeHidden()

    for (const [name, fullPage] of [['main-200pct', false], ['main-200pct-full', true]] as const) {
      await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage })
      await testInfo.attach(name, { path: testInfo.outputPath(`${name}.png`), contentType: 'image/png' })
    }
    await editorPreloaded(page)
    await expect(page).toHaveScreenshot('main-200pct.png', { mask: masks(page), maxDiffPixelRatio: 0.01 })
  })
})

/** Where the focus is: a short description, and which pane or part of the page holds it. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    if (!el || el === document.body) return { what: 'body', where: '' }
    const visible = el.cloneNode(true) as HTMLElement
    visible.querySelectorAll('[aria-hidden="true"]').forEach((n) => n.remove())
    const name = el.getAttribute('aria-label') ?? visible.textContent?.trim().slice(0, 40) ?? ''
    const where = el.closest('header') ? 'header' : (el.closest('[id^="pane-"]')?.id ?? (el.getAttribute('role') === 'separator' ? 'splitter' : ''))
    return { what: `${el.getAttribute('role') ?? el.tagName.toLowerCase()} ${name}`, where }
  })

test('keyboard: Tab reaches the clock controls, the splitters, the decoder and the timeline', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 })
  await articleScreen(page)
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
  const seen: { what: string; where: string }[] = []
  // Round the page once (past its end the focus goes back to the top).
  for (let i = 0; i < 150; i++) {
    const f = await focused(page)
    if (f.where === 'pane-terminal') await page.keyboard.press('Escape') // Tab completes in the terminal; Esc then Tab leaves it
    await page.keyboard.press('Tab')
    const next = await focused(page)
    if (next.what === 'body') continue
    if (seen.some((s) => s.what === next.what && s.where === next.where)) break
    seen.push(next)
  }
  const where = seen.map((s) => s.where)
  const whats = seen.map((s) => s.what)
  expect(whats.some((w) => /^button (Play|Pause) clock$/.test(w))).toBe(true)
  expect(whats).toContain('select Clock speed')
  expect(whats.some((w) => w.startsWith('button Move clock to next cluster event'))).toBe(true)
  expect(where).toContain('pane-terminal')
  expect(where.filter((w) => w === 'splitter').length).toBe(3)
  expect(where).toContain('pane-decoder')
  expect(where).toContain('pane-timeline')
  const order = ['header', 'pane-terminal', 'pane-why', 'pane-decoder', 'pane-timeline']
  const rotated = [...seen.slice(where.indexOf('header')), ...seen.slice(0, where.indexOf('header'))].map((s) => s.where)
  const firsts = order.map((o) => rotated.indexOf(o))
  expect(firsts, 'Tab order: header, terminal, why, decoder, timeline').toEqual([...firsts].sort((a, b) => a - b))

  // Usable: the splitter moves with the arrow keys, Play/Pause answers Enter, speed the arrows.
  const splitter = page.getByRole('separator', { name: 'Resize the terminal and the side panels' })
  await splitter.focus()
  const before = Number(await splitter.getAttribute('aria-valuenow'))
  const width = (await page.locator('#pane-terminal').boundingBox())!.width
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('ArrowRight')
  await expect(splitter).toHaveAttribute('aria-valuenow', String(before + 4))
  expect((await page.locator('#pane-terminal').boundingBox())!.width).toBeGreaterThan(width + 30)
  await page.keyboard.press('Home')
  await expect(splitter).toHaveAttribute('aria-valuenow', '25')

  const play = page.getByRole('button', { name: 'Play clock' })
  await play.focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('button', { name: 'Pause clock' })).toBeFocused()
  await page.keyboard.press('Space')
  await expect(page.getByRole('button', { name: 'Play clock' })).toBeFocused()
  const speed = page.getByRole('combobox', { name: 'Clock speed' })
  await speed.focus()
  await page.keyboard.press('ArrowDown')
  await expect(speed).toHaveValue('10')
})

test('presenter mode: large type and high contrast, the panes still side by side', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 800 })
  await openLab(page, '/?seed=1&presenter=1')
  await typeCommand(page, 'kubectl create namespace sa-demo')
  await expect(page.locator('.app')).toHaveClass(/presenter/)
  const style = await page.locator('.term').evaluate((el) => {
    const s = getComputedStyle(el)
    return { size: parseFloat(s.fontSize), bg: s.backgroundColor, fg: s.color }
  })
  expect(style.size).toBeGreaterThanOrEqual(20)
  expect(style).toMatchObject({ bg: 'rgb(0, 0, 0)', fg: 'rgb(255, 255, 255)' })
  const term = (await page.locator('#pane-terminal').boundingBox())!
  const dec = (await page.locator('#pane-decoder').boundingBox())!
  expect(overlap(term, dec)).toBe(false)
  await page.screenshot({ path: testInfo.outputPath('presenter-1280x800.png') })
  await testInfo.attach('presenter-1280x800', { path: testInfo.outputPath('presenter-1280x800.png'), contentType: 'image/png' })
})

test('the splitters also drag with the mouse', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 })
  await openLab(page, '/?seed=1')
  const splitter = page.getByRole('separator', { name: 'Resize the terminal and the side panels' })
  const box = (await splitter.boundingBox())!
  // The splitter's percentages are of the panes' area (the lesson column stands to its left).
  const panes = (await page.locator('main.panes').boundingBox())!
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
  await page.mouse.down()
  await page.mouse.move(panes.x + panes.width / 2, box.y + box.height / 2, { steps: 5 })
  await page.mouse.up()
  await expect(splitter).toHaveAttribute('aria-valuenow', '50')
  expect(Math.abs((await page.locator('#pane-terminal').boundingBox())!.width - (panes.width / 2 - 4))).toBeLessThan(3)
  const rows = page.getByRole('separator', { name: 'Resize the decoder and the timeline' })
  const r = (await rows.boundingBox())!
  await page.mouse.move(r.x + r.width / 2, r.y + r.height / 2)
  await page.mouse.down()
  await page.mouse.move(r.x + r.width / 2, 200, { steps: 5 })
  await page.mouse.up()
  expect(Number(await rows.getAttribute('aria-valuenow'))).toBeLessThan(30)
})

test('the axe helper sees violations, in the whole page and in the part it is given', async ({ page }) => {
  // a button without a name, an image without alt text, and low-contrast text: three of axe's rules
  await page.setContent('<!doctype html><html lang="en"><title>t</title><main><h1>t</h1><div id="a"><button></button></div><div id="b"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><p style="color:#bbb;background:#fff">faint</p></div></main></html>')
  const ids = (vs: { id: string }[]) => vs.map((v) => v.id).sort()
  expect(ids(await axeViolations(page))).toEqual(['button-name', 'color-contrast', 'image-alt'])
  expect(ids(await axeViolations(page, '#a'))).toEqual(['button-name'])
  expect(describeViolations(await axeViolations(page, '#a'))).toEqual(['button-name (critical): Buttons must have discernible text — button'])
})
