// Differential tests of the create sub-commands (role, clusterrole, rolebinding, clusterrolebinding, secret
// generic, token), create and delete --raw, and auth/apply client-side errors against a real kubectl: dry-run output and client-side errors.

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { drop133, maskKlog, realBatch, startOracleServer, workdir, type OracleServer, type Real } from '../testing/oracle'
import { ADMIN_KUBECONFIG, FakeLab, runKubectl } from '../testing/fake'

const FILES: Record<string, string> = { 'a.txt': 'hello\n', 'b.conf': 'x=1\ny=2\n', 'env.list': '# c\nA=1\n\nB=two words\n', 'req.json': '{"apiVersion":"authentication.k8s.io/v1","kind":"TokenRequest","spec":{}}\n' }
const DRY = ['--dry-run=client']

const CASES: string[][] = [
  ['create', 'role', 'pod-reader', '--verb=get', '--verb=list', '--verb=watch', '--resource=pods', ...DRY, '-o', 'yaml'],
  // verbs every JavaScript object has as keys (one failed with "special.some is not a function")
  ['create', 'role', 'r', '--verb=constructor', '--verb=toString', '--resource=pods', ...DRY, '-o', 'yaml'],
  ['create', 'role', 'r', '--verb=get', '--resource=po,pods/exec,pod/log', ...DRY, '-o', 'yaml'],
  ['create', 'role', 'r', '--verb=get,list', '--resource=roles.rbac,sa', '--resource-name=a', '--resource-name=b', '--resource-name=a', '-n', 'sa-demo', ...DRY, '-o', 'yaml'],
  ['create', 'role', 'r', '--verb=get,*', '--resource=*,pods', ...DRY, '-o', 'yaml'],
  ['create', 'role', 'r', '--verb=foo', '--resource=pods', ...DRY, '-o', 'json'],
  ['create', 'role', 'r', '--verb=get', '--resource=serviceaccounts/token', ...DRY],
  ['create', 'role', 'r', '--verb=create', '--resource=serviceaccounts/token', '--save-config', ...DRY, '-o', 'yaml'],
  ['create', 'role', 'r', '--verb=get', '--resource=foo', ...DRY],
  ['create', 'role', 'r', '--verb=get', '--resource=foo.bar', ...DRY],
  ['create', 'role', 'r', '--verb=use', '--resource=pods', ...DRY],
  ['create', 'role', 'r', '--verb=impersonate', '--resource=serviceaccounts,users', ...DRY, '-o', 'yaml'],
  ['create', 'role', 'r', '--resource=pods'],
  ['create', 'role', 'r', '--verb=get'],
  ['create', 'role', 'r', '--verb=get', '--resource=.rbac'],
  // short names as discovery spells them; a name in any case; a group by its start
  ['create', 'role', 'r', '--verb=get', '--resource=PO', ...DRY],
  ['create', 'role', 'r', '--verb=get', '--resource=Pods', ...DRY, '-o', 'yaml'],
  ['create', 'role', 'r', '--verb=get', '--resource=roles.rba', ...DRY, '-o', 'yaml'],
  ['create', 'role', '--verb=get', '--resource=pods'],
  ['create', 'role', 'r', '--verb=get', '--resource=pods', '--dry-run=bogus'],
  ['create', 'clusterrole', 'c', '--verb=get', '--non-resource-url=/logs/*', ...DRY, '-o', 'yaml'],
  ['create', 'clusterrole', 'c', '--verb=get,list', '--resource=pods,nodes,clusterroles', '--non-resource-url=/healthz', ...DRY, '-o', 'yaml'],
  ['create', 'clusterrole', 'c', '--verb=list', '--non-resource-url=logs'],
  ['create', 'clusterrole', 'c', '--verb=get', '--non-resource-url=logs'],
  ['create', 'clusterrole', 'c', '--verb=get'],
  ['create', 'clusterrole', 'c', '--verb=get', '--non-resource-url=/a*b'],
  ['create', 'clusterrole', 'c', '--verb=bind', '--resource=roles', ...DRY, '-o', 'yaml'],
  ['create', 'rolebinding', 'read-pods', '--role=pod-reader', '--serviceaccount=sa-demo:default', '-n', 'sa-demo', ...DRY, '-o', 'yaml'],
  ['create', 'rolebinding', 'rb', '--clusterrole=view', '--user=jane', '--user=joe', '--group=devs', '--serviceaccount=a:b', ...DRY, '-o', 'json'],
  ['create', 'rolebinding', 'rb', '--clusterrole=view', '--role=x', ...DRY],
  ['create', 'rolebinding', 'rb', ...DRY],
  ['create', 'rolebinding', 'rb', '--role=x', '--serviceaccount=default', ...DRY],
  ['create', 'rolebinding', 'rb', '--role=x', ...DRY],
  ['create', 'clusterrolebinding', 'crb', '--clusterrole=cluster-admin', '--group=g', '--serviceaccount=sa-demo:default', ...DRY, '-o', 'yaml'],
  ['create', 'clusterrolebinding', 'crb', '--clusterrole=view', '--serviceaccount=a:', ...DRY],
  ['create', 'clusterrolebinding', 'crb', '--clusterrole=view', ...DRY, '-o', 'name'],
  ['create', 'secret', 'generic', 's', '--from-literal=user=admin', '--from-literal=password=p@ss=w', ...DRY, '-o', 'yaml'],
  ['create', 'secret', 'generic', 's', '--from-file=a.txt', '--from-file=conf=b.conf', '--type=kubernetes.io/service-account-token', '-n', 'x', ...DRY, '-o', 'json'],
  ['create', 'secret', 'generic', 's', '--from-env-file=env.list', ...DRY, '-o', 'yaml'],
  ['create', 'secret', 'generic', 's', ...DRY, '-o', 'yaml'],
  ['create', 'secret', 'generic', 's', '--from-literal=a', ...DRY],
  ['create', 'secret', 'generic', 's', '--from-literal=a=1', '--from-literal=a=2', ...DRY],
  ['create', 'secret', 'generic', 's', '--from-literal=a b=1', ...DRY],
  ['create', 'secret', 'generic', 's', '--from-file=nope.txt', ...DRY],
  ['create', 'secret', 'generic', 's', '--from-file==a.txt', ...DRY],
  ['create', 'secret', 'generic', 's', '--from-file=k=', ...DRY],
  ['create', 'secret', 'generic', 's', '--from-file=a=b=c', ...DRY],
  ['create', 'secret', 'generic', 's', '--from-env-file=env.list', '--from-literal=a=b', ...DRY],
  ['create', 'secret', 'generic', ...DRY],
  ['create', 'secret', 'generic', 's', ...DRY],
  ['create', 'token'],
  ['create', 'token', 'a', 'b'],
  ['create', 'token', 'x', '--duration=-1s'],
  ['create', 'token', 'x', '--duration=1500ms'],
  ['create', 'token', 'x', '--duration=abc'],
  ['create', 'token', 'x', '--audience='],
  ['create', 'token', 'x', '--bound-object-name=app'],
  ['create', 'token', 'x', '--bound-object-uid=123'],
  ['create', 'token', 'x', '--bound-object-kind=Deployment'],
  ['create', 'token', 'x', '--bound-object-kind=Pod'],
  ['create', 'token', 'x', '-o', 'bogus'],
  ['auth', 'can-i'],
  ['auth', 'can-i', 'get'],
  ['auth', 'can-i', '--list', 'pods'],
  ['auth', 'whoami', 'extra', '-o', 'wide'],
  ['apply', '-f', 'nope.yaml'],
  ['apply'],
  ['create', '-f', 'nope.yaml'],
  // create --raw: CreateOptions.Validate's checks in order, then the file, then the server's answer
  ['create', '--raw', '/api/v1/x'],
  ['create', '--raw', '/api/v1/x', '-f', 'a.txt', '-f', 'b.conf'],
  ['create', '--raw', '/api/v1/x', '-f', 'https://example.com/a.json'],
  ['create', '--raw', '/api/v1/x', '-f', 'req.json', '-o', 'yaml'],
  ['create', '--raw', 'api/v1/x', '-f', 'req.json'],
  ['create', '--raw', 'x', '-f', 'req.json', '-o', 'json'],
  ['create', '--raw', '/api/v1/x', '-f', 'nope.json'],
  ['create', '--raw', '/api/v1/namespaces/sa-demo/serviceaccounts/default/token', '-f', 'req.json'],
  ['create', 'token', 'x', '--raw', '/a'],
  // --template without -o is a go-template (PrintFlags.ToPrinter)
  ['create', 'serviceaccount', 'x', '--dry-run=client', '--template={{.metadata.name}}'],
  ['create', 'role', 'r', '--verb=get', '--resource=pods', '--dry-run=client', '--template={{range .rules}}{{.verbs}}{{end}}'],
  ['create', 'serviceaccount', 'x', '--dry-run=client', '--template={{.metadata.name}}', '-o', 'yaml'],
  // the deprecated forms of --dry-run: klog's warning, then the dry run
  ['create', 'serviceaccount', 'x', '--dry-run'],
  ['create', 'serviceaccount', 'x', '--dry-run=true'],
  ['create', 'serviceaccount', 'x', '--dry-run='],
  // delete --raw: Complete reads no arguments, DeleteOptions.Validate's checks in order, then the answer as it came
  ['delete', '--raw', '/api/v1/namespaces/sa-demo/serviceaccounts/default/token'],
  ['delete', '--raw', '/api/v1/namespaces/sa-demo/serviceaccounts/default/token', 'pod', 'ignored'],
  ['delete', '--raw', 'x'],
  ['delete', '--raw', '/x', '-o', 'yaml'],
  ['delete', '--raw', '/x', '-o', 'name'],
  ['delete', '--raw', '/x', '-f', 'a.txt', '-f', 'b.conf'],
  ['delete', '--raw', '/x', '-f', 'http://example.com/a.json'],
  ['delete', '--raw', '/x', '--all', '-l', 'a=b'],
  ['delete', '--raw', '/x', '--force', '--grace-period=5'],
]

/** The server's answer to create --raw's POST: copied out as it came, no newline added. */
const TOKEN_PATH = '/api/v1/namespaces/sa-demo/serviceaccounts/default/token'
const TOKEN_ANSWER = '{"kind":"TokenRequest","apiVersion":"authentication.k8s.io/v1","status":{"token":"abc"}}'

let server: OracleServer
let real: Real[] = []
beforeAll(async () => {
  server = await startOracleServer('ok', { [TOKEN_PATH]: TOKEN_ANSWER })
  real = await realBatch(server.url, CASES, workdir(FILES))
}, 120_000)
afterAll(() => server?.close())

const labFiles = Object.fromEntries([['/root/.kube/config', ADMIN_KUBECONFIG], ...Object.entries(FILES).map(([k, v]) => [`/root/${k}`, v])])

describe('differential: create, auth and apply client side against a real kubectl', () => {
  for (const [i, args] of CASES.entries()) {
    it(args.join(' '), async () => {
      const expected = real[i]
      const got = await runKubectl(new FakeLab({ [`POST ${TOKEN_PATH}`]: TOKEN_ANSWER as never, [`DELETE ${TOKEN_PATH}`]: TOKEN_ANSWER as never }, '2026-11-29T15:38:59Z'), args, { files: labFiles })
      // klog's stamps and pid vary; helpers.go's lines are v0.35.0's (v1.33's are 16 lower)
      const stderr = maskKlog(expected.stderr).replace(/helpers\.go:(\d+)\]/g, (_, n: string) => `helpers.go:${Number(n) + 16}]`)
      expect({ ...got, stderr: maskKlog(got.stderr) }).toEqual({ ...expected, stdout: drop133(expected.stdout), stderr })
    })
  }
})
