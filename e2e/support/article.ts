// The article's commands, shared by the specs, and a quick way to run set-up lines: through
// window.lab.run, which echoes and shows them in the terminal exactly as typed ones are (one
// round trip each instead of a dozen). e2e/article.spec.ts types the whole article at the prompt.
import { expect, type Page } from '@playwright/test'
import { waitIdle } from './terminal'

export const TOKEN_DIR = '/var/run/secrets/kubernetes.io/serviceaccount'
export const TOKEN_FILE = `${TOKEN_DIR}/token`
export const RUN_APP = 'kubectl -n sa-demo run app --image=registry.k8s.io/e2e-test-images/agnhost:2.45 --command -- sleep 100000'
export const PRINT_TOKEN = `kubectl -n sa-demo exec app -- cat ${TOKEN_FILE}`
export const SET_TOK = `TOK=$(${PRINT_TOKEN})`
export const CURL_PODS =
  'curl -s -o /dev/null -w "HTTP %{http_code}\\n" --cacert ca.pem -H "Authorization: Bearer $TOK" https://$APISERVER/api/v1/namespaces/sa-demo/pods'

/** A namespace and the pod `app` in it, running. */
export const POD_UP = ['kubectl create namespace sa-demo', RUN_APP, 'kubectl -n sa-demo wait --for=condition=Ready pod/app']
/** ... and the pod's token in $TOK. */
export const TOK_SET = [...POD_UP, SET_TOK]
/** ... and the 403 the token gets listing pods. */
export const FIRST_403 = [...TOK_SET, CURL_PODS]

/**
 * Run set-up lines through window.lab.run, in order, each shown in the terminal as if typed;
 * each must succeed (exit code 0). Then wait for the prompt.
 */
export async function runLines(page: Page, lines: readonly string[]): Promise<void> {
  const results = await page.evaluate(async (lines) => {
    const out: { line: string; exitCode: number; stderr: string }[] = []
    for (const line of lines) {
      const r = await window.lab!.run(line)
      out.push({ line, exitCode: r.exitCode, stderr: r.stderr })
    }
    return out
  }, lines)
  for (const r of results) expect(r, r.line).toEqual({ line: r.line, exitCode: 0, stderr: '' })
  await waitIdle(page)
}

/** Every new page of the test starts with empty local storage, once (a reload keeps what it saved). */
export async function clearStorageOnce(page: Page): Promise<void> {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('e2e-cleared')) {
      localStorage.clear()
      sessionStorage.setItem('e2e-cleared', '1')
    }
  })
}
