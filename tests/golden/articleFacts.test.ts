// The article's first half checked fact by fact, independently of the stored golden output:
// each expectation below comes from the seed article or the Kubernetes reference, not from
// running the lab (so regenerating the .out file cannot hide a regression here).
import { describe, expect, it } from 'vitest'
import { createLab } from '../../src/app/lab'

const TOKEN = '/var/run/secrets/kubernetes.io/serviceaccount/token'

async function articleLab() {
  const lab = await createLab({ seed: 'facts' })
  const run = async (line: string) => lab.run(line)
  await run('kubectl create namespace sa-demo')
  return { lab, run }
}

describe('the article, first half', () => {
  it('a new namespace has the default ServiceAccount (1.35 prints no SECRETS column)', async () => {
    const { run } = await articleLab()
    expect((await run('kubectl -n sa-demo get sa')).stdout).toBe('NAME      AGE\ndefault   0s\n')
  })

  it('the pod gets the projected token volume with the three sources in order', async () => {
    const { run } = await articleLab()
    expect((await run('kubectl -n sa-demo run app --image=registry.k8s.io/e2e-test-images/agnhost:2.45 --command -- sleep 100000')).stdout).toBe('pod/app created\n')
    expect((await run('kubectl -n sa-demo wait --for=condition=Ready pod/app')).stdout).toBe('pod/app condition met\n')
    expect((await run("kubectl -n sa-demo get pod app -o jsonpath='{.spec.volumes[?(@.projected)].projected.sources}'")).stdout).toBe(
      '[{"serviceAccountToken":{"expirationSeconds":3607,"path":"token"}},' +
        '{"configMap":{"items":[{"key":"ca.crt","path":"ca.crt"}],"name":"kube-root-ca.crt"}},' +
        '{"downwardAPI":{"items":[{"fieldRef":{"apiVersion":"v1","fieldPath":"metadata.namespace"},"path":"namespace"}]}}]')
    expect((await run('kubectl -n sa-demo exec app -- ls /var/run/secrets/kubernetes.io/serviceaccount/')).stdout).toBe('ca.crt\nnamespace\ntoken\n')
    expect((await run('kubectl -n sa-demo exec app -- cat /var/run/secrets/kubernetes.io/serviceaccount/namespace')).stdout).toBe('sa-demo')
    expect((await run("kubectl -n sa-demo get pod app -o jsonpath='{.spec.volumes[0].name}'")).stdout).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/)
  })

  it('the token is bound to pod and node, lives a year, and warns after 3607 s', async () => {
    const { run } = await articleLab()
    await run('kubectl -n sa-demo run app --image=registry.k8s.io/e2e-test-images/agnhost:2.45 --command -- sleep 100000')
    await run('kubectl -n sa-demo wait --for=condition=Ready pod/app')
    const decoded = await run(`kubectl -n sa-demo exec app -- cat ${TOKEN} | cut -d. -f2 | base64 -d | python3 -m json.tool`)
    expect(decoded.stdout.startsWith('{\n    "aud": [\n        "https://10.0.1.10:6443"\n    ],\n')).toBe(true)
    const claims = JSON.parse(decoded.stdout)
    expect(Object.keys(claims)).toEqual(['aud', 'exp', 'iat', 'iss', 'jti', 'kubernetes.io', 'nbf', 'sub'])
    expect(Object.keys(claims['kubernetes.io'])).toEqual(['namespace', 'node', 'pod', 'serviceaccount', 'warnafter'])
    expect(claims.sub).toBe('system:serviceaccount:sa-demo:default')
    expect(claims.iss).toBe('https://10.0.1.10:6443')
    expect(claims.nbf).toBe(claims.iat)
    expect(claims.exp - claims.iat).toBe(365 * 24 * 3600)
    expect(claims['kubernetes.io'].warnafter - claims.iat).toBe(3607)
    expect(claims.jti).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(claims['kubernetes.io'].node.name).toBe('worker-0')
    expect(claims['kubernetes.io'].pod.name).toBe('app')
    expect(claims['kubernetes.io'].serviceaccount.name).toBe('default')
    // the uids in the token are the objects' uids
    expect((await run("kubectl -n sa-demo get pod app -o jsonpath='{.metadata.uid}'")).stdout).toBe(claims['kubernetes.io'].pod.uid)
    expect((await run("kubectl -n sa-demo get sa default -o jsonpath='{.metadata.uid}'")).stdout).toBe(claims['kubernetes.io'].serviceaccount.uid)
    expect((await run("kubectl get node worker-0 -o jsonpath='{.metadata.uid}'")).stdout).toBe(claims['kubernetes.io'].node.uid)
    // the header: RS256 and a 43-character kid, no typ
    const header = await run(`kubectl -n sa-demo exec app -- cat ${TOKEN} | cut -d. -f1 | base64 -d`)
    expect(header.stdout).toMatch(/^\{"alg":"RS256","kid":"[A-Za-z0-9_-]{43}"\}$/)
  })

  it('with the default seeded start the token carries the article\'s own times', async () => {
    const lab = await createLab({ seed: 1 })
    await lab.run('kubectl create namespace sa-demo')
    await lab.run('kubectl -n sa-demo run app --image=registry.k8s.io/e2e-test-images/agnhost:2.45 --command -- sleep 100000')
    await lab.run('kubectl -n sa-demo wait --for=condition=Ready pod/app')
    const claims = JSON.parse((await lab.run(`kubectl -n sa-demo exec app -- cat ${TOKEN} | cut -d. -f2 | base64 -d`)).stdout)
    // "iat": 1779578851, "exp": 1811114851, "warnafter": 1779582458 in the article
    expect([claims.iat, claims.exp, claims['kubernetes.io'].warnafter]).toEqual([1779578851, 1811114851, 1779582458])
  })

  it('the same seed gives byte-identical output', async () => {
    const outputs = await Promise.all([1, 2].map(async () => {
      const lab = await createLab({ seed: 42 })
      let all = ''
      for (const line of ['kubectl create ns x', 'kubectl -n x run p --image=busybox -- sleep 1', 'kubectl -n x wait --for=condition=Ready pod/p', `kubectl -n x exec p -- cat ${TOKEN}`, 'kubectl -n x get pod p -o yaml']) {
        all += (await lab.run(line)).stdout
      }
      return all
    }))
    expect(outputs[0]).toBe(outputs[1])
    expect(outputs[0]).toContain('eyJhbGciOiJSUzI1NiIsImtpZCI6')
  })
})
