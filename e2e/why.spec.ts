// "Why this answer": the article's 403 (authenticated as the pod's ServiceAccount, refused by
// RBAC) and, after the pod is deleted, the 401 (the token invalidated; authorization not reached).
import { expect, test, type Page } from '@playwright/test'
import { clearStorageOnce, CURL_PODS as CURL, runLines, TOK_SET as SETUP } from './support/article'
import { openLab, typeCommand } from './support/terminal'
import { holdEditorPreload } from './support/editor'

test.beforeEach(async ({ page, context }) => {
  await holdEditorPreload(context)
  await clearStorageOnce(page)
})

const why = (page: Page) => page.getByRole('region', { name: 'Why this answer' })
const steps = (page: Page) => why(page).getByRole('list', { name: "The request's path through the API server" })
const stepItems = (page: Page) => steps(page).locator(':scope > li')
const step = (page: Page, title: string) => stepItems(page).filter({ hasText: new RegExp(`^\\W*${title}:`) })

test('the 403 of the article, then the 401 once the pod is gone', async ({ page }) => {
  await openLab(page, '/?seed=1')
  await expect(why(page)).toContainText('No request yet')
  await runLines(page, SETUP)
  expect((await typeCommand(page, CURL)).map((l) => l.text)).toEqual(['HTTP 403'])

  await expect(why(page)).toContainText('Latest request GET /api/v1/namespaces/sa-demo/pods from curl')
  await expect(stepItems(page)).toHaveCount(4)
  const authn = step(page, 'Authentication')
  await expect(authn).toContainText('Authentication: allowed')
  await expect(authn).toContainText('Authenticated as system:serviceaccount:sa-demo:default.')
  await expect(authn).toContainText('service-account token')
  const authz = step(page, 'Authorization')
  await expect(authz).toContainText('Authorization: refused')
  await expect(authz).toContainText(
    'Refused (403 Forbidden): pods is forbidden: User "system:serviceaccount:sa-demo:default" cannot list resource "pods" in API group "" in the namespace "sa-demo"',
  )
  await expect(step(page, 'Admission')).toContainText('Admission: not reached')
  await expect(step(page, 'Response')).toContainText('HTTP 403 Forbidden')

  await typeCommand(page, 'kubectl -n sa-demo delete pod app')
  expect((await typeCommand(page, CURL)).map((l) => l.text)).toEqual(['HTTP 401'])
  await expect(authn).toContainText('Authentication: refused')
  await expect(authn).toContainText('service account token has been invalidated')
  await expect(authz).toContainText('Authorization: not reached')
  await expect(step(page, 'Admission')).toContainText('Admission: not reached')
  await expect(step(page, 'Response')).toContainText('HTTP 401 Unauthorized')

  // An earlier request (as the timeline picks one): the 403 again; Latest comes back.
  const earlier = why(page).getByRole('button', { name: '← Earlier' })
  // (the components' own requests stand between them: step back one at a time, each step seen)
  const position = async () => /Request (\d+) of \d+/.exec((await why(page).textContent()) ?? '')?.[1]
  for (let i = 0; i < 80 && !(await why(page).textContent())?.includes('HTTP 403 Forbidden'); i++) {
    const before = await position()
    await earlier.click()
    await expect.poll(position).not.toBe(before)
  }
  await expect(why(page)).toContainText(/Request \d+ of \d+/)
  await expect(authz).toContainText('Authorization: refused')
  await why(page).getByRole('button', { name: 'Latest' }).click()
  await expect(why(page)).toContainText('Latest request')
  await expect(authn).toContainText('Authentication: refused')
})

test('an admin request: allowed through system:masters, admission only where it applies', async ({ page }) => {
  await openLab(page, '/?seed=1')
  await typeCommand(page, 'kubectl create namespace sa-demo')
  await expect(why(page)).toContainText('Latest request POST /api/v1/namespaces from kubectl')
  await expect(step(page, 'Authentication')).toContainText('Authenticated as admin.')
  await expect(step(page, 'Authentication')).toContainText('client certificate (x509)')
  await expect(step(page, 'Authorization')).toContainText('system:masters')
  await expect(step(page, 'Admission')).toContainText('Admission: allowed')
  await typeCommand(page, 'kubectl get ns sa-demo')
  await expect(step(page, 'Admission')).toContainText('Admission: not applicable')
})

test("a lesson's set-up requests say so: the student did not type them", async ({ page }) => {
  await openLab(page, '/?seed=1&lesson=rbac')
  await expect(page.getByRole('heading', { name: 'Known, but not allowed' })).toBeVisible({ timeout: 30_000 })
  await expect(why(page)).toContainText('Latest request POST /api/v1/namespaces/sa-demo/pods/app/exec from kubectl')
  await expect(page.getByTestId('why-setup')).toHaveText("(the lesson's set-up made this request, not a command you typed)")
  await typeCommand(page, 'kubectl get ns')
  await expect(why(page)).toContainText('Latest request GET /api/v1/namespaces from kubectl')
  await expect(page.getByTestId('why-setup')).toHaveCount(0)
})
