import { describe, expect, it } from 'vitest'
import type { ApiRequest } from '../../../cluster/apiserver/types'
import { CLUSTER_CA_PEM } from '../../../cluster/pki/fixed'
import { FakeLab, runKubectl, status, words } from '../testing/fake'

const review = {
  kind: 'SelfSubjectReview',
  apiVersion: 'authentication.k8s.io/v1',
  metadata: { creationTimestamp: '2026-11-29T15:38:59Z' },
  status: {
    userInfo: {
      username: 'system:serviceaccount:sa-demo:default',
      uid: '5b2f0c1d-2e3f-4a5b-8c6d-7e8f9a0b1c2d',
      groups: ['system:serviceaccounts', 'system:serviceaccounts:sa-demo', 'system:authenticated'],
      extra: {
        'authentication.kubernetes.io/pod-uid': ['e21c'],
        'authentication.kubernetes.io/credential-id': ['JTI=7c1e'],
        'authentication.kubernetes.io/node-name': ['worker-0'],
        'authentication.kubernetes.io/pod-name': ['app'],
        'authentication.kubernetes.io/node-uid': ['9a3d'],
      },
    },
  },
}

const TOKEN_ARGS = ['--kubeconfig=/dev/null', '--token=T', '--server=https://10.0.1.10:6443', '--certificate-authority=ca.pem']
const files = { '/root/ca.pem': CLUSTER_CA_PEM, '/root/other.pem': '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n', '/root/bad.pem': 'garbage\n' }
const lab = (routes: ConstructorParameters<typeof FakeLab>[0] = {}) => new FakeLab({ 'POST /apis/authentication.k8s.io/v1/selfsubjectreviews': review, ...routes }, '2026-11-29T15:38:59Z')
const run = (l: FakeLab, line: string, extra: string[] = TOKEN_ARGS) => runKubectl(l, [...extra, ...words(line)], { files })

describe('kubectl auth whoami', () => {
  it('prints the table as §6.5 (article line)', async () => {
    const l = lab()
    const r = await run(l, 'auth whoami')
    expect(r.stdout).toBe(
      'ATTRIBUTE                                           VALUE\n' +
        'Username                                            system:serviceaccount:sa-demo:default\n' +
        'UID                                                 5b2f0c1d-2e3f-4a5b-8c6d-7e8f9a0b1c2d\n' +
        'Groups                                              [system:serviceaccounts system:serviceaccounts:sa-demo system:authenticated]\n' +
        'Extra: authentication.kubernetes.io/credential-id   [JTI=7c1e]\n' +
        'Extra: authentication.kubernetes.io/node-name       [worker-0]\n' +
        'Extra: authentication.kubernetes.io/node-uid        [9a3d]\n' +
        'Extra: authentication.kubernetes.io/pod-name        [app]\n' +
        'Extra: authentication.kubernetes.io/pod-uid         [e21c]\n',
    )
    expect(l.requests[0].headers.authorization).toBe('Bearer T')
    expect(l.requests[0].clientCert).toBeUndefined()
    expect(l.discovery).toHaveLength(0)
  })
  it('prints -o yaml and -o json of the SelfSubjectReview as kubectl does', async () => {
    const small = { ...review, status: { userInfo: { username: 'admin', groups: ['system:masters', 'system:authenticated'] } } }
    const l = lab({ 'POST /apis/authentication.k8s.io/v1/selfsubjectreviews': small })
    expect((await run(l, 'auth whoami -o yaml')).stdout).toBe(
      'apiVersion: authentication.k8s.io/v1\nkind: SelfSubjectReview\nmetadata:\n  creationTimestamp: "2026-11-29T15:38:59Z"\nstatus:\n  userInfo:\n    groups:\n    - system:masters\n    - system:authenticated\n    username: admin\n',
    )
    expect((await run(l, 'auth whoami -o json')).stdout).toBe(
      '{\n    "kind": "SelfSubjectReview",\n    "apiVersion": "authentication.k8s.io/v1",\n    "metadata": {\n        "creationTimestamp": "2026-11-29T15:38:59Z"\n    },\n    "status": {\n        "userInfo": {\n            "username": "admin",\n            "groups": [\n                "system:masters",\n                "system:authenticated"\n            ]\n        }\n    }\n}\n',
    )
    expect((await run(l, 'auth whoami')).stdout).toBe('ATTRIBUTE   VALUE\nUsername    admin\nGroups      [system:masters system:authenticated]\n')
  })
  it('maps 403 and 404 to its own errors, 401 to the login message', async () => {
    const forbidden = lab({ 'POST /apis/authentication.k8s.io/v1/selfsubjectreviews': status(403, 'Forbidden', 'nope') })
    expect((await run(forbidden, 'auth whoami')).stderr).toBe('error: the selfsubjectreviews API is not enabled in the cluster or you do not have permission to call it\n')
    const missing = lab({ 'POST /apis/authentication.k8s.io/v1/selfsubjectreviews': status(404, 'NotFound', 'not found') })
    expect((await run(missing, 'auth whoami')).stderr).toBe('error: the selfsubjectreviews API is not enabled in the cluster\n')
    const rejected = lab({ 'POST /apis/authentication.k8s.io/v1/selfsubjectreviews': status(401, 'Unauthorized', 'Unauthorized') })
    expect(await run(rejected, 'auth whoami')).toEqual({ stdout: '', stderr: 'error: You must be logged in to the server (Unauthorized)\n', exitCode: 1 })
  })
})

describe('TLS, CA and server flags', () => {
  const base = ['--kubeconfig=/dev/null', '--token=T']
  it('fails certificate verification without the cluster CA', async () => {
    const tls = 'Unable to connect to the server: tls: failed to verify certificate: x509: certificate signed by unknown authority\n'
    expect((await run(lab(), 'auth whoami', [...base, '--server=https://10.0.1.10:6443'])).stderr).toBe(tls)
    expect((await run(lab(), 'auth whoami', [...base, '--server=https://10.0.1.10:6443', '--certificate-authority=other.pem'])).stderr).toBe(tls)
    const get = await run(lab(), 'get pods', [...base, '-s', 'https://10.0.1.10:6443'])
    const lines = get.stderr.trimEnd().split('\n')
    expect(lines).toHaveLength(6)
    expect(lines[0]).toMatch(/memcache\.go:265\] "Unhandled Error" err="couldn't get current server API group list: Get \\"https:\/\/10\.0\.1\.10:6443\/api\?timeout=32s\\": tls: failed to verify certificate: x509: certificate signed by unknown authority"$/)
    expect(lines[5]).toBe(tls.trimEnd())
    expect((await run(lab(), 'auth whoami', [...base, '--server=https://10.0.1.10:6443', '--insecure-skip-tls-verify'])).exitCode).toBe(0)
  })
  it('reports CA file problems and other servers as kubectl does', async () => {
    expect((await run(lab(), 'auth whoami', [...base, '-s', 'https://10.0.1.10:6443', '--certificate-authority=nope.pem'])).stderr).toBe(
      'error: unable to read certificate-authority nope.pem for  due to open nope.pem: no such file or directory\n',
    )
    expect((await run(lab(), 'auth whoami', [...base, '-s', 'https://10.0.1.10:6443', '--certificate-authority=bad.pem'])).stderr).toBe(
      'error: unable to load root certificates: unable to parse bytes as PEM block\n',
    )
    expect((await run(lab(), 'auth whoami', [...base, '-s', 'https://10.0.1.10:6443', '--certificate-authority=ca.pem', '--insecure-skip-tls-verify'])).stderr).toBe(
      'error: specifying a root certificates file with the insecure flag is not allowed\n',
    )
    expect((await run(lab(), 'auth whoami', [...base, '-s', 'https://10.0.1.99:6443'])).stderr).toBe(
      'The connection to the server 10.0.1.99:6443 was refused - did you specify the right host or port?\n',
    )
    expect((await run(lab(), 'create token x', [...base, '-s', 'https://10.0.1.99:6443'])).stderr).toBe(
      'error: failed to create token: Post "https://10.0.1.99:6443/api/v1/namespaces/default/serviceaccounts/x/token": dial tcp 10.0.1.99:6443: connect: connection refused\n',
    )
    expect(await run(lab(), 'auth whoami', ['--kubeconfig=/dev/null', '-s', 'https://10.0.1.10:6443'])).toEqual({ stdout: 'Please enter Username: ', stderr: 'error: EOF\n', exitCode: 1 })
  })
  it('sends impersonation headers, several groups joined', async () => {
    const l = lab()
    await run(l, 'auth whoami --as=jane --as-group=devs --as-group=ops --as-uid=42')
    expect(l.requests[0].headers).toMatchObject({ 'impersonate-user': 'jane', 'impersonate-group': 'devs, ops', 'impersonate-uid': '42' })
  })
})

describe('kubectl auth can-i', () => {
  const ssar = (allowed: boolean, reason?: string) => (req: ApiRequest) => ({ ...(req.body as object), status: { allowed, ...(reason ? { reason } : {}) } })
  it('answers yes/no with the exit code and sends the attributes', async () => {
    const l = lab({ 'POST /apis/authorization.k8s.io/v1/selfsubjectaccessreviews': ssar(true) })
    expect(await run(l, 'auth can-i create sa --subresource=token -n sa-demo')).toEqual({ stdout: 'yes\n', stderr: '', exitCode: 0 })
    expect((l.requests[0].body as { spec: object }).spec).toEqual({ resourceAttributes: { namespace: 'sa-demo', verb: 'create', resource: 'serviceaccounts', subresource: 'token' } })
    const no = lab({ 'POST /apis/authorization.k8s.io/v1/selfsubjectaccessreviews': ssar(false, 'RBAC: role.rbac.authorization.k8s.io "x" not found') })
    expect(await run(no, 'auth can-i list roles.rbac.authorization.k8s.io/x -A')).toEqual({ stdout: 'no - RBAC: role.rbac.authorization.k8s.io "x" not found\n', stderr: '', exitCode: 1 })
    expect((no.requests[0].body as { spec: object }).spec).toEqual({ resourceAttributes: { verb: 'list', group: 'rbac.authorization.k8s.io', resource: 'roles', name: 'x' } })
    expect(await run(no, 'auth can-i get pods -q')).toEqual({ stdout: '', stderr: '', exitCode: 1 })
  })
  it('warns as kubectl does', async () => {
    const l = lab({ 'POST /apis/authorization.k8s.io/v1/selfsubjectaccessreviews': ssar(true) })
    expect((await run(l, 'auth can-i get nodes')).stderr).toBe("Warning: resource 'nodes' is not namespace scoped\n\n")
    expect((await run(l, 'auth can-i get clusterroles')).stderr).toBe("Warning: resource 'clusterroles' is not namespace scoped in group 'rbac.authorization.k8s.io'\n\n")
    expect((await run(l, 'auth can-i get foo')).stderr).toBe("Warning: the server doesn't have a resource type 'foo'\n\n")
    expect((await run(l, 'auth can-i frob pods')).stderr).toBe("Warning: verb 'frob' is not a known verb\n\n")
    expect((await run(l, 'auth can-i get /healthz --subresource=x')).stderr).toBe('error: --subresource can not be used with NonResourceURL\n')
    expect((await run(l, 'auth can-i --list -q')).stderr).toBe("error: list option can't be specified with neither quiet, all-namespaces nor subresource options\n")
  })
  it('prints --list as kubectl compacts and sorts the rules', async () => {
    const rules = {
      kind: 'SelfSubjectRulesReview',
      status: {
        resourceRules: [
          { verbs: ['create'], apiGroups: ['authentication.k8s.io'], resources: ['selfsubjectreviews'] },
          { verbs: ['create'], apiGroups: ['authorization.k8s.io'], resources: ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'] },
          { verbs: ['get', 'list'], apiGroups: [''], resources: ['pods'] },
          { verbs: ['get'], apiGroups: [''], resources: ['pods/log'], resourceNames: ['app'] },
        ],
        nonResourceRules: [{ verbs: ['get'], nonResourceURLs: ['/healthz', '/version'] }],
        incomplete: false,
      },
    }
    const l = lab({ 'POST /apis/authorization.k8s.io/v1/selfsubjectrulesreviews': rules })
    expect((await run(l, 'auth can-i --list -n sa-demo')).stdout).toBe(
      'Resources                                       Non-Resource URLs   Resource Names   Verbs\n' +
        'selfsubjectreviews.authentication.k8s.io        []                  []               [create]\n' +
        'selfsubjectaccessreviews.authorization.k8s.io   []                  []               [create]\n' +
        'selfsubjectrulesreviews.authorization.k8s.io    []                  []               [create]\n' +
        'pods                                            []                  []               [get list]\n' +
        '                                                [/healthz]          []               [get]\n' +
        '                                                [/version]          []               [get]\n' +
        'pods/log                                        []                  [app]            [get]\n',
    )
    expect((l.requests[0].body as { spec: object }).spec).toEqual({ namespace: 'sa-demo' })
  })
})
