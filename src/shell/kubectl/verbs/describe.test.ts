import { describe as suite, expect, it } from 'vitest'
import { FakeLab, notFound, runKubectl, words } from '../testing/fake'
import { events, nsActive, nsTerm, pod, sa } from '../testing/fixtures'

const list = (items: object[]) => ({ kind: 'List', apiVersion: 'v1', metadata: {}, items })
const empty = list([])

// kubernetes-objects.md §8 (v1.35), at lab time 15:38:59.
const DESCRIBE_POD = `Name:             app
Namespace:        sa-demo
Priority:         0
Service Account:  default
Node:             worker-0/172.18.0.3
Start Time:       Sun, 29 Nov 2026 15:31:57 +0000
Labels:           run=app
Annotations:      <none>
Status:           Running
IP:               10.244.1.5
IPs:
  IP:  10.244.1.5
Containers:
  app:
    Container ID:  containerd://3f9a1c0e7b2d4a6f8e1c3b5d7f9a2c4e6b8d0f1a3c5e7b9d2f4a6c8e0b1d3f5a
    Image:         registry.k8s.io/e2e-test-images/agnhost:2.45
    Image ID:      registry.k8s.io/e2e-test-images/agnhost@sha256:0000000000000000000000000000000000000000000000000000000000000000
    Port:          <none>
    Host Port:     <none>
    Command:
      sleep
      100000
    State:          Running
      Started:      Sun, 29 Nov 2026 15:32:01 +0000
    Ready:          True
    Restart Count:  0
    Environment:    <none>
    Mounts:
      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-7xk2p (ro)
Conditions:
  Type                        Status
  PodReadyToStartContainers   True 
  Initialized                 True 
  Ready                       True 
  ContainersReady             True 
  PodScheduled                True 
Volumes:
  kube-api-access-7xk2p:
    Type:                    Projected (a volume that contains injected data from multiple sources)
    TokenExpirationSeconds:  3607
    ConfigMapName:           kube-root-ca.crt
    Optional:                false
    DownwardAPI:             true
QoS Class:                   BestEffort
Node-Selectors:              <none>
Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
Events:
  Type    Reason     Age    From               Message
  ----    ------     ----   ----               -------
  Normal  Scheduled  7m1s   default-scheduler  Successfully assigned sa-demo/app to worker-0
  Normal  Pulling    7m1s   kubelet            spec.containers{app}: Pulling image "registry.k8s.io/e2e-test-images/agnhost:2.45"
  Normal  Pulled     6m58s  kubelet            spec.containers{app}: Successfully pulled image "registry.k8s.io/e2e-test-images/agnhost:2.45" in 2.853s (2.853s including waiting). Image size: 51234567 bytes.
  Normal  Created    6m58s  kubelet            spec.containers{app}: Container created
  Normal  Started    6m58s  kubelet            spec.containers{app}: Container started
`

const DESCRIBE_SA = `Name:                default
Namespace:           sa-demo
Labels:              <none>
Annotations:         <none>
Image pull secrets:  <none>
Events:              <none>
`

const DESCRIBE_NS = `Name:         sa-demo
Labels:       kubernetes.io/metadata.name=sa-demo
Annotations:  <none>
Status:       Active

No resource quota.

No LimitRange resource.
`

const DESCRIBE_NS_TERMINATING = `Name:         sa-demo
Labels:       kubernetes.io/metadata.name=sa-demo
Annotations:  <none>
Status:       Terminating
Conditions:
  Type                                         Status  LastTransitionTime               Reason                  Message
  ----                                         ------  ------------------               ------                  -------
  NamespaceDeletionDiscoveryFailure            False   Sun, 29 Nov 2026 16:27:03 +0000  ResourcesDiscovered     All resources successfully discovered
  NamespaceDeletionGroupVersionParsingFailure  False   Sun, 29 Nov 2026 16:27:03 +0000  ParsedGroupVersions     All legacy kube types successfully parsed
  NamespaceDeletionContentFailure              False   Sun, 29 Nov 2026 16:27:03 +0000  ContentDeleted          All content successfully deleted, may be waiting on finalization
  NamespaceContentRemaining                    True    Sun, 29 Nov 2026 16:27:03 +0000  SomeResourcesRemain     Some resources are remaining: pods. has 1 resource instances
  NamespaceFinalizersRemaining                 False   Sun, 29 Nov 2026 16:27:03 +0000  ContentHasNoFinalizers  All content-preserving finalizers finished

No resource quota.

No LimitRange resource.
`

function lab() {
  return new FakeLab(
    {
      'GET /api/v1/namespaces/sa-demo/pods/app': pod,
      'GET /api/v1/namespaces/sa-demo/pods': list([pod]),
      'GET /api/v1/namespaces/sa-demo/pods/nope': notFound('pods', 'nope'),
      'GET /api/v1/namespaces/sa-demo/events': (req) =>
        list(events.filter((e) => decodeURIComponent(req.path).includes(`involvedObject.name=${e.involvedObject.name},`))),
      'GET /api/v1/namespaces/sa-demo/serviceaccounts/default': sa,
      'GET /api/v1/namespaces/sa-demo': nsActive,
      'GET /api/v1/namespaces/sa-demo/resourcequotas': empty,
      'GET /api/v1/namespaces/sa-demo/limitranges': empty,
    },
    '2026-11-29T15:38:59Z',
  )
}

suite('kubectl describe', () => {
  it('describes the pod exactly as kubectl 1.35 (events with the fieldPath prefix)', async () => {
    const l = lab()
    const r = await runKubectl(l, words('describe pod app -n sa-demo'))
    expect(r.stderr).toBe('')
    expect(r.stdout).toBe(DESCRIBE_POD)
    expect(l.requests.map((q) => q.path)).toContain(
      '/api/v1/namespaces/sa-demo/events?fieldSelector=involvedObject.name%3Dapp%2CinvolvedObject.namespace%3Dsa-demo%2CinvolvedObject.uid%3Dc7e1f2a3-b4c5-4d6e-8f70-8192a3b4c5d6&limit=500',
    )
  })
  it('matches a name prefix and describes every pod of a type', async () => {
    // DescribeMatchingResources prints each match with a line break of its own (describeNode.oracle.test.ts checks it)
    expect((await runKubectl(lab(), words('describe pods ap -n sa-demo'))).stdout).toBe(`${DESCRIBE_POD}\n`)
    expect((await runKubectl(lab(), words('describe pods -n sa-demo'))).stdout).toBe(DESCRIBE_POD)
  })
  it('describes the service account without Mountable secrets/Tokens (1.35)', async () => {
    expect((await runKubectl(lab(), words('describe sa default -n sa-demo'))).stdout).toBe(DESCRIBE_SA)
  })
  it('describes an active and a terminating namespace', async () => {
    const l = lab()
    expect((await runKubectl(l, words('describe ns sa-demo'))).stdout).toBe(DESCRIBE_NS)
    l.routes['GET /api/v1/namespaces/sa-demo'] = nsTerm
    expect((await runKubectl(l, words('describe namespace/sa-demo'))).stdout).toBe(DESCRIBE_NS_TERMINATING)
  })
  it('prints NotFound and the missing-type error', async () => {
    expect(await runKubectl(lab(), words('describe pod nope -n sa-demo'))).toEqual({
      stdout: '',
      stderr: 'Error from server (NotFound): pods "nope" not found\n',
      exitCode: 1,
    })
    expect((await runKubectl(lab(), words('describe'))).stderr).toBe(
      'error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n',
    )
  })
})
