import { describe, expect, it } from 'vitest'
import type { ApiRequest } from '../../../cluster/apiserver/types'
import { LAST_APPLIED } from '../applyPatch'
import { ADMIN_KUBECONFIG, FakeLab, notFound, runKubectl, status, words } from '../testing/fake'

/* eslint-disable @typescript-eslint/no-explicit-any */
type O = Record<string, any>

/** A tiny object store behind the fake API server (GET, POST, strategic-merge PATCH as a merge patch). */
function storeLab() {
  const objs = new Map<string, O>()
  const route = (req: ApiRequest): [number, O] | O => {
    const path = req.path.split('?')[0]
    if (req.method === 'GET') return objs.get(path) ?? notFound('serviceaccounts', path.split('/').pop() ?? '')
    if (req.method === 'POST') {
      const b = req.body as O
      const key = `${path}/${b.metadata.name}`
      if (objs.has(key)) return status(409, 'AlreadyExists', `serviceaccounts "${b.metadata.name}" already exists`, { name: b.metadata.name, kind: 'serviceaccounts' })
      objs.set(key, { ...b, metadata: { ...b.metadata, uid: 'u1', creationTimestamp: '2026-11-29T15:38:59Z' } })
      return [201, objs.get(key) as O]
    }
    const cur = objs.get(path) as O
    const merged = { ...cur, ...(req.body as O), metadata: { ...cur.metadata, ...(req.body as O).metadata, annotations: { ...cur.metadata.annotations, ...(req.body as O).metadata?.annotations } } }
    objs.set(path, merged)
    return merged
  }
  const l = new FakeLab({}, '2026-11-29T15:38:59Z')
  l.api = async (req) => {
    l.requests.push(req)
    const r = route(req)
    const [code, body] = Array.isArray(r) ? r : [r.kind === 'Status' ? r.code : 200, r]
    return { status: code, headers: {}, body }
  }
  return { l, objs }
}

const SA = 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: build-robot\n'
const TWO = `${SA}---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: team\n`
const files = (extra: Record<string, string>) => ({ '/root/.kube/config': ADMIN_KUBECONFIG, ...extra })

describe('kubectl apply -f', () => {
  it('creates, then reports unchanged, then configured, with the last-applied annotation', async () => {
    const { l, objs } = storeLab()
    const r1 = await runKubectl(l, words('apply -f sa.yaml -n sa-demo'), { files: files({ '/root/sa.yaml': SA }) })
    expect(r1).toEqual({ stdout: 'serviceaccount/build-robot created\n', stderr: '', exitCode: 0 })
    const created = objs.get('/api/v1/namespaces/sa-demo/serviceaccounts/build-robot') as O
    expect(created.metadata.annotations[LAST_APPLIED]).toBe('{"apiVersion":"v1","kind":"ServiceAccount","metadata":{"annotations":{},"name":"build-robot","namespace":"sa-demo"}}\n')
    expect(l.requests.find((r) => r.method === 'POST')?.path).toBe('/api/v1/namespaces/sa-demo/serviceaccounts?fieldManager=kubectl-client-side-apply&fieldValidation=Strict')
    expect((await runKubectl(l, words('apply -f sa.yaml -n sa-demo'), { files: files({ '/root/sa.yaml': SA }) })).stdout).toBe('serviceaccount/build-robot unchanged\n')
    const changed = `${SA}automountServiceAccountToken: false\n`
    expect((await runKubectl(l, words('apply -f sa.yaml -n sa-demo'), { files: files({ '/root/sa.yaml': changed }) })).stdout).toBe('serviceaccount/build-robot configured\n')
    const patch = l.requests.at(-1) as ApiRequest
    expect(patch.method).toBe('PATCH')
    expect(patch.headers['content-type']).toBe('application/strategic-merge-patch+json')
  })
  it('reads several documents and stdin', async () => {
    const { l } = storeLab()
    const r = await runKubectl(l, words('apply -f -'), { files: files({}), stdin: TWO })
    expect(r.stdout).toBe('serviceaccount/build-robot created\nnamespace/team created\n')
  })
  it('prints kubectl\'s errors', async () => {
    const { l } = storeLab()
    const run = (line: string, text: string) => runKubectl(l, words(line), { files: files({ '/root/f.yaml': text }) })
    expect((await run('apply -f f.yaml', 'apiVersion: v1\nkind: Foo\nmetadata:\n  name: x\n')).stderr).toBe(
      'error: resource mapping not found for name: "x" namespace: "" from "f.yaml": no matches for kind "Foo" in version "v1"\nensure CRDs are installed first\n',
    )
    expect((await run('apply -f f.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  labels: a: b\n')).stderr).toBe(
      'error: error parsing f.yaml: error converting YAML to JSON: yaml: line 5: mapping values are not allowed in this context\n',
    )
    expect((await run('apply -f f.yaml -n other', `${SA}  namespace: sa-demo\n`)).stderr).toBe(
      `error: the namespace from the provided object "sa-demo" does not match the namespace "other". You must pass '--namespace=sa-demo' to perform this operation.\n`,
    )
    expect((await run('apply -f f.yaml', 'metadata:\n  name: x\n')).stderr).toBe(
      'error: error validating "f.yaml": error validating data: [apiVersion not set, kind not set]; if you choose to ignore these errors, turn validation off with --validate=false\n',
    )
    const two = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: y\n bad: 1\n'
    expect((await run('apply -f f.yaml', two)).stderr).toBe('error: error parsing f.yaml: error converting YAML to JSON: yaml: line 4: did not find expected key\n')
    expect((await run('apply -f nope.yaml', '')).stderr).toBe('error: the path "nope.yaml" does not exist\n')
  })
  it('create -f wraps AlreadyExists with the source', async () => {
    const { l } = storeLab()
    const opts = { files: files({ '/root/sa.yaml': SA }) }
    expect((await runKubectl(l, words('create -f sa.yaml'), opts)).stdout).toBe('serviceaccount/build-robot created\n')
    expect((await runKubectl(l, words('create -f sa.yaml'), opts)).stderr).toBe(
      'Error from server (AlreadyExists): error when creating "sa.yaml": serviceaccounts "build-robot" already exists\n',
    )
  })
})

describe('kubectl create token', () => {
  const tr = (req: ApiRequest) => ({
    kind: 'TokenRequest',
    apiVersion: 'authentication.k8s.io/v1',
    metadata: { name: 'build-robot', namespace: 'sa-demo', creationTimestamp: '2026-11-29T15:38:59Z' },
    spec: { audiences: ['https://10.0.1.10:6443'], expirationSeconds: (req.body as O).spec.expirationSeconds ?? 3600, boundObjectRef: null },
    status: { token: 'eyJ.x.y', expirationTimestamp: '2026-11-29T16:38:59Z' },
  })
  const path = 'POST /api/v1/namespaces/sa-demo/serviceaccounts/build-robot/token'
  it('prints the token (newline only on a terminal) and sends the TokenRequest', async () => {
    const l = new FakeLab({ [path]: tr }, '2026-11-29T15:38:59Z')
    expect((await runKubectl(l, words('create token build-robot -n sa-demo --duration=48h --audience=a --bound-object-kind=Pod --bound-object-name=app'))).stdout).toBe('eyJ.x.y\n')
    expect(l.requests[0].body).toEqual({
      kind: 'TokenRequest', apiVersion: 'authentication.k8s.io/v1', metadata: {},
      spec: { audiences: ['a'], expirationSeconds: 172800, boundObjectRef: { kind: 'Pod', apiVersion: 'v1', name: 'app' } },
      status: { token: '', expirationTimestamp: null },
    })
    expect((await runKubectl(l, words('create token build-robot -n sa-demo -o yaml'))).stdout).toBe(
      'apiVersion: authentication.k8s.io/v1\nkind: TokenRequest\nmetadata:\n  creationTimestamp: "2026-11-29T15:38:59Z"\n  name: build-robot\n  namespace: sa-demo\nspec:\n  audiences:\n  - https://10.0.1.10:6443\n  boundObjectRef: null\n  expirationSeconds: 3600\nstatus:\n  expirationTimestamp: "2026-11-29T16:38:59Z"\n  token: eyJ.x.y\n',
    )
  })
  it('wraps server errors', async () => {
    const l = new FakeLab({ 'POST /api/v1/namespaces/sa-demo/serviceaccounts/nope/token': notFound('serviceaccounts', 'nope') }, '2026-11-29T15:38:59Z')
    expect((await runKubectl(l, words('create token nope -n sa-demo'))).stderr).toBe('error: failed to create token: serviceaccounts "nope" not found\n')
  })
})
