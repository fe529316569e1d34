import { describe, expect, it } from 'vitest'
import type { ApiRequest } from '../../cluster/apiserver/types'
import { FakeLab, runKubectl, status, words } from './testing/fake'
import { nsActive, pod, sa } from './testing/fixtures'

function lab() {
  return new FakeLab(
    {
      'POST /api/v1/namespaces': (req: ApiRequest) => {
        const name = (req.body as { metadata: { name: string } }).metadata.name
        if (name === 'sa-demo') return status(409, 'AlreadyExists', 'namespaces "sa-demo" already exists', { name, kind: 'namespaces' })
        if (name === 'Bad_Name') {
          return status(422, 'Invalid', `Namespace "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-'`, {
            name, kind: 'Namespace', causes: [{ reason: 'FieldValueInvalid', message: `Invalid value: "Bad_Name": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-'`, field: 'metadata.name' }],
          })
        }
        return { ...nsActive, metadata: { ...nsActive.metadata, name } }
      },
      'POST /api/v1/namespaces/sa-demo/serviceaccounts': (req: ApiRequest) =>
        (req.body as { metadata: { name: string } }).metadata.name === 'default'
          ? status(409, 'AlreadyExists', 'serviceaccounts "default" already exists', { name: 'default', kind: 'serviceaccounts' })
          : { ...sa, metadata: { ...sa.metadata, name: (req.body as { metadata: { name: string } }).metadata.name } },
      'GET /api/v1/namespaces/default/pods/app': status(401, 'Unauthorized', 'Unauthorized'),
      'GET /api/v1/namespaces/sa-demo/pods/app': pod,
      'GET /version': { major: '1', minor: '35', gitVersion: 'v1.35.0', gitCommit: '66452049f3d692768c39c797b21b793dce80314e', gitTreeState: 'clean', buildDate: '2025-12-17T12:32:07Z', goVersion: 'go1.25.5', compiler: 'gc', platform: 'linux/amd64' },
    },
    '2026-11-29T15:26:57Z',
  )
}
const run = (line: string, l = lab()) => runKubectl(l, words(line))

describe('kubectl create', () => {
  it('creates namespaces and service accounts', async () => {
    const l = lab()
    expect((await run('create namespace sa-demo2', l)).stdout).toBe('namespace/sa-demo2 created\n')
    expect(l.requests[0].path).toBe('/api/v1/namespaces?fieldManager=kubectl-create&fieldValidation=Strict')
    expect((await run('create ns x --dry-run=client -o yaml')).stdout).toBe('apiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\nspec: {}\nstatus: {}\n')
    expect((await run('create sa build-robot -n sa-demo')).stdout).toBe('serviceaccount/build-robot created\n')
    expect((await run('create serviceaccount x --dry-run=client')).stdout).toBe('serviceaccount/x created (dry run)\n')
  })
  it('prints server errors by kubectl\'s rules', async () => {
    expect((await run('create ns sa-demo')).stderr).toBe('Error from server (AlreadyExists): namespaces "sa-demo" already exists\n')
    expect((await run('create sa default -n sa-demo')).stderr).toBe('error: failed to create serviceaccount: serviceaccounts "default" already exists\n')
    expect((await run('create ns Bad_Name')).stderr).toBe(
      `The Namespace "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-'\n`,
    )
    expect((await run('get pod app')).stderr).toBe('error: You must be logged in to the server (Unauthorized)\n')
  })
  it('gives the usage errors', async () => {
    expect((await run('create ns')).stderr).toBe("error: exactly one NAME is required, got 0\nSee 'kubectl create namespace -h' for help and examples\n")
    expect((await run('create sa a b')).stderr).toBe("error: exactly one NAME is required, got 2\nSee 'kubectl create serviceaccount -h' for help and examples\n")
    expect((await run('create')).stderr).toBe('error: must specify one of -f and -k\n')
    expect((await run('create foo')).stderr).toBe("error: Unexpected args: [foo]\nSee 'kubectl create -h' for help and examples\n")
    expect((await run('create svc x')).stderr).toContain('not available in this lab')
  })
})

describe('kubectl version', () => {
  it('prints client, kustomize and server versions', async () => {
    expect((await run('version')).stdout).toBe('Client Version: v1.35.0\nKustomize Version: v5.7.1\nServer Version: v1.35.0\n')
    expect((await run('version --client')).stdout).toBe('Client Version: v1.35.0\nKustomize Version: v5.7.1\n')
    expect((await run('version --client -o yaml')).stdout).toBe(
      'clientVersion:\n  buildDate: "2025-12-17T12:32:07Z"\n  compiler: gc\n  gitCommit: 66452049f3d692768c39c797b21b793dce80314e\n  gitTreeState: clean\n  gitVersion: v1.35.0\n  goVersion: go1.25.5\n  major: "1"\n  minor: "35"\n  platform: linux/amd64\nkustomizeVersion: v5.7.1\n\n',
    )
    expect((await run('version -o bogus')).stderr).toBe("error: --output must be 'yaml' or 'json'\n")
  })
})

describe('global flags, pflag syntax and top-level errors', () => {
  it('accepts flags anywhere and in every pflag form', async () => {
    for (const line of ['-n sa-demo get pods app', 'get pods app --namespace=sa-demo', 'get -nsa-demo pods app', 'get pods app -n=sa-demo', 'get --namespace sa-demo pod/app']) {
      expect((await run(line)).stdout, line).toContain('app    1/1     Running')
    }
  })
  it('sends the token and impersonation headers', async () => {
    const l = lab()
    await run('get pods app -n sa-demo --token=abc --as=jane --as-group=devs --as-group=ops', l)
    expect(l.requests[0].headers).toMatchObject({ authorization: 'Bearer abc', 'impersonate-user': 'jane', 'impersonate-group': 'devs, ops' })
  })
  it('prints pflag errors as kubectl does', async () => {
    expect((await run('get pods --foo')).stderr).toBe("error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n")
    expect((await run('get pods -z')).stderr).toBe("error: unknown shorthand flag: 'z' in -z\nSee 'kubectl get --help' for usage.\n")
    expect((await run('get pods -it')).stderr).toBe("error: unknown shorthand flag: 'i' in -it\nSee 'kubectl get --help' for usage.\n")
    expect((await run('get pods -n')).stderr).toBe("error: flag needs an argument: 'n' in -n\nSee 'kubectl get --help' for usage.\n")
    expect((await run('get pods --namespace')).stderr).toBe("error: flag needs an argument: --namespace\nSee 'kubectl get --help' for usage.\n")
    expect((await run('get pods --all-namespaces=foo')).stderr).toBe(
      'error: invalid argument "foo" for "-A, --all-namespaces" flag: strconv.ParseBool: parsing "foo": invalid syntax\nSee \'kubectl get --help\' for usage.\n',
    )
  })
  it('handles unknown and unavailable commands', async () => {
    expect((await run('zzzzzz')).stderr).toBe('error: unknown command "zzzzzz" for "kubectl"\n')
    expect((await run('gett')).stderr).toBe('error: unknown command "gett" for "kubectl"\n\nDid you mean this?\n\tset\n\tget\n')
    expect((await run('-n x zzzzzz')).stderr).toBe('Error: flags cannot be placed before plugin name: -n\n')
    const r = await run('-n x top pod')
    expect(r.exitCode).toBe(1)
    expect(r.stderr).toMatch(/^error: "kubectl top" is not available in this lab \(the lab runs no metrics-server/)
  })
  it("says a group's sub-command is not in the lab before it reads that sub-command's flags (they are not unknown flags)", async () => {
    for (const line of ['create deployment d --image=x', '-n x create --dry-run=client cj c --image=x --schedule=1', 'create secret tls t --cert=a --key=b', 'auth reconcile -f x.yaml', 'config set clusters.k.server https://x', 'config unset users.u']) {
      const r = await run(line)
      expect(r.exitCode, line).toBe(1)
      expect(r.stderr, line).toMatch(/^error: "kubectl (create deployment|create cj|create secret tls|auth reconcile|config set|config unset)" is not available in this lab[;(]/)
      expect(r.stderr, line).not.toContain('flag')
    }
    // a word that is no sub-command of kubectl's either is still kubectl's own error
    expect((await run('create foo --bar')).stderr).toBe("error: unknown flag: --bar\nSee 'kubectl create --help' for usage.\n")
  })
  it('prints help', async () => {
    expect((await run('')).stdout).toContain('kubectl controls the Kubernetes cluster manager.')
    expect((await run('help')).exitCode).toBe(0)
    expect((await run('get --help')).stdout).toContain('Display one or many resources')
  })
  it('without a kubeconfig, talks to localhost:8080 like kubectl', async () => {
    const r = await runKubectl(lab(), words('--kubeconfig=/dev/null get pods'))
    const lines = r.stderr.trimEnd().split('\n')
    expect(lines).toHaveLength(6)
    expect(lines[0]).toMatch(/^E1129 15:26:57\.\d{6} {4}\d+ memcache\.go:265\] "Unhandled Error" err="couldn't get current server API group list: Get \\"http:\/\/localhost:8080\/api\?timeout=32s\\": dial tcp 127\.0\.0\.1:8080: connect: connection refused"$/)
    expect(lines[5]).toBe('The connection to the server localhost:8080 was refused - did you specify the right host or port?')
    expect((await runKubectl(lab(), words('--kubeconfig=/dev/null create ns a'))).stderr).toBe(
      'The connection to the server localhost:8080 was refused - did you specify the right host or port?\n',
    )
  })
})
