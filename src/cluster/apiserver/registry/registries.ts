// The registry of each served resource, keyed by plural name.
// Imitates: pkg/registry/core/rest/storage_core.go (NewLegacyRESTStorage), pkg/registry/rbac/rest/storage_rbac.go
// pkg/registry/events/rest/storage_events.go and pkg/registry/coordination/rest/storage_coordination.go

import type { ClusterContext } from '../../context'
import { configMapStrategy, nodeStrategy, secretStrategy, serviceAccountStrategy } from './core/strategies'
import { eventStrategy, eventsV1Strategy } from './event/strategy'
import { namespaceStrategy } from './namespace/strategy'
import { podStrategy } from './pod/strategy'
import { RBAC_STRATEGIES } from './rbac/strategy'
import { endpointSliceStrategy, endpointsStrategy, serviceStrategy } from './service/strategy'
import { leaseStrategy } from './coordination/strategy'
import { RegistryStore } from './store'

export function newRegistries(ctx: ClusterContext): Record<string, RegistryStore> {
  const out: Record<string, RegistryStore> = {}
  for (const s of [podStrategy, namespaceStrategy, serviceAccountStrategy, configMapStrategy, secretStrategy, eventStrategy, nodeStrategy, serviceStrategy, endpointsStrategy]) {
    out[s.resource.resource] = new RegistryStore(s, ctx)
  }
  // other groups are keyed `<resource>.<group>` (as the store keys them)
  for (const s of [...RBAC_STRATEGIES, endpointSliceStrategy, eventsV1Strategy, leaseStrategy]) out[`${s.resource.resource}.${s.resource.group}`] = new RegistryStore(s, ctx)
  return out
}
