// Leases (coordination.k8s.io/v1): a holder renews its lease to say it is alive. The lab keeps the
// kubelets' node leases in kube-node-lease, as every node of a real cluster has one.
// Imitates: k8s.io/api/coordination/v1/types.go

import type { KObject } from './meta'

export interface LeaseSpec {
  holderIdentity?: string
  leaseDurationSeconds?: number
  /** MicroTime: RFC 3339 with microseconds (`2026-05-23T22:27:40.000000Z`). */
  acquireTime?: string
  renewTime?: string
  leaseTransitions?: number
  strategy?: string
  preferredHolder?: string
}
export interface Lease extends KObject { spec?: LeaseSpec }
