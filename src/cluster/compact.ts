// How much of the cluster's growing records a saved lab keeps, so that a lab used for a week
// stays small: the latest facts and audit entries, counted from the end. Pure and additive: the
// live cluster keeps its own bound (AUDIT_LIMIT); persistence applies these to what it stores.

import type { ClusterState } from './cluster'

/** Facts a saved lab keeps (the timeline shows the latest; older ones are dropped first). */
export const FACTS_KEEP = 5_000
/** Audit entries a saved lab keeps (`lab audit --all` and the why panel read the latest). */
export const AUDIT_KEEP = 2_000

export interface ClusterBounds {
  facts?: number
  audit?: number
}

/** The state with its facts and audit record cut to their latest entries; the rest is shared, not copied. */
export function compactClusterState(state: ClusterState, bounds: ClusterBounds = {}): ClusterState {
  const facts = bounds.facts ?? FACTS_KEEP
  const audit = bounds.audit ?? AUDIT_KEEP
  return {
    ...state,
    facts: state.facts.length > facts ? state.facts.slice(-facts) : state.facts,
    ...(state.audit ? { audit: state.audit.length > audit ? state.audit.slice(-audit) : state.audit } : {}),
  }
}
