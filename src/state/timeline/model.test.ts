import { describe, expect, it } from 'vitest'
import { createLab } from '../../app/lab'
import type { AuditEntry } from '../../cluster/audit/audit'
import type { Fact } from '../../cluster/events/facts'
import { TimelineModel, type TimelineSource } from './model'
import { nominalRefresh } from './lanes'
import { HOUR, YEAR } from './scale'

const ARTICLE = [
  'kubectl create namespace sa-demo',
  'kubectl -n sa-demo run app --image=registry.k8s.io/e2e-test-images/agnhost:2.45 --command -- sleep 100000',
  'kubectl -n sa-demo wait --for=condition=Ready pod/app',
  'TOK=$(kubectl -n sa-demo exec app -- cat /var/run/secrets/kubernetes.io/serviceaccount/token)',
  'curl -s -o /dev/null -w "HTTP %{http_code}\\n" --cacert ca.pem -H "Authorization: Bearer $TOK" https://$APISERVER/api/v1/namespaces/sa-demo/pods',
  'kubectl -n sa-demo delete pod app',
  'curl -s -o /dev/null -w "HTTP %{http_code}\\n" --cacert ca.pem -H "Authorization: Bearer $TOK" https://$APISERVER/api/v1/namespaces/sa-demo/pods',
]

describe('timeline lanes from a real lab (the article)', () => {
  it('builds a pod lane with its lifecycle, its token and the 403 and 401 requests made with it', async () => {
    const lab = await createLab({ seed: '1' })
    const model = new TimelineModel()
    for (const c of ARTICLE) {
      await lab.run(c)
      model.update(lab, lab.nowMs() + HOUR)
    }
    await lab.run('kubectl -n sa-demo create token default')
    model.update(lab, lab.nowMs() + HOUR)

    const [pod, tr] = model.lanes
    expect(model.lanes).toHaveLength(2)
    expect(pod.kind).toBe('pod')
    expect(pod.title).toBe('sa-demo/app')
    expect(pod.pod!.events.map((e) => e.kind)).toEqual(['created', 'scheduled', 'pulled', 'started', 'deletionRequested', 'deleted'])
    expect(pod.tokens).toHaveLength(1)
    const tok = pod.tokens[0]
    expect(tok.iat).toBe(1779578851000)
    expect(tok.warnafter).toBe(tok.iat! + 3607_000)
    expect(tok.exp).toBe(tok.iat! + 365 * 24 * 3600_000)
    expect(tok.invalidAt).toBe(pod.pod!.goneAt)
    // the kubelet's own schedule, fetched while the pod lived: 80% of 3607 s minus a jitter of 0-9 s
    expect(tok.refresh!.exact).toBe(true)
    expect(tok.refresh!.afterGone).toBe(true)
    const nominal = nominalRefresh(tok.iat!, 3607)
    expect(nominal - tok.refresh!.t).toBeGreaterThanOrEqual(0)
    expect(nominal - tok.refresh!.t).toBeLessThanOrEqual(9000)
    expect(tok.requests.map((r) => [r.code, r.answer, r.verb, r.uri])).toEqual([
      [403, 'forbidden', 'list', '/api/v1/namespaces/sa-demo/pods'],
      [401, 'unauthorized', 'list', '/api/v1/namespaces/sa-demo/pods'],
    ])
    expect(tok.requests[0].reason).toMatch(/^pods is forbidden: User "system:serviceaccount:sa-demo:default" cannot list/)
    expect(tok.requests[1].reason).toBe('service account token has been invalidated')
    expect(lab.audit()[tok.requests[1].index].code).toBe(401)
    // the pod is gone: no refreshes after that
    expect(pod.refreshes).toEqual([])

    expect(tr.kind).toBe('TokenRequest')
    expect(tr.tokens[0].source).toBe('TokenRequest')
    expect(tr.tokens[0].exp! - tr.tokens[0].iat!).toBe(HOUR)
    expect(tr.tokens[0].refresh).toBeUndefined()
  })

  it('keeps unchanged lanes and fetches the schedules once for small clock steps', async () => {
    const lab = await createLab({ seed: '1' })
    const model = new TimelineModel()
    await lab.run('kubectl create ns b')
    for (const n of ['p1', 'p2']) await lab.run(`kubectl -n b run ${n} --image=busybox -- sleep 1`)
    await lab.run('kubectl -n b wait --for=condition=Ready pod/p1 pod/p2')
    model.update(lab, lab.nowMs() + HOUR)
    await lab.advance('365d')
    model.update(lab, lab.nowMs() + HOUR)
    expect(model.changed).toBe(true) // new refresh schedules
    const before = model.lanes
    const fetches = model.scheduleFetches
    const refreshes = before[0].refreshes
    // about one refresh every 48 min for a year
    expect(refreshes.length).toBeGreaterThan(10_000)
    expect(refreshes[1] - refreshes[0]).toBeGreaterThan(2877_000)
    expect(refreshes[1] - refreshes[0]).toBeLessThanOrEqual(2886_000 + 1000)
    await lab.advance('1m')
    model.update(lab, lab.nowMs() + HOUR)
    expect(model.changed).toBe(false)
    expect(model.lanes).toBe(before)
    expect(model.scheduleFetches).toBe(fetches)
    // reading a token issues the latest one: only that pod's lane changes
    await lab.run('kubectl -n b exec p2 -- cat /var/run/secrets/kubernetes.io/serviceaccount/token')
    model.update(lab, lab.nowMs() + HOUR)
    expect(model.changed).toBe(true)
    expect(model.lanes[0]).toBe(before[0])
    expect(model.lanes[1]).not.toBe(before[1])
    const [first, latest] = model.lanes[1].tokens
    expect(latest.iat! - first.iat!).toBeGreaterThan(YEAR - 2 * HOUR)
    expect(latest.refresh!.t).toBeGreaterThan(lab.nowMs())
  })
})

describe('timeline lanes from plain facts', () => {
  const source = (facts: Fact[], audit: AuditEntry[]): TimelineSource => ({
    facts: () => facts,
    audit: () => audit,
    tokenSchedules: () => [],
    nowMs: () => 10_000,
  })
  const entry = (at: number, code: number, jti?: string, subject = 'system:serviceaccount:ns:sa'): AuditEntry => ({
    at, method: 'GET', verb: 'get', requestURI: '/api', source: 'curl', code,
    authentication: { decision: code === 401 ? 'deny' : 'allow', reason: code === 401 ? '[invalid bearer token, token has expired]' : undefined },
    token: { ...(jti ? { jti } : {}), subject },
  })

  it('puts requests of unknown and legacy tokens on their own lanes and reindexes when the audit record shifts', () => {
    const facts: Fact[] = [{ at: 1000, type: 'token.issued', namespace: 'ns', serviceAccount: 'sa', jti: 'j1', iat: 1, exp: 3601, source: 'TokenRequest' }]
    const audit: AuditEntry[] = [entry(2000, 200, 'j1'), entry(3000, 401, 'zz'), entry(4000, 200)]
    const model = new TimelineModel()
    model.update(source(facts, audit), 0)
    expect(model.lanes.map((l) => l.kind)).toEqual(['TokenRequest', 'unknown', 'legacy'])
    expect(model.lanes[1].tokens[0].requests[0].reason).toBe('token has expired')
    expect(model.lanes[2].title).toBe('ns/sa (legacy Secret)')
    // the bounded record drops its oldest entry: indices are rebuilt
    audit.splice(0, 1)
    audit.push(entry(5000, 200, 'j1'))
    model.update(source(facts, audit), 0)
    expect(model.lanes[0].tokens[0].requests.map((r) => r.index)).toEqual([2])
    expect(model.lanes[1].tokens[0].requests.map((r) => r.index)).toEqual([0])
  })
})
