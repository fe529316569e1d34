// The page's Content-Security-Policy (scripts only from the page's own origin or by hash, no
// eval, workers and fetches from its own origin): a whole session — the article's commands and
// the editor, with its workers — runs without a single violation, and nothing leaves 127.0.0.1.
import { expect, test } from '@playwright/test'
import { offHost, watchPolicy } from './support/csp'
import { editAndSave } from './support/editor'
import { openLab, typeCommand, type ShownLine } from './support/terminal'

const texts = (lines: ShownLine[]) => lines.map((l) => l.text)
const TOKEN_DIR = '/var/run/secrets/kubernetes.io/serviceaccount'

test('the page and `vite preview` carry the policy: scripts by origin or hash, no eval, no framing elsewhere', async ({ page }) => {
  const response = await page.goto('/?seed=1')
  const header = response!.headers()['content-security-policy']
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')
  expect(header).toBe(`${meta}; frame-ancestors 'self'`)
  const directives = new Map(meta!.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]))
  // Two inline scripts (the lab worker spawned from the <head>, index.html's early command line), allowed by their hashes only.
  const hash = expect.stringMatching(/^'sha256-[A-Za-z0-9+/]{43}='$/)
  expect(directives.get('script-src')).toEqual(["'self'", hash, hash])
  expect(meta).not.toContain('unsafe-eval')
  expect(directives.get('default-src')).toEqual(["'self'"])
  expect(directives.get('worker-src')).toEqual(["'self'"])
  expect(directives.get('connect-src')).toEqual(["'self'"])
  expect(directives.get('img-src')).toEqual(["'self'", 'data:'])
  expect(directives.get('object-src')).toEqual(["'none'"])
  expect(directives.get('base-uri')).toEqual(["'self'"])
  // The hashes are the inline scripts', as served: the scripts ran, spawned the worker and installed the early queue.
  expect(await page.evaluate(() => Array.isArray((window as { __tokenlabEarly?: unknown }).__tokenlabEarly))).toBe(true)
  expect(await page.evaluate(() => (window as { __tokenlabWorker?: unknown }).__tokenlabWorker instanceof Worker)).toBe(true)
})

test('the article and the editor run without a policy violation; nothing leaves 127.0.0.1', async ({ page, context }) => {
  test.setTimeout(120_000)
  await page.setViewportSize({ width: 1280, height: 800 })
  const watch = await watchPolicy(context)
  const warnings: string[] = []
  page.on('console', (m) => {
    if (/web worker|Falling back/i.test(m.text())) warnings.push(m.text())
  })
  await openLab(page, '/?seed=1')

  expect(texts(await typeCommand(page, 'kubectl create namespace sa-demo'))).toEqual(['namespace/sa-demo created'])
  await typeCommand(page, 'kubectl -n sa-demo run app --image=registry.k8s.io/e2e-test-images/agnhost:2.45 --command -- sleep 100000')
  expect(texts(await typeCommand(page, 'kubectl -n sa-demo wait --for=condition=Ready pod/app'))).toEqual(['pod/app condition met'])
  expect(texts(await typeCommand(page, `kubectl -n sa-demo exec app -- ls ${TOKEN_DIR}/`))).toEqual(['ca.crt', 'namespace', 'token'])
  const decoded = texts(await typeCommand(page, `kubectl -n sa-demo exec app -- cat ${TOKEN_DIR}/token | cut -d. -f2 | base64 -d | python3 -m json.tool`))
  expect(decoded.join('\n')).toContain('"sub": "system:serviceaccount:sa-demo:default"')
  expect(await typeCommand(page, `TOK=$(kubectl -n sa-demo exec app -- cat ${TOKEN_DIR}/token)`)).toEqual([])
  const curl = 'curl -s -o /dev/null -w "HTTP %{http_code}\\n" --cacert ca.pem -H "Authorization: Bearer $TOK" https://$APISERVER/api/v1/namespaces/sa-demo/pods'
  expect(texts(await typeCommand(page, curl))).toEqual(['HTTP 403'])
  await page.getByRole('button', { name: 'Decode $TOK', exact: true }).click()
  await expect(page.getByTestId('verdict-badge')).toHaveText(/Valid/)

  // The editor: Monaco's chunks, styles, font and workers (the JSON worker for a .json file).
  await editAndSave(page, 'nano notes.txt', 'tokens expire; the kubelet refreshes them')
  expect(texts(await typeCommand(page, 'cat notes.txt'))).toEqual(['tokens expire; the kubelet refreshes them'])
  // (Monaco closes brackets and quotes itself: only what was typed is checked.)
  await editAndSave(page, 'nano sa.json', '{"name": "robot')
  expect(texts(await typeCommand(page, 'cat sa.json')).join('\n')).toContain('{"name": "robot')

  // The editor's workers really ran in workers, from the page's own files.
  expect(watch.requests.some((u) => /\/assets\/editor\.worker-[^/]*\.js$/.test(u))).toBe(true)
  expect(watch.requests.some((u) => /\/assets\/json\.worker-[^/]*\.js$/.test(u))).toBe(true)
  expect(warnings).toEqual([])
  expect(await watch.violations()).toEqual([])
  expect(offHost(watch.requests)).toEqual([])

  // The recorder does see a violation (so the empty list above means something): a script put
  // into the page does not run.
  const ran = await page.evaluate(() => {
    const s = document.createElement('script')
    s.textContent = 'window.__injected = true'
    document.body.append(s)
    return (window as { __injected?: boolean }).__injected === true
  })
  expect(ran).toBe(false)
  await expect.poll(() => watch.violations()).toContainEqual(expect.stringMatching(/^script-src-elem blocked inline/))
})
