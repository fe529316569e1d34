// The `kubernetes` Service in `default`, its Endpoints and its EndpointSlice: the in-cluster
// address of the API server (the KUBERNETES_SERVICE_HOST of every pod). The API server keeps them
// at every start, created when missing (also in a lab saved before they existed), and its loop
// creates a deleted one again at its next round (every 10 s, the EndpointInterval).
// Imitates: pkg/controlplane/controller/kubernetesservice/controller.go and
// pkg/controlplane/reconcilers (the master endpoints reconciler)

import type { KObject, NewObject, ObjectMeta } from './api/meta'
import { rfc3339 } from '../common/time'
import type { ClusterContext } from './context'
import { DEFAULT_SERVICE_IP } from './kubelet/exec/exec'
import { Random } from './random'
import { enqueueNextRound } from './controllers/queue'

const PORT = { name: 'https', port: 6443, protocol: 'TCP' }

export function kubernetesServiceObjects(apiServerURL: string, clusterIP = DEFAULT_SERVICE_IP): { resource: string; obj: NewObject }[] {
  const url = new URL(apiServerURL)
  const ip = url.hostname
  const port = Number(url.port || 443)
  const meta = (extra: Partial<ObjectMeta>) => ({ name: 'kubernetes', namespace: 'default', ...extra })
  return [
    {
      resource: 'services',
      obj: {
        kind: 'Service', apiVersion: 'v1',
        metadata: meta({ labels: { component: 'apiserver', provider: 'kubernetes' } }),
        spec: {
          ports: [{ name: 'https', protocol: 'TCP', port: 443, targetPort: port }],
          clusterIP, clusterIPs: [clusterIP], type: 'ClusterIP', sessionAffinity: 'None',
          ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack', internalTrafficPolicy: 'Cluster',
        },
        status: { loadBalancer: {} },
      },
    },
    {
      resource: 'endpoints',
      obj: {
        kind: 'Endpoints', apiVersion: 'v1',
        metadata: meta({ labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } }),
        subsets: [{ addresses: [{ ip }], ports: [{ ...PORT, port }] }],
      },
    },
    {
      resource: 'endpointslices.discovery.k8s.io',
      obj: {
        kind: 'EndpointSlice', apiVersion: 'discovery.k8s.io/v1',
        metadata: meta({ generation: 1, labels: { 'kubernetes.io/service-name': 'kubernetes' } }),
        addressType: 'IPv4',
        endpoints: [{ addresses: [ip], conditions: { ready: true } }],
        ports: [{ name: 'https', protocol: 'TCP', port }],
      },
    },
  ]
}

/** Create what is missing; uids from `random` (by default a generator derived from the lab's, which it does not advance). */
export function reconcileKubernetesService(ctx: ClusterContext, createdAt: number, random = Random.fromSeed(`kubernetes-service/${JSON.stringify(ctx.random.state())}`)): void {
  for (const { resource, obj } of kubernetesServiceObjects(ctx.config.apiServerURL)) {
    if (ctx.store.get(resource, 'default', obj.metadata.name)) continue
    const o: KObject = { ...obj, metadata: { ...obj.metadata, uid: random.uuid(), resourceVersion: '', creationTimestamp: rfc3339(createdAt) } }
    ctx.store.create(resource, o)
  }
}

/** How often the API server's kubernetes service controller runs (DefaultEndpointReconcilerInterval). */
export const KUBERNETES_SERVICE_INTERVAL_MS = 10_000
export const KUBERNETES_SERVICE_SYNC = 'kubernetes-service-controller.sync'
const OWN = new Set(['services', 'endpoints', 'endpointslices.discovery.k8s.io'])

/**
 * The controller's loop (wait.NonSlidingUntil every 10 s): when one of the three objects is deleted,
 * the next round creates it again. The lab's rounds fall on whole 10 s of the clock.
 */
export function startKubernetesServiceController(ctx: ClusterContext): void {
  ctx.store.watch((e) => {
    if (e.type !== 'DELETED' || !OWN.has(e.resource) || e.object.metadata.namespace !== 'default' || e.object.metadata.name !== 'kubernetes') return
    enqueueNextRound(ctx, KUBERNETES_SERVICE_SYNC, 'default/kubernetes', KUBERNETES_SERVICE_INTERVAL_MS)
  })
  ctx.onWork(KUBERNETES_SERVICE_SYNC, () => reconcileKubernetesService(ctx, ctx.clock.now(), ctx.random))
}
