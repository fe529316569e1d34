// The enabled admission plugins, in the API server's fixed order.
// Imitates: pkg/kubeapiserver/options/plugins.go (AllOrderedPlugins, DefaultOffAdmissionPlugins)

import type { AdmissionPlugin } from './interfaces'
import { defaultTolerationSeconds } from './defaulttolerationseconds'
import { namespaceLifecycle } from './namespacelifecycle'
import { priorityAdmission } from './priority'
import { nodeRestriction } from './nodeRestriction'
import { serviceAccountAdmission } from './serviceaccount'

export function defaultAdmissionPlugins(): AdmissionPlugin[] {
  return [namespaceLifecycle, serviceAccountAdmission, nodeRestriction, priorityAdmission, defaultTolerationSeconds]
}
