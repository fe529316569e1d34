// kubectl create --raw in the lab: the body goes to the API as the file's JSON; a file in another
// format (the real API server would refuse it as a body it cannot decode) gets the lab's own words.
import { describe, expect, it } from 'vitest'
import { ADMIN_KUBECONFIG, FakeLab, runKubectl } from '../testing/fake'

const files = { '/root/.kube/config': ADMIN_KUBECONFIG, '/root/tr.json': '{"kind":"TokenRequest","spec":{"audiences":["vault"]}}\n', '/root/tr.yaml': 'kind: TokenRequest\n' }

describe('kubectl create --raw', () => {
  it("POSTs the file's JSON to the path and prints the answer as it came", async () => {
    const lab = new FakeLab({ 'POST /api/v1/namespaces/a/serviceaccounts/b/token': { kind: 'TokenRequest', status: { token: 't' } } }, '2026-11-29T15:38:59Z')
    const r = await runKubectl(lab, ['create', '--raw', '/api/v1/namespaces/a/serviceaccounts/b/token', '-f', 'tr.json'], { files })
    expect(r).toEqual({ stdout: '{"kind":"TokenRequest","status":{"token":"t"}}\n', stderr: '', exitCode: 0 })
    expect(lab.requests.map((q) => [q.method, q.path, q.body])).toEqual([['POST', '/api/v1/namespaces/a/serviceaccounts/b/token', { kind: 'TokenRequest', spec: { audiences: ['vault'] } }]])
  })

  it('a file that is not JSON: says the lab sends JSON only, and sends nothing', async () => {
    const lab = new FakeLab({}, '2026-11-29T15:38:59Z')
    const r = await runKubectl(lab, ['create', '--raw', '/api/v1/x', '-f', 'tr.yaml'], { files })
    expect(r.stderr).toBe("error: the lab's kubectl create --raw sends JSON bodies only, and tr.yaml is not JSON; write it as JSON (kubectl create -f takes YAML)\n")
    expect(r.exitCode).toBe(1)
    expect(lab.requests).toEqual([])
  })
})
