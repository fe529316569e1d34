// -v=6 to -v=9 request logging, against the formats of kubernetes-next.md §5 (kubectl v1.33.1 observed; klog
// header `I1205 09:41:22.453404    2389 round_trippers.go:632] `, token always `Bearer <masked>`).

import { describe, expect, it } from 'vitest'
import { FakeLab, runKubectl } from './testing/fake'

const SA = { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'robot', namespace: 'sa-demo' } }
const lab = () => new FakeLab({ 'GET /api/v1/namespaces/sa-demo/serviceaccounts/robot': SA }, '2026-12-05T10:00:00Z')
const KLOG = /^I1205 10:00:00\.\d{6} {4}4242 ([a-z_]+\.go:\d+)\] (.*)$/

describe('kubectl -v request logging', () => {
  it('-v=6: the kubeconfig line, then one Response line per request', async () => {
    const r = await runKubectl(lab(), ['-v=6', '-n', 'sa-demo', 'get', 'sa', 'robot', '-o', 'name'])
    const lines = r.stderr.trimEnd().split('\n')
    expect(lines.map((l) => l.replace(KLOG, '$1] $2'))).toEqual([
      'loader.go:402] Config loaded from file:  /root/.kube/config',
      'round_trippers.go:632] "Response" verb="GET" url="https://10.0.1.10:6443/api/v1/namespaces/sa-demo/serviceaccounts/robot" status="200 OK" milliseconds=4',
    ])
    expect(r.stdout).toBe('serviceaccount/robot\n')
  })
  it('-v=7: sorted request headers, the bearer token masked, the block closed by " >"', async () => {
    const r = await runKubectl(lab(), ['get', 'sa', 'robot', '-n', 'sa-demo', '--v=7', '--token=secret.token.value', '--insecure-skip-tls-verify', '-o', 'name'])
    expect(r.stderr).not.toContain('secret.token.value')
    const text = r.stderr.replace(/^I1205 10:00:00\.\d{6} {4}4242 /gm, '')
    expect(text).toContain(
      'round_trippers.go:527] "Request" verb="GET" url="https://10.0.1.10:6443/api/v1/namespaces/sa-demo/serviceaccounts/robot" headers=<\n' +
        '\tAccept: application/json\n\tAuthorization: Bearer <masked>\n\tUser-Agent: kubectl/v1.35.0 (linux/amd64) kubernetes/66452049\n >\n' +
        'round_trippers.go:632] "Response" status="200 OK" milliseconds=4\n',
    )
  })
  it('-v=8: bodies as Go-quoted strings; -v=9: the curl command with -XGET and two spaces', async () => {
    const r8 = await runKubectl(lab(), ['-v=8', '-n', 'sa-demo', 'get', 'sa', 'robot', '-o', 'name'])
    expect(r8.stderr).toContain('helper.go:113] "Request Body" body=""\n')
    expect(r8.stderr).toContain('helper.go:113] "Response Body" body="{\\"apiVersion\\":\\"v1\\",\\"kind\\":\\"ServiceAccount\\"')
    const r9 = await runKubectl(lab(), ['-v=9', '-n', 'sa-demo', 'get', 'sa', 'robot', '-o', 'name'])
    expect(r9.stderr).toContain('"Request" curlCommand=<\n\tcurl -v -XGET  -H "Accept: application/json" -H "User-Agent: ')
    expect(r9.stderr).toMatch(/ > milliseconds=\d+ dnsLookupMilliseconds=0 dialMilliseconds=0 tlsHandshakeMilliseconds=\d+ serverProcessingMilliseconds=\d+\n/)
  })
  it('nothing below -v=6', async () => {
    expect((await runKubectl(lab(), ['-v=5', '-n', 'sa-demo', 'get', 'sa', 'robot', '-o', 'name'])).stderr).toBe('')
  })
})
