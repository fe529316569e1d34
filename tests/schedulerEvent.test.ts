// The scheduler's Scheduled event goes through the API server (issue 7), with the events.k8s.io/v1
// API that serves the same stored objects as core/v1. Expected values come from Kubernetes, not
// from a run of the lab:
// * the request: client-go tools/events (the scheduler's broadcaster) POSTs to
//   /apis/events.k8s.io/v1/namespaces/NS/events; the system:kube-scheduler ClusterRole allows
//   create on events in "" and events.k8s.io (kubernetes-next.md, bootstrap policy);
// * the field mapping: pkg/apis/events/v1/conversion.go (regarding = involvedObject, note = message,
//   deprecatedSource = source, deprecatedFirstTimestamp/deprecatedLastTimestamp = firstTimestamp/
//   lastTimestamp, deprecatedCount = count), core/v1's JSON name `reportingComponent` for
//   ReportingController, the other fields shared; Go writes structs and metav1.Time always
//   (`{}`, `null`) and omitempty strings/ints only when set (k8s.io/api/events/v1/types.go);
// * discovery: a real v1.35 server's /apis/events.k8s.io/v1 (from a kubectl -v=8 log), and /apis
//   with events.k8s.io right after apps, before authentication.k8s.io (aggregator priorities);
// * ValidateEventCreate (pkg/apis/core/validation/events.go): strict only through events.k8s.io/v1;
// * kubectl api-resources (real output): `events  ev  v1  true  Event` and
//   `events  ev  events.k8s.io/v1  true  Event`, groups in name order (discovery.k8s.io, then
//   events.k8s.io, then rbac.authorization.k8s.io).
import { describe, expect, it } from 'vitest'
import { createLab } from '../src/app/lab'
import { labWithApp } from '../src/app/testing'
import { asAdmin, labWithPod } from '../src/cluster/apiserver/testing'

type Obj = Record<string, unknown> & { metadata: { name: string; uid: string } }
const CREATE_V1 = '/apis/events.k8s.io/v1/namespaces/sa-demo/events'

async function startedLab() {
  return labWithApp('scheduler-event')
}

describe('the scheduler\'s Scheduled event', () => {
  it('is created through the API server, events.k8s.io/v1, as system:kube-scheduler', async () => {
    const lab = await startedLab()
    const audit = lab.snapshot().cluster.audit!
    const mine = audit.filter((e) => e.objectRef?.apiGroup === 'events.k8s.io')
    expect(mine).toHaveLength(1)
    const e = mine[0]
    expect(e.user?.username).toBe('system:kube-scheduler')
    expect(e.verb).toBe('create')
    expect(e.method).toBe('POST')
    expect(e.code).toBe(201)
    expect(e.requestURI).toBe(CREATE_V1)
    expect(e.objectRef).toEqual({ resource: 'events', namespace: 'sa-demo', apiGroup: 'events.k8s.io', apiVersion: 'v1' })
    expect(e.source).toBe('kube-scheduler')
    expect(e.authorization?.reason).toContain('ClusterRole "system:kube-scheduler"')
    // right after the binding it reports
    const i = audit.indexOf(e)
    expect(audit[i - 1].objectRef?.subresource).toBe('binding')
    // `lab audit --all` shows it; plain `lab audit` (people's requests) does not
    const all = (await lab.run('lab audit 40 --all')).stdout
    expect(all).toMatch(/ 201 +system:kube-scheduler +create \/apis\/events\.k8s\.io\/v1\/namespaces\/sa-demo\/events +RBAC: allowed by ClusterRoleBinding "system:kube-scheduler"/)
    expect((await lab.run('lab audit 40')).stdout).not.toContain('events.k8s.io')
    // and kubectl reads it as before: get events (core/v1) and describe's From column
    expect((await lab.run('kubectl -n sa-demo get events')).stdout).toMatch(/^\S+ +Normal +Scheduled +pod\/app +Successfully assigned sa-demo\/app to worker-0$/m)
    expect((await lab.run('kubectl -n sa-demo describe pod app')).stdout).toMatch(/^ {2}Normal {2}Scheduled {2}\S+ +default-scheduler {2}Successfully assigned sa-demo\/app to worker-0$/m)
  })
})

/** core/v1 field -> events.k8s.io/v1 field (conversion.go and the shared fields). */
const MAPPING: [string, string][] = [
  ['metadata', 'metadata'], ['involvedObject', 'regarding'], ['reason', 'reason'], ['message', 'note'],
  ['source', 'deprecatedSource'], ['firstTimestamp', 'deprecatedFirstTimestamp'], ['lastTimestamp', 'deprecatedLastTimestamp'],
  ['count', 'deprecatedCount'], ['type', 'type'], ['eventTime', 'eventTime'], ['series', 'series'], ['action', 'action'],
  ['related', 'related'], ['reportingComponent', 'reportingController'], ['reportingInstance', 'reportingInstance'],
]
/** An omitempty field absent from one JSON is the zero value in the other. */
const orUnset = (v: unknown) => (v === '' || v === 0 ? undefined : v)

function expectSameEvent(core: Obj, v1: Obj) {
  expect(Object.keys(core).filter((k) => !MAPPING.some(([c]) => c === k)).sort()).toEqual(['apiVersion', 'kind'])
  expect(Object.keys(v1).filter((k) => !MAPPING.some(([, v]) => v === k)).sort()).toEqual(['apiVersion', 'kind'])
  for (const [c, v] of MAPPING) expect(orUnset(v1[v]), `${c} / ${v}`).toEqual(orUnset(core[c]))
}

describe('events.k8s.io/v1 and core/v1', () => {
  it('serve the same events, field by field as conversion.go maps them', async () => {
    const c = await labWithPod('events-views')
    const core = (await asAdmin(c, 'GET', '/api/v1/namespaces/sa-demo/events')).body as { items: Obj[] }
    const list = (await asAdmin(c, 'GET', CREATE_V1)).body as { kind: string; apiVersion: string; items: Obj[] }
    expect([list.kind, list.apiVersion]).toEqual(['EventList', 'events.k8s.io/v1'])
    expect(list.items.map((e) => e.metadata.name)).toEqual(core.items.map((e) => e.metadata.name))
    expect(core.items.map((e) => e.reason)).toEqual(['Scheduled', 'Pulling', 'Pulled', 'Created', 'Started'])
    for (const ev of core.items) {
      const one = (await asAdmin(c, 'GET', `${CREATE_V1}/${ev.metadata.name}`)).body as Obj
      expect([one.kind, one.apiVersion]).toEqual(['Event', 'events.k8s.io/v1'])
      const coreOne = (await asAdmin(c, 'GET', `/api/v1/namespaces/sa-demo/events/${ev.metadata.name}`)).body as Obj
      expect([coreOne.kind, coreOne.apiVersion]).toEqual(['Event', 'v1'])
      expectSameEvent(coreOne, one)
    }
    // the Scheduled event as events.k8s.io/v1 writes it: deprecated fields empty but present, no count
    const [scheduled, pulling] = (list.items)
    expect(scheduled).toMatchObject({
      reportingController: 'default-scheduler', reportingInstance: 'default-scheduler-control-plane', action: 'Binding', reason: 'Scheduled',
      regarding: { kind: 'Pod', namespace: 'sa-demo', name: 'app', apiVersion: 'v1' }, note: 'Successfully assigned sa-demo/app to worker-0',
      type: 'Normal', deprecatedSource: {}, deprecatedFirstTimestamp: null, deprecatedLastTimestamp: null,
    })
    expect(scheduled.eventTime).toMatch(/^2026-11-29T15:30:00\.\d{6}Z$/)
    expect('deprecatedCount' in scheduled).toBe(false)
    expect(Object.keys(scheduled)).toEqual(['metadata', 'eventTime', 'reportingController', 'reportingInstance', 'action', 'reason', 'regarding', 'note', 'type', 'deprecatedSource', 'deprecatedFirstTimestamp', 'deprecatedLastTimestamp'])
    // a kubelet event (legacy recorder) seen through events.k8s.io/v1
    expect(pulling).toMatchObject({
      eventTime: null, reportingController: 'kubelet', reportingInstance: 'worker-0', reason: 'Pulling',
      regarding: { fieldPath: 'spec.containers{app}' }, deprecatedSource: { component: 'kubelet', host: 'worker-0' },
      deprecatedFirstTimestamp: '2026-11-29T15:30:01Z', deprecatedLastTimestamp: '2026-11-29T15:30:01Z', deprecatedCount: 1,
    })
    expect('action' in pulling).toBe(false)
    // field selectors name events.k8s.io/v1's fields there (AddFieldLabelConversionsForEvent: regarding.*, reportingController)
    const sel = await asAdmin(c, 'GET', `${CREATE_V1}?fieldSelector=${encodeURIComponent('regarding.name=app,reportingController=default-scheduler')}`)
    expect((sel.body as { items: Obj[] }).items.map((e) => e.reason)).toEqual(['Scheduled'])
  })

  it('creates, reads and deletes through either group; the strict checks apply to events.k8s.io/v1 only', async () => {
    const c = await labWithPod('events-crud')
    const body = {
      apiVersion: 'events.k8s.io/v1', kind: 'Event', metadata: { name: 'hello' }, eventTime: '2026-11-29T15:31:00.000001Z',
      reportingController: 'example.com/teacher', reportingInstance: 'teacher-1', action: 'Teach', reason: 'Lesson',
      regarding: { kind: 'Pod', namespace: 'sa-demo', name: 'app', apiVersion: 'v1' }, note: 'one event, two groups', type: 'Normal',
    }
    const created = await asAdmin(c, 'POST', CREATE_V1, body)
    expect(created.status).toBe(201)
    const core = (await asAdmin(c, 'GET', '/api/v1/namespaces/sa-demo/events/hello')).body as Obj
    expect(core).toMatchObject({
      involvedObject: body.regarding, reason: 'Lesson', message: 'one event, two groups', source: {}, firstTimestamp: null,
      lastTimestamp: null, type: 'Normal', eventTime: body.eventTime, action: 'Teach', reportingComponent: 'example.com/teacher', reportingInstance: 'teacher-1',
    })
    expectSameEvent(core, created.body as Obj)
    // strict validation: no eventTime, a count, a source (checked on the internal fields' names)
    const bad = await asAdmin(c, 'POST', CREATE_V1, { ...body, metadata: { name: 'bad' }, eventTime: null, deprecatedCount: 3, deprecatedSource: { component: 'me' } })
    expect(bad.status).toBe(422)
    const causes = (bad.body as { details: { causes: { field: string; type: string }[] } }).details.causes
    expect(causes.map((x) => `${x.field} ${x.type}`)).toEqual(['eventTime FieldValueRequired', 'count FieldValueInvalid', 'source FieldValueInvalid'])
    expect((bad.body as { message: string }).message).toContain('count: Invalid value: "": needs to be unset')
    // the same event through core/v1 gets the legacy checks only
    const legacy = { apiVersion: 'v1', kind: 'Event', metadata: { name: 'old-style' }, involvedObject: body.regarding, reason: 'Lesson', message: 'x', count: 3, source: { component: 'me' } }
    expect((await asAdmin(c, 'POST', '/api/v1/namespaces/sa-demo/events', legacy)).status).toBe(201)
    // delete through events.k8s.io: a Status naming the request's group; gone from core/v1 too
    const del = await asAdmin(c, 'DELETE', `${CREATE_V1}/hello`)
    expect(del.body).toMatchObject({ kind: 'Status', status: 'Success', details: { name: 'hello', group: 'events.k8s.io', kind: 'events' } })
    const gone = await asAdmin(c, 'GET', '/api/v1/namespaces/sa-demo/events/hello')
    expect((gone.body as { message: string }).message).toBe('events "hello" not found')
    expect(((await asAdmin(c, 'GET', `${CREATE_V1}/hello`)).body as { message: string }).message).toBe('events.events.k8s.io "hello" not found')
  })
})

describe('discovery of events.k8s.io', () => {
  it('lists the group first with its preferred version, and events as a v1.35 server does', async () => {
    const c = await labWithPod('events-discovery')
    const groups = ((await asAdmin(c, 'GET', '/apis')).body as { groups: { name: string; preferredVersion: unknown }[] }).groups
    expect(groups[0]).toEqual({ name: 'events.k8s.io', versions: [{ groupVersion: 'events.k8s.io/v1', version: 'v1' }], preferredVersion: { groupVersion: 'events.k8s.io/v1', version: 'v1' } })
    expect(groups[1].name).toBe('authentication.k8s.io')
    const res = await asAdmin(c, 'GET', '/apis/events.k8s.io/v1')
    expect(JSON.stringify(res.body)).toBe('{"kind":"APIResourceList","apiVersion":"v1","groupVersion":"events.k8s.io/v1","resources":[{"name":"events","singularName":"event","namespaced":true,"kind":"Event","verbs":["create","delete","deletecollection","get","list","patch","update","watch"],"shortNames":["ev"],"storageVersionHash":"r2yiGXH7wu8="}]}')
  })

  it('kubectl api-resources lists events in both groups, in the real order', async () => {
    const lab = await createLab({ seed: 'api-resources' })
    const rows = (await lab.run('kubectl api-resources')).stdout.trimEnd().split('\n').map((l) => l.split(/ {2,}/))
    const names = rows.map((r) => r[0])
    expect(rows.filter((r) => r[0] === 'events')).toEqual([
      ['events', 'ev', 'v1', 'true', 'Event'],
      ['events', 'ev', 'events.k8s.io/v1', 'true', 'Event'],
    ])
    // (an empty SHORTNAMES cell merges with its neighbours' padding: APIVERSION is third from the end)
    const eventsV1 = rows.findIndex((r) => r.at(-3) === 'events.k8s.io/v1')
    expect(names[eventsV1 - 1]).toBe('endpointslices')
    expect(rows[eventsV1 + 1].at(-3)).toBe('rbac.authorization.k8s.io/v1')
    const byName = (await lab.run('kubectl api-resources -o name')).stdout.split('\n')
    expect(byName.filter((n) => n.startsWith('events'))).toEqual(['events', 'events.events.k8s.io'])
  })
})
