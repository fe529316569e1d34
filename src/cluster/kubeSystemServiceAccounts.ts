// The ServiceAccounts kube-system holds in a kubeadm v1.35 cluster besides `default`: the addons'
// (coredns, kube-proxy) and those kube-controller-manager creates for its controllers'
// credentials (--use-service-account-credentials). Created when missing at every start.
// Imitates: k8s.io/controller-manager/pkg/clientbuilder (SAControllerClientBuilder) and kubeadm's addon phase

import type { ServiceAccount } from './api/core'
import { rfc3339 } from '../common/time'
import type { ClusterContext } from './context'
import { Random } from './random'

export const KUBE_SYSTEM_SERVICE_ACCOUNTS = [
  'attachdetach-controller', 'bootstrap-signer', 'certificate-controller', 'clusterrole-aggregation-controller', 'coredns',
  'cronjob-controller', 'daemon-set-controller', 'deployment-controller', 'disruption-controller', 'endpoint-controller',
  'endpointslice-controller', 'endpointslicemirroring-controller', 'ephemeral-volume-controller', 'expand-controller',
  'generic-garbage-collector', 'horizontal-pod-autoscaler', 'job-controller', 'kube-proxy', 'legacy-service-account-token-cleaner',
  'namespace-controller', 'node-controller', 'persistent-volume-binder', 'pod-garbage-collector', 'pv-protection-controller',
  'pvc-protection-controller', 'replicaset-controller', 'replication-controller', 'resource-claim-controller',
  'resourcequota-controller', 'root-ca-cert-publisher', 'service-account-controller', 'service-cidrs-controller',
  'statefulset-controller', 'token-cleaner', 'ttl-after-finished-controller', 'ttl-controller',
  'validatingadmissionpolicy-status-controller', 'volumeattributesclass-protection-controller',
]

/** uids from a generator derived from the lab's without advancing it (later uids and names stay). */
export function reconcileKubeSystemServiceAccounts(ctx: ClusterContext, createdAt: number): void {
  const random = Random.fromSeed(`kube-system-sas/${JSON.stringify(ctx.random.state())}`)
  for (const name of KUBE_SYSTEM_SERVICE_ACCOUNTS) {
    if (ctx.store.get('serviceaccounts', 'kube-system', name)) continue
    const sa: ServiceAccount = {
      kind: 'ServiceAccount', apiVersion: 'v1',
      metadata: { name, namespace: 'kube-system', uid: random.uuid(), resourceVersion: '', creationTimestamp: rfc3339(createdAt) },
    }
    ctx.store.create('serviceaccounts', sa)
  }
}
