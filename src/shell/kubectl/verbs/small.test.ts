// Smaller kubectl behaviours: Go's duration errors on --duration, the NamePrinter's <unknown> for an object
// without a name (cli-runtime printers/name.go), get --raw bodies as served (rawhttp.RawGet copies the body).

import { describe, expect, it } from 'vitest'
import { FakeLab, runKubectl } from '../testing/fake'

const lab = () =>
  new FakeLab(
    {
      'POST /apis/authentication.k8s.io/v1/tokenreviews': { apiVersion: 'authentication.k8s.io/v1', kind: 'TokenReview', metadata: {}, spec: { token: 'x' }, status: { authenticated: false } },
      'GET /healthz': (): [number, Record<string, unknown>] => [200, 'ok' as unknown as Record<string, unknown>],
      'GET /openid/v1/jwks': (): [number, Record<string, unknown>] => [200, '{"keys":[{"use":"sig","kty":"RSA"}]}' as unknown as Record<string, unknown>],
      'GET /api/v1/namespaces/default/serviceaccounts/x': { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'x', namespace: 'default' } },
    },
    '2026-12-05T10:00:00Z',
  )

describe('small kubectl behaviours', () => {
  it('events --for takes resource/name only (events.go decodeResourceTypeName; as the real kubectl prints it)', async () => {
    expect(await runKubectl(lab(), ['events', '--for', 'pod'])).toMatchObject({ stderr: 'error: --for must be in resource/name form\n', exitCode: 1 })
    expect(await runKubectl(lab(), ['events', '--for', 'pod/a/b'])).toMatchObject({ stderr: 'error: arguments in resource/name form may not have more than one slash\n', exitCode: 1 })
  })
  it('create clusterrolebinding without --clusterrole: cobra\'s required flag, before the name is looked at', async () => {
    for (const args of [['x'], [], ['x', '--user=u', '--dry-run=client']]) {
      expect(await runKubectl(lab(), ['create', 'clusterrolebinding', ...args])).toMatchObject({ stdout: '', stderr: 'error: required flag(s) "clusterrole" not set\n', exitCode: 1 })
    }
    // set, even to nothing, it is there: the API server's validation then answers
    expect((await runKubectl(lab(), ['create', 'clusterrolebinding', 'x', '--clusterrole=', '--dry-run=client', '-o', 'name'])).stdout).toBe('clusterrolebinding.rbac.authorization.k8s.io/x\n')
  })
  it('create token --duration=10 fails with time.ParseDuration wording', async () => {
    const r = await runKubectl(lab(), ['create', 'token', 'robot', '--duration=10'])
    expect(r.stderr).toBe('error: invalid argument "10" for "--duration" flag: time: missing unit in duration "10"\nSee \'kubectl create token --help\' for usage.\n')
    expect(r.exitCode).toBe(1)
  })
  it('a created TokenReview prints with <unknown> for its missing name', async () => {
    const file = 'apiVersion: authentication.k8s.io/v1\nkind: TokenReview\nspec:\n  token: x\n'
    const r = await runKubectl(lab(), ['create', '-f', 'tr.yaml'], { files: { '/root/tr.yaml': file, '/root/.kube/config': (await import('../testing/fake')).ADMIN_KUBECONFIG } })
    expect(r.stdout).toBe('tokenreview.authentication.k8s.io/<unknown> created\n')
  })
  it('get --raw prints bodies as they are: text without a newline, JSON with the encoder\'s newline', async () => {
    expect((await runKubectl(lab(), ['get', '--raw', '/healthz'])).stdout).toBe('ok')
    expect((await runKubectl(lab(), ['get', '--raw', '/openid/v1/jwks'])).stdout).toBe('{"keys":[{"use":"sig","kty":"RSA"}]}')
    expect((await runKubectl(lab(), ['get', '--raw', '/api/v1/namespaces/default/serviceaccounts/x'])).stdout).toBe(
      '{"apiVersion":"v1","kind":"ServiceAccount","metadata":{"name":"x","namespace":"default"}}\n',
    )
  })
})
