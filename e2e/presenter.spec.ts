// Presenter mode's header (issue 10, item 7): one row that never scrolls sideways at 1280x720
// and 1920x1080; the speed and the jump targets' scope are one tap away in "Clock options".
import { expect, test } from '@playwright/test'
import { openLab, typeCommand } from './support/terminal'

for (const viewport of [{ width: 1280, height: 720 }, { width: 1920, height: 1080 }]) {
  test(`presenter header at ${viewport.width}x${viewport.height}: one row, nothing cut or scrolled`, async ({ page }) => {
    test.setTimeout(120_000)
    await page.setViewportSize(viewport)
    await openLab(page, '/?seed=1&presenter=1')
    // targets ahead make the jump buttons their widest
    await typeCommand(page, 'kubectl -n default run app --image=registry.k8s.io/e2e-test-images/agnhost:2.45 --command -- sleep 100000')
    await typeCommand(page, 'kubectl -n default wait --for=condition=Ready pod/app')
    await expect(page.getByTestId('jump-exp')).not.toHaveAttribute('aria-disabled', 'true', { timeout: 30_000 })
    const header = page.locator('.app-header')
    const m = await header.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, height: el.getBoundingClientRect().height }))
    expect(m.scroll).toBeLessThanOrEqual(m.client)
    const h1 = await page.locator('.app-header h1').boundingBox()
    expect(m.height).toBeLessThan(h1!.height * 2)
    // every control of the header is inside the window
    const right = await header.locator('button:visible, summary:visible, select:visible').evaluateAll((els) => Math.max(...els.map((e) => e.getBoundingClientRect().right)))
    expect(right).toBeLessThanOrEqual(viewport.width)
    await page.getByText('Clock options').click()
    await expect(page.getByRole('combobox', { name: 'Clock speed' })).toBeVisible()
    await expect(page.getByRole('combobox', { name: 'Jump targets of' })).toBeVisible()
  })
}
