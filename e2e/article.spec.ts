// The seed article, typed into the terminal of a seeded lab, then a reload: what the student
// sees must match what a real v1.35 cluster prints, and nothing may be lost on reload.
import { expect, test } from '@playwright/test'
import { clearStorageOnce, POD_UP, runLines } from './support/article'
import { openLab, PS1, shownLines, typeCommand, type ShownLine } from './support/terminal'
import { holdEditorPreload } from './support/editor'

test.beforeEach(async ({ context }) => {
  await holdEditorPreload(context)
})

const texts = (lines: ShownLine[]) => lines.map((l) => l.text)
const TOKEN_DIR = '/var/run/secrets/kubernetes.io/serviceaccount'

test('the article, typed at the prompt, survives a reload', async ({ page }) => {
  await clearStorageOnce(page)
  await openLab(page, '/?seed=1')

  expect(texts(await typeCommand(page, 'kubectl create namespace sa-demo'))).toEqual(['namespace/sa-demo created'])
  expect(texts(await typeCommand(page, 'kubectl -n sa-demo get sa'))).toEqual(['NAME      AGE', 'default   0s'])
  expect(
    texts(
      await typeCommand(
        page,
        'kubectl -n sa-demo run app --image=registry.k8s.io/e2e-test-images/agnhost:2.45 --command -- sleep 100000',
      ),
    ),
  ).toEqual(['pod/app created'])
  expect(texts(await typeCommand(page, 'kubectl -n sa-demo wait --for=condition=Ready pod/app'))).toEqual([
    'pod/app condition met',
  ])
  expect(texts(await typeCommand(page, `kubectl -n sa-demo exec app -- ls ${TOKEN_DIR}/`))).toEqual([
    'ca.crt',
    'namespace',
    'token',
  ])
  expect(texts(await typeCommand(page, `kubectl -n sa-demo exec app -- cat ${TOKEN_DIR}/namespace`))).toEqual(['sa-demo'])

  const sources = await typeCommand(
    page,
    "kubectl -n sa-demo get pod app -o jsonpath='{.spec.volumes[?(@.projected)].projected.sources}'",
  )
  expect(sources[0].text.startsWith('[{"serviceAccountToken":{"expirationSeconds":3607,"path":"token"}}')).toBe(true)
  expect(sources[0].stderr).toBe(false)

  const decoded = await typeCommand(
    page,
    `kubectl -n sa-demo exec app -- cat ${TOKEN_DIR}/token | cut -d. -f2 | base64 -d | python3 -m json.tool`,
  )
  const json = texts(decoded).join('\n')
  expect(json).toContain('"sub": "system:serviceaccount:sa-demo:default"')
  expect(json).toContain('"warnafter":')
  for (const l of decoded) {
    if (l.text.includes('base64: invalid input')) expect(l).toEqual({ text: 'base64: invalid input', stderr: true })
    else expect(l.stderr).toBe(false)
  }

  expect(await typeCommand(page, `TOK=$(kubectl -n sa-demo exec app -- cat ${TOKEN_DIR}/token)`)).toEqual([])
  const len = Number(texts(await typeCommand(page, 'echo ${#TOK}'))[0])
  expect(len).toBeGreaterThan(500)
  const head = texts(await typeCommand(page, 'echo $TOK | cut -c1-20'))
  expect(head).toEqual(['eyJhbGciOiJSUzI1NiIs'])

  // Reload: the namespace, the pod and the shell variable TOK survive, and so does the screen.
  await page.reload()
  await page.evaluate(() => window.lab!.ready)
  const restored = texts(await shownLines(page))
  expect(restored).toContain(`${PS1}kubectl create namespace sa-demo`)
  expect(restored.some((l) => l.startsWith('Restored your lab as you left it'))).toBe(true)

  const ns = texts(await typeCommand(page, 'kubectl get ns sa-demo'))
  expect(ns[0]).toMatch(/^NAME\s+STATUS\s+AGE$/)
  expect(ns[1]).toMatch(/^sa-demo\s+Active\s+\S+$/)
  const pod = texts(await typeCommand(page, 'kubectl -n sa-demo get pod app'))
  expect(pod[0]).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/)
  expect(pod[1]).toMatch(/^app\s+1\/1\s+Running\s+0\s+\S+$/)
  const tokHead = texts(await typeCommand(page, 'echo $TOK | cut -d. -f1'))
  expect(tokHead).toHaveLength(1)
  expect(tokHead[0].startsWith('eyJhbGciOiJSUzI1NiIs')).toBe(true)
})

test('the article\'s second half: 403 with the pod alive, 401 once it is gone, no token with automount off', async ({ page }) => {
  await page.addInitScript(() => localStorage.clear())
  await openLab(page, '/?seed=1')
  // The first half is typed by the test above; here it is set-up.
  await runLines(page, POD_UP)
  expect(await typeCommand(page, `TOK=$(kubectl -n sa-demo exec app -- cat ${TOKEN_DIR}/token)`)).toEqual([])

  const curl403 = 'curl -s -o /dev/null -w "HTTP %{http_code}\\n" --cacert ca.pem -H "Authorization: Bearer $TOK" https://$APISERVER/api/v1/namespaces/sa-demo/pods'
  expect(await typeCommand(page, curl403)).toEqual([{ text: 'HTTP 403', stderr: false }])
  const whoami = texts(await typeCommand(page, 'kubectl --kubeconfig=/dev/null --token="$TOK" --server=https://$APISERVER --certificate-authority=ca.pem auth whoami | grep Username'))
  expect(whoami).toEqual([`Username${' '.repeat(44)}system:serviceaccount:sa-demo:default`])

  expect(texts(await typeCommand(page, 'kubectl -n sa-demo delete pod app'))).toEqual(['pod "app" deleted from sa-demo namespace'])
  const status = texts(await typeCommand(page, 'curl -s --cacert ca.pem -H "Authorization: Bearer $TOK" https://$APISERVER/api/v1/namespaces/sa-demo/pods'))
  expect(status).toEqual(['{', '  "kind": "Status",', '  "apiVersion": "v1",', '  "metadata": {},', '  "status": "Failure",', '  "message": "Unauthorized",', '  "reason": "Unauthorized",', '  "code": 401', '}'])

  await typeCommand(page, `kubectl -n sa-demo run app-notoken --image=registry.k8s.io/e2e-test-images/agnhost:2.45 --overrides='{"spec":{"automountServiceAccountToken":false}}' --command -- sleep 100000`)
  await typeCommand(page, 'kubectl -n sa-demo wait --for=condition=Ready pod/app-notoken')
  expect(await typeCommand(page, `kubectl -n sa-demo exec app-notoken -- ls ${TOKEN_DIR}/`)).toEqual([
    { text: `ls: ${TOKEN_DIR}/: No such file or directory`, stderr: true },
    { text: 'command terminated with exit code 1', stderr: true },
  ])
  expect(texts(await typeCommand(page, 'kubectl delete namespace sa-demo'))).toEqual(['namespace "sa-demo" deleted'])
  expect(texts(await typeCommand(page, 'kubectl get ns sa-demo'))).toEqual(['Error from server (NotFound): namespaces "sa-demo" not found'])
})
