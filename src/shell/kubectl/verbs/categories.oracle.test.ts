// The `all` category and the builder's handling of resource words (cli-runtime builder.go
// ResourceTypeOrNameArgs, ReplaceAliases, SplitResourceArgument, visitByName), and `kubectl describe`
// of a Service, its Endpoints and its EndpointSlice, and the custom-columns printer: the lab's kubectl against the real kubectl talking to a replay of the same lab's
// answers (its discovery, with `all` on pods and services, and the objects). Fails where no kubectl is
// installed. describeService is the same in v1.33 and v1.35 but for a `Traffic Distribution:` line
// the lab's services do not have; describeEndpoints and describeEndpointSliceV1 are the same. The
// replay sends no Warning headers: the lab's server warns of v1 Endpoints, so that line is left out of
// the lab's standard error before the comparison.

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLab, type Lab } from '../../../app/lab'
import { requireTools } from '../../testing/realTools'
import { REAL_KUBECTL, type BatchResult } from '../testing/batch'
import { bothSides, replayLab, type Replay } from '../testing/replay'

const CASES = [
  // `all`: pods and services, each object named with its kind
  'get all -o name',
  'get all -n sa-demo -o name',
  'get all -A -o name',
  'get all,sa -n sa-demo -o name',
  'get pods,svc -o name',
  // a word given twice is one type
  'get svc,svc,services -o name',
  'get pods,pods -n sa-demo -o name',
  // what the builder refuses
  'get all kubernetes',
  'get pods/a/b',
  'get pods,svc/x',
  'get ,',
  'get pods,',
  'get all/app',
  'get ALL',
  'get Pods.Foo',
  'get SVC -o name',
  'get PO -n sa-demo -o name',
  'get Services -o name',
  'get ServiceAccount -n sa-demo -o name',
  'get roles.RBAC.authorization.k8s.io',
  'get roles.rbac -n sa-demo -o name',
  'get roles.rba -n sa-demo -o name',
  'get role.rbac.authorization -n sa-demo -o name',
  'get ev.events -n sa-demo -o name',
  'get events.events.k8s.io -n sa-demo -o name',
  'get pods.v1 -n sa-demo -o name',
  'get pods.v1. -n sa-demo -o name',
  'get pods. -n sa-demo -o name',
  'get Pod.v1 -n sa-demo -o name',
  // describe of a service, of `all`
  'describe svc kubernetes',
  'describe services',
  'describe all',
  'describe endpoints kubernetes',
  'describe endpointslices',
  'describe ep',
  // the services of kube-system labelled kubernetes.io/cluster-service (none), with no colours since 1.32
  'cluster-info',
  // custom-columns: each value with fmt's %v (a map as map[k:v], a list as [a b]), several joined with commas
  'get pods -n sa-demo -o custom-columns=N:.metadata.name,L:.metadata.labels,C:.spec.containers[0].command,P:.spec.containers[*].name,R:.status.containerStatuses[0].restartCount,V:.spec.volumes[*].name,X:.metadata.nosuch',
  'get svc -o custom-columns=PORTS:.spec.ports,IP:.spec.clusterIPs',
  // the engine's error after the header
  'get pods -n sa-demo -o custom-columns=N:.metadata.name[0]',
  'get pods -n sa-demo -o custom-columns=N:.metadata.name,X:.metadata.labels[*]',
].map((c) => c.split(' '))

// The paths the cases read (a path's query is not looked at: each has one answer).
const PATHS = [
  '/apis/rbac.authorization.k8s.io/v1/namespaces/sa-demo/roles',
  '/apis/events.k8s.io/v1/namespaces/sa-demo/events',
  '/api/v1/namespaces/default/pods',
  '/api/v1/namespaces/default/services',
  '/api/v1/namespaces/default/services/kubernetes',
  '/api/v1/namespaces/default/events',
  '/api/v1/namespaces/sa-demo/pods',
  '/api/v1/namespaces/sa-demo/services',
  '/api/v1/namespaces/sa-demo/serviceaccounts',
  '/api/v1/pods',
  '/api/v1/services',
  '/apis/discovery.k8s.io/v1/namespaces/default/endpointslices',
  '/api/v1/namespaces/default/endpoints',
  '/api/v1/namespaces/kube-system/services',
  '/api/v1/namespaces/default/endpoints/kubernetes',
  '/apis/discovery.k8s.io/v1/namespaces/default/endpointslices/kubernetes',
]

/** The Warning header line of the lab's server that the replay does not send. */
const ENDPOINTS_WARNING = 'Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n'

describe.sequential('the `all` category, resource words and describe of a Service, against the real kubectl', () => {
  let lab: Lab
  let replay: Replay
  let sides: { ours: BatchResult[]; real: BatchResult[] }

  beforeAll(async () => {
    requireTools(REAL_KUBECTL ?? 'kubectl')
    lab = await createLab({ seed: 'categories' })
    for (const line of [
      'kubectl create namespace sa-demo',
      'kubectl -n sa-demo run app --image=registry.k8s.io/e2e-test-images/agnhost:2.45 --command -- sleep 100000',
      'kubectl -n sa-demo wait --for=condition=Ready pod/app',
    ]) {
      expect((await lab.run(line)).exitCode).toBe(0)
    }
    replay = await replayLab(lab, PATHS)
    // the default namespace holds no events: the replay answers every event search with them
    expect(JSON.parse(replay.routes['/api/v1/namespaces/default/events']).items).toEqual([])
    // the real kubectl names the replay's address where the lab names its API server's; the
    // replay sends no Warning header
    const server = replay.flags[0].slice('--server='.length)
    sides = await bothSides(lab, replay, CASES, (r) => ({
      ...r, stdout: r.stdout.replaceAll(server, 'https://10.0.1.10:6443'), stderr: r.stderr.replace(ENDPOINTS_WARNING, ''),
    }))
  }, 300_000)

  afterAll(() => replay?.close())

  it.each(CASES.map((c, i) => [c.join(' '), i] as const))('kubectl %s', (_, i) => {
    expect(sides.ours[i]).toEqual(sides.real[i])
  })
})
