// Registry strategy of Leases: stored as sent, names are DNS subdomains.
// Imitates: pkg/registry/coordination/lease/strategy.go

import { nameIsDNSSubdomain } from '../../../api/validation'
import { COORDINATION_GROUP } from '../../../api/groups'
import type { RESTStrategy } from '../strategy'

export const leaseStrategy: RESTStrategy = {
  resource: { group: COORDINATION_GROUP, resource: 'leases' }, kind: 'Lease', listKind: 'LeaseList',
  groupVersion: `${COORDINATION_GROUP}/v1`, namespaced: true, nameFn: nameIsDNSSubdomain, returnDeletedObject: false,
}
