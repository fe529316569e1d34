// The `kubernetes` Service in `default`, its Endpoints and its EndpointSlice: the in-cluster
// address of the API server (the KUBERNETES_SERVICE_HOST of every pod). The API server keeps them
// at every start; created when missing (also in a lab saved before they existed).
// Imitates: pkg/controlplane/controller/kubernetesservice/controller.go and
// pkg/controlplane/reconcilers (the master endpoints reconciler)

import type { KObject, NewObject, ObjectMeta } from './api/meta'
import { rfc3339 } from '../common/time'
import type { ClusterContext } from './context'
import { DEFAULT_SERVICE_IP } from './kubelet/exec/exec'
import { Random } from './random'

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

/** Create what is missing; uids from a generator derived from the lab's without advancing it. */
export function reconcileKubernetesService(ctx: ClusterContext, createdAt: number): void {
  const random = Random.fromSeed(`kubernetes-service/${JSON.stringify(ctx.random.state())}`)
  for (const { resource, obj } of kubernetesServiceObjects(ctx.config.apiServerURL)) {
    if (ctx.store.get(resource, 'default', obj.metadata.name)) continue
    const o: KObject = { ...obj, metadata: { ...obj.metadata, uid: random.uuid(), resourceVersion: '', creationTimestamp: rfc3339(createdAt) } }
    ctx.store.create(resource, o)
  }
}
