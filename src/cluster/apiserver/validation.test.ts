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

  it('labels and annotations emptied by a patch are gone, as their omitempty maps encode', async () => {
    const c = await labWithPod()
    const merge = { 'content-type': 'application/merge-patch+json' }
    await asAdmin(c, 'PATCH', `${SAS}/default`, { metadata: { labels: { a: 'b' }, annotations: { c: 'd' } } }, merge)
    const res = await asAdmin(c, 'PATCH', `${SAS}/default`, { metadata: { labels: { a: null }, annotations: { c: null } } }, merge)
    expect(Object.keys((res.body as { metadata: object }).metadata).sort()).toEqual(['creationTimestamp', 'name', 'namespace', 'resourceVersion', 'uid'])
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

describe('labels and annotations (apimachinery v0.35 content.IsLabelKey and IsLabelValue, ValidateAnnotations)', () => {
  // The regex and messages as apimachinery v0.35 pkg/api/validate/content/kube.go writes them
  const KEY_ERR = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"
  const VALUE_ERR = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"
  const NS = '/api/v1/namespaces/sa-demo'
  const MERGE = { 'content-type': 'application/merge-patch+json' }
  type Invalid = { code: number; reason: string; message: string; details: { causes: { field: string; message: string }[] } }

  it('a bad label key or value is a 422 naming each; an update lists each cause three times and says it once', async () => {
    const c = await labWithPod()
    const res = await asAdmin(c, 'PATCH', NS, { metadata: { labels: { _bad: 'x', ok: '_y', 'a/b/c': '1', '/x': '1', [`${'n'.repeat(64)}`]: '1' } } }, MERGE)
    const body = res.body as Invalid
    expect(res.status).toBe(422)
    const texts = [
      `metadata.labels: Invalid value: "/x": prefix part must be non-empty`,
      `metadata.labels: Invalid value: "_bad": name part ${KEY_ERR}`,
      `metadata.labels: Invalid value: "a/b/c": a valid label key ${KEY_ERR} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
      `metadata.labels: Invalid value: "${'n'.repeat(64)}": name part must be no more than 63 characters`,
      `metadata.labels: Invalid value: "_y": ${VALUE_ERR}`,
    ]
    expect(body.message).toBe(`Namespace "sa-demo" is invalid: [${texts.join(', ')}]`)
    // BeforeUpdate's two common checks and the strategy's ValidateUpdate each find them
    expect(body.details.causes.map((k) => `${k.field}: ${k.message}`)).toEqual([...texts, ...texts, ...texts])
    expect((await asAdmin(c, 'GET', NS)).body).not.toHaveProperty('metadata.labels._bad')
  })

  it('a create names a bad label once; a prefix must be a lowercase DNS subdomain', async () => {
    const c = await labWithPod()
    const res = await asAdmin(c, 'POST', `${NS}/serviceaccounts`, { metadata: { name: 'robot', labels: { 'Example.com/x': 'y' } } })
    const body = res.body as Invalid
    const text = `metadata.labels: Invalid value: "Example.com/x": prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`
    expect(body.message).toBe(`ServiceAccount "robot" is invalid: ${text}`)
    expect(body.details.causes).toHaveLength(1)
  })

  it('an annotation key is checked in lower case; __proto__ is a key like any other (refused), and all of them together are at most 256 KiB', async () => {
    const c = await labWithPod()
    expect((await asAdmin(c, 'PATCH', NS, { metadata: { annotations: { 'Example.COM/Upper': 'fine' } } }, MERGE)).status).toBe(200)
    const proto = await asAdmin(c, 'PATCH', NS, JSON.parse('{"metadata":{"annotations":{"__proto__":"1"}}}'), MERGE)
    expect((proto.body as Invalid).message).toBe(`Namespace "sa-demo" is invalid: metadata.annotations: Invalid value: "__proto__": name part ${KEY_ERR}`)
    const big = await asAdmin(c, 'PATCH', NS, { metadata: { annotations: { big: 'x'.repeat(256 * 1024) } } }, MERGE)
    expect((big.body as Invalid).message).toBe('Namespace "sa-demo" is invalid: metadata.annotations: Too long: may not be more than 262144 bytes')
    // exactly the limit: 'big' and its value, and 'Example.COM/Upper': 'fine' (21 bytes)
    expect((await asAdmin(c, 'PATCH', NS, { metadata: { annotations: { big: 'x'.repeat(256 * 1024 - 3 - 21) } } }, MERGE)).status).toBe(200)
    expect((await asAdmin(c, 'PATCH', NS, { metadata: { annotations: { big: 'x'.repeat(256 * 1024 - 3 - 20) } } }, MERGE)).status).toBe(422)
  })
})
