// The kubelet's identity (issue 7): it asks the API server for its pod's token as
// system:node:<node>, the Node authorizer lets only the pod's own node do so, and the audit
// record keeps the kubelet's requests (shown by `lab audit --all`). Expected texts come from
// the Kubernetes reference (kubernetes-next.md §1.1, §1.3), not from running the lab.
import { describe, expect, it } from 'vitest'
import { labWithApp as seededLabWithApp } from '../src/app/testing'

const TOKEN = '/var/run/secrets/kubernetes.io/serviceaccount/token'
const claims = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'))

async function labWithApp() {
  const lab = await seededLabWithApp('node-identity')
  const run = (l: string) => lab.run(l)
  return { lab, run }
}

describe('the node identity', () => {
  it('the other node may not get a token bound to the pod: the Node authorizer\'s reason', async () => {
    const { run } = await labWithApp()
    expect((await run("kubectl -n sa-demo get pod app -o jsonpath='{.spec.nodeName}'")).stdout).toBe('worker-0')
    const r = await run('kubectl create token default -n sa-demo --bound-object-kind=Pod --bound-object-name=app --as=system:node:worker-1 --as-group=system:nodes')
    expect(r.exitCode).toBe(1)
    expect(r.stdout).toBe('')
    expect(r.stderr).toBe(
      'error: failed to create token: serviceaccounts "default" is forbidden: User "system:node:worker-1" cannot create resource "serviceaccounts/token" ' +
      'in API group "" in the namespace "sa-demo": no relationship found between node \'worker-1\' and this object\n')
  })

  it('the pod\'s own node passes the authorizer, then NodeRestriction wants the pod\'s uid', async () => {
    const { run } = await labWithApp()
    const r = await run('kubectl create token default -n sa-demo --bound-object-kind=Pod --bound-object-name=app --as=system:node:worker-0 --as-group=system:nodes')
    expect(r.stderr).toBe('error: failed to create token: serviceaccounts "default" is forbidden: node requested token with a pod binding without a uid\n')
    const unbound = await run('kubectl create token default -n sa-demo --as=system:node:worker-0 --as-group=system:nodes')
    expect(unbound.stderr).toBe('error: failed to create token: serviceaccounts "default" is forbidden: node requested token not bound to a pod\n')
  })

  it('the kubelet\'s TokenRequest is in the audit record, as the node, at the moment it asked; plain lab audit hides it', async () => {
    const { lab, run } = await labWithApp()
    const token = (await run(`kubectl -n sa-demo exec app -- cat ${TOKEN}`)).stdout
    const audit = lab.snapshot().cluster.audit!
    const kubelet = audit.filter((e) => e.objectRef?.subresource === 'token')
    expect(kubelet).toHaveLength(1)
    const e = kubelet[0]
    expect(e.user).toEqual({ username: 'system:node:worker-0', groups: ['system:nodes', 'system:authenticated'] })
    expect([e.method, e.requestURI, e.code]).toEqual(['POST', '/api/v1/namespaces/sa-demo/serviceaccounts/default/token', 201])
    expect(e.userAgent).toMatch(/^kubelet\/v1\.35\.0 \(linux\/amd64\) kubernetes\/[0-9a-f]{7}$/)
    // asked at the token's iat, and the record names the token it issued
    expect(Math.floor(e.at / 1000)).toBe(claims(token).iat)
    expect(e.annotations?.['authentication.kubernetes.io/issued-credential-id']).toBe(`JTI=${claims(token).jti}`)
    const all = (await run('lab audit 100 --all')).stdout
    const plain = (await run('lab audit 100')).stdout
    expect(all).toContain('system:node:worker-0')
    expect(plain).not.toContain('system:node:')
  })

  it('a refresh nobody looked at is recorded when it fell due, once it is read', async () => {
    const { lab, run } = await labWithApp()
    await run('lab advance 49m')
    const before = lab.snapshot().cluster.audit!.filter((e) => e.objectRef?.subresource === 'token').length
    const fresh = (await run(`kubectl -n sa-demo exec app -- cat ${TOKEN}`)).stdout
    const tokens = lab.snapshot().cluster.audit!.filter((e) => e.objectRef?.subresource === 'token')
    expect(tokens.length).toBe(before + 1)
    const refresh = tokens.at(-1)!
    expect(Math.floor(refresh.at / 1000)).toBe(claims(fresh).iat)
    expect(refresh.at).toBeLessThan(Date.parse(lab.now()))
    // the record stays in time order
    const times = lab.snapshot().cluster.audit!.map((e) => e.at)
    expect(times).toEqual([...times].sort((a, b) => a - b))
  })
})
