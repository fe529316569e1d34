// kubectl describe node against the real kubectl talking to a replay of the same lab's answers: the
// node, its lease, the pods bound to it with their requests and limits (summed and printed as
// resource.Quantity does), `kubectl get` of the leases, and `kubectl describe` of leases, a kind with
// no describer of its own (the generic one). Fails where no kubectl is installed.
// describeNode is the same in v1.33 and v1.35. The real kubectl counts a pod's age on the wall
// clock, the lab on its own: the Age cells of the pod rows are left out of both. The replay answers
// every event search with an empty list, as the lab's nodes have no events.

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLab, type Lab } from '../../../app/lab'
import { requireTools } from '../../testing/realTools'
import { REAL_KUBECTL, type BatchResult } from '../testing/batch'
import { bothSides, replayLab, type Replay } from '../testing/replay'
import { APISERVER_ID } from '../../../cluster/leases'

const pod = (name: string, resources: object, init?: object) =>
  JSON.stringify({
    apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'sa-demo' },
    spec: {
      nodeName: 'worker-0',
      ...(init ? { initContainers: [{ name: 'init', image: 'busybox:1.36', command: ['true'], resources: init }] } : {}),
      containers: [
        { name: 'a', image: 'busybox:1.36', command: ['sleep', '1d'], resources },
        { name: 'b', image: 'busybox:1.36', command: ['sleep', '1d'], resources },
      ],
    },
  })

const CASES = [
  'describe node worker-0',
  // (worker-1 is left out: the replay answers every pod list with all the pods, which are on worker-0)
  'describe no worker-0',
  'describe nodes worker-0 --show-events=false',
  'get leases -A -o name',
  'get lease worker-0 -n kube-node-lease -o yaml',
  'describe lease worker-0 -n kube-node-lease',
  'describe leases -n kube-system',
  'describe lease kube -n kube-system',
].map((c) => c.split(' '))

const PATHS = [
  '/api/v1/nodes',
  '/api/v1/nodes/worker-0',
  '/api/v1/pods',
  '/apis/coordination.k8s.io/v1/leases',
  '/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/worker-0',
  '/apis/coordination.k8s.io/v1/namespaces/kube-system/leases',
  '/apis/coordination.k8s.io/v1/namespaces/kube-system/leases/kube-controller-manager',
  '/apis/coordination.k8s.io/v1/namespaces/kube-system/leases/kube-scheduler',
  `/apis/coordination.k8s.io/v1/namespaces/kube-system/leases/${APISERVER_ID}`,
]

/** A pod row's last cell (its age) taken off: `  sa-demo  big  ...  128Mi (3%)  5s` -> `...  128Mi (3%)`. */
const withoutPodAges = (s: string) => s.replace(/^( {2}sa-demo .*\)) +\S+$/gm, '$1')

describe.sequential('kubectl describe node, against the real kubectl', () => {
  let lab: Lab
  let replay: Replay
  let sides: { ours: BatchResult[]; real: BatchResult[] }

  beforeAll(async () => {
    requireTools(REAL_KUBECTL ?? 'kubectl')
    lab = await createLab({ seed: 'describe-node' })
    const files: [string, string][] = [
      ['small.json', pod('small', { requests: { cpu: '100m', memory: '64Mi' }, limits: { cpu: '250m', memory: '128Mi' } })],
      ['big.json', pod('big', { requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '1500m', memory: '1.5Gi' } }, { requests: { cpu: '3', memory: '100M' } })],
      ['plain.json', pod('plain', {})],
      // a sidecar (an init container that restarts Always) adds to the pod's requests
      ['side.json', JSON.stringify({
        apiVersion: 'v1', kind: 'Pod', metadata: { name: 'side', namespace: 'sa-demo' },
        spec: {
          nodeName: 'worker-0',
          initContainers: [
            { name: 'proxy', image: 'busybox:1.36', command: ['sleep', '1d'], restartPolicy: 'Always', resources: { requests: { cpu: '200m', memory: '10Mi' }, limits: { memory: '20Mi' } } },
            { name: 'setup', image: 'busybox:1.36', command: ['true'], resources: { requests: { cpu: '150m' } } },
          ],
          containers: [{ name: 'app', image: 'busybox:1.36', command: ['sleep', '1d'], resources: { requests: { cpu: '100m' }, limits: { cpu: '1' } } }],
        },
      })],
    ]
    expect((await lab.run('kubectl create namespace sa-demo')).exitCode).toBe(0)
    for (const [name, text] of files) {
      expect((await lab.run(`printf '%s' '${text}' > ${name}`)).exitCode).toBe(0)
      const r = await lab.run(`kubectl create -f ${name}`)
      expect(r.exitCode, r.stderr).toBe(0)
    }
    expect((await lab.run('lab advance 30s')).exitCode).toBe(0)
    const empty = JSON.stringify({ kind: 'EventList', apiVersion: 'v1', metadata: { resourceVersion: '' }, items: [] })
    const events = Object.fromEntries(['/api/v1/events', '/api/v1/namespaces/kube-system/events', '/api/v1/namespaces/kube-node-lease/events'].map((p) => [p, empty]))
    replay = await replayLab(lab, PATHS, events)
    sides = await bothSides(lab, replay, CASES, (r) => ({ ...r, stdout: withoutPodAges(r.stdout) }))
  }, 300_000)

  afterAll(() => replay?.close())

  it.each(CASES.map((c, i) => [c.join(' '), i] as const))('kubectl %s', (_, i) => {
    expect(sides.ours[i]).toEqual(sides.real[i])
  })
})
