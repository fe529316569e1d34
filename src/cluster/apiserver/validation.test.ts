// The API server decodes and validates as v1.35 does: strict field validation, json type errors,
// names, dry runs, no-op updates, unsupported media types and the verbose health checks.
// Expected texts come from the reference (apimachinery runtime/error.go, apiserver rest.go,
// negotiation/errors.go, healthz.go), not from this code's output.
import { describe, expect, it } from 'vitest'
import { asAdmin, labWithPod } from './testing'

const SAS = '/api/v1/namespaces/sa-demo/serviceaccounts'
const STRICT = '?fieldManager=kubectl-create&fieldValidation=Strict'

const badRequest = (message: string) => ({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: 'BadRequest', code: 400 })

describe('strict field validation', () => {
  it('refuses a ServiceAccount with spec: {automountServiceAccountToken: false}, and stores nothing', async () => {
    const c = await labWithPod()
    const res = await asAdmin(c, 'POST', SAS + STRICT, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'robot' }, spec: { automountServiceAccountToken: false } })
    expect(res.status).toBe(400)
    expect(res.body).toEqual(badRequest('ServiceAccount in version "v1" cannot be handled as a ServiceAccount: strict decoding error: unknown field "spec"'))
    expect((await asAdmin(c, 'GET', `${SAS}/robot`)).status).toBe(404)
    // so a pod naming it is refused too: it gets no token at all
    const pod = await asAdmin(c, 'POST', '/api/v1/namespaces/sa-demo/pods' + STRICT, {
      metadata: { name: 'p' }, spec: { serviceAccountName: 'robot', containers: [{ name: 'c', image: 'busybox', command: ['sleep', '1000'] }] },
    })
    expect(pod.status).toBe(403)
  })

  it('refuses automountServiceAccountToken: "false" with the json type error, whatever fieldValidation says', async () => {
    const c = await labWithPod()
    for (const q of [STRICT, '', '?fieldValidation=Ignore']) {
      const res = await asAdmin(c, 'POST', SAS + q, { metadata: { name: 'robot' }, automountServiceAccountToken: 'false' })
      expect(res.body).toEqual(badRequest('ServiceAccount in version "v1" cannot be handled as a ServiceAccount: json: cannot unmarshal string into Go struct field ServiceAccount.automountServiceAccountToken of type bool'))
    }
  })

  it('a ServiceAccount with automountServiceAccountToken: false gives its pods no token', async () => {
    const c = await labWithPod()
    expect((await asAdmin(c, 'POST', SAS + STRICT, { metadata: { name: 'robot' }, automountServiceAccountToken: false })).status).toBe(201)
    const pod = await asAdmin(c, 'POST', '/api/v1/namespaces/sa-demo/pods' + STRICT, {
      metadata: { name: 'p' }, spec: { serviceAccountName: 'robot', containers: [{ name: 'c', image: 'busybox', command: ['sleep', '1000'] }] },
    })
    expect(pod.status).toBe(201)
    const spec = (pod.body as { spec: { volumes?: { name: string }[] } }).spec
    expect((spec.volumes ?? []).some((v) => v.name.startsWith('kube-api-access-'))).toBe(false)
  })

  it('names every unknown field of a pod with its full path, list indices included', async () => {
    const c = await labWithPod()
    const res = await asAdmin(c, 'POST', '/api/v1/namespaces/sa-demo/pods' + STRICT, {
      metadata: { name: 'p', imagePullSecrets: [] }, spec: { containers: [{ name: 'c', image: 'busybox', comand: ['sleep'] }] },
    })
    expect(res.body).toEqual(badRequest('Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "metadata.imagePullSecrets", unknown field "spec.containers[0].comand"'))
  })

  it('gives the nested type error with the innermost struct and the path without indices', async () => {
    const c = await labWithPod()
    const res = await asAdmin(c, 'POST', '/api/v1/namespaces/sa-demo/pods' + STRICT, {
      metadata: { name: 'p' }, spec: { nodeSelector: 'linux', containers: [{ name: 'c', image: 'busybox' }] },
    })
    expect(res.body).toEqual(badRequest('Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal string into Go struct field PodSpec.spec.nodeSelector of type map[string]string'))
  })

  it('under Warn (the default) drops the field, creates the object and sends a Warning header', async () => {
    const c = await labWithPod()
    const res = await asAdmin(c, 'POST', SAS, { metadata: { name: 'robot' }, spec: { automountServiceAccountToken: false } })
    expect(res.status).toBe(201)
    expect(res.headers.warning).toBe('299 - "unknown field \\"spec\\""')
    expect(res.body).not.toHaveProperty('spec')
  })

  it('a patch with an unknown field is Invalid on the field `patch`', async () => {
    const c = await labWithPod()
    const res = await asAdmin(c, 'PATCH', `${SAS}/default${STRICT}`, { spec: { automountServiceAccountToken: false } }, { 'content-type': 'application/strategic-merge-patch+json' })
    expect(res.status).toBe(422)
    expect((res.body as { message: string }).message).toBe(' "" is invalid: patch: Invalid value: "map[spec:map[automountServiceAccountToken:false]]": strict decoding error: unknown field "spec"')
  })

  it('refuses an object without a name with the ObjectMeta message', async () => {
    const c = await labWithPod()
    const res = await asAdmin(c, 'POST', SAS + STRICT, { metadata: {} })
    expect(res.status).toBe(422)
    expect((res.body as { message: string }).message).toBe('ServiceAccount "" is invalid: metadata.name: Required value: name or generateName is required')
  })
})

describe('dry runs and no-op updates', () => {
  it('dryRun=All answers as a create would and persists nothing', async () => {
    const c = await labWithPod()
    const listRV = async () => ((await asAdmin(c, 'GET', '/api/v1/pods')).body as { metadata: { resourceVersion: string } }).metadata.resourceVersion
    const rv = await listRV()
    const res = await asAdmin(c, 'POST', `/api/v1/namespaces/sa-demo/pods?dryRun=All&fieldManager=kubectl-run&fieldValidation=Strict`, {
      metadata: { name: 'dry' }, spec: { containers: [{ name: 'c', image: 'busybox' }] },
    })
    expect(res.status).toBe(201)
    expect((await asAdmin(c, 'GET', '/api/v1/namespaces/sa-demo/pods/dry')).status).toBe(404)
    expect(await listRV()).toBe(rv)
  })

  it('a dry-run delete leaves the object', async () => {
    const c = await labWithPod()
    expect((await asAdmin(c, 'DELETE', `${SAS}/default?dryRun=All`)).status).toBe(200)
    expect((await asAdmin(c, 'GET', `${SAS}/default`)).status).toBe(200)
  })

  it('a patch that changes nothing keeps the resourceVersion', async () => {
    const c = await labWithPod()
    const before = (await asAdmin(c, 'GET', `${SAS}/default`)).body as { metadata: { resourceVersion: string } }
    const res = await asAdmin(c, 'PATCH', `${SAS}/default`, { metadata: { name: 'default' } }, { 'content-type': 'application/merge-patch+json' })
    expect(res.status).toBe(200)
    expect((res.body as typeof before).metadata.resourceVersion).toBe(before.metadata.resourceVersion)
    const changed = await asAdmin(c, 'PATCH', `${SAS}/default`, { metadata: { labels: { a: 'b' } } }, { 'content-type': 'application/merge-patch+json' })
    expect((changed.body as typeof before).metadata.resourceVersion).not.toBe(before.metadata.resourceVersion)
  })
})

describe('media types', () => {
  it('answers 415 to a form-encoded POST', async () => {
    const c = await labWithPod()
    const res = await asAdmin(c, 'POST', SAS, 'name=x', { 'content-type': 'application/x-www-form-urlencoded' })
    expect(res.status).toBe(415)
    expect(res.body).toEqual({
      kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure',
      message: 'the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf, application/cbor',
      reason: 'UnsupportedMediaType', code: 415,
    })
  })
})

describe('health checks', () => {
  it('lists the checks with ?verbose as a kubeadm v1.35 apiserver does', async () => {
    const c = await labWithPod()
    const ready = (await asAdmin(c, 'GET', '/readyz?verbose')).body as string
    const lines = ready.split('\n')
    expect(lines.slice(0, 5)).toEqual(['[+]ping ok', '[+]log ok', '[+]etcd ok', '[+]etcd-readiness ok', '[+]informer-sync ok'])
    expect(lines.slice(-4)).toEqual(['[+]poststarthook/apiservice-openapiv3-controller ok', '[+]shutdown ok', 'readyz check passed', ''])
    expect(lines).toHaveLength(37)
    const live = (await asAdmin(c, 'GET', '/livez?verbose')).body as string
    expect(live).not.toContain('etcd-readiness')
    expect(live).not.toContain('shutdown')
    expect(live.endsWith('[+]poststarthook/apiservice-openapiv3-controller ok\nlivez check passed\n')).toBe(true)
    expect((await asAdmin(c, 'GET', '/healthz?verbose')).body).toMatch(/^\[\+\]ping ok\n[\s\S]*healthz check passed\n$/)
    expect((await asAdmin(c, 'GET', '/readyz')).body).toBe('ok')
    expect((await asAdmin(c, 'GET', '/readyz/etcd')).body).toBe('ok')
  })
})
