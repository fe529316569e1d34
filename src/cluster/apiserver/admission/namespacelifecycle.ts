// NamespaceLifecycle: no content in missing or terminating namespaces; immortal namespaces stay.
// Imitates: plugin/pkg/admission/namespace/lifecycle/admission.go

import { newForbidden, newNotFound } from '../../../common/apiErrors'
import type { AdmissionPlugin } from './interfaces'
import { admissionForbidden } from './interfaces'

export const IMMORTAL_NAMESPACES = ['default', 'kube-system', 'kube-public']

export const namespaceLifecycle: AdmissionPlugin = {
  name: 'NamespaceLifecycle',
  admit(a, ctx) {
    const isNamespace = a.kind === 'Namespace' && a.resource.group === ''
    if (a.operation === 'DELETE' && isNamespace && IMMORTAL_NAMESPACES.includes(a.name)) {
      return newForbidden(a.resource, a.name, 'this namespace may not be deleted')
    }
    // always allow non-namespaced resources, and all operations on namespaces
    if (!a.namespace && !isNamespace) return undefined
    if (isNamespace) return undefined
    // always allow deletion of other resources
    if (a.operation === 'DELETE') return undefined
    const ns = ctx.store.peek('namespaces', undefined, a.namespace)
    if (!ns) return newNotFound({ group: '', resource: 'namespaces' }, a.namespace)
    if (a.operation === 'CREATE') {
      const phase = ns.status?.phase
      if (phase !== 'Terminating') return undefined
      return admissionForbidden(a,
        `unable to create new content in namespace ${a.namespace} because it is being terminated`,
        [{ type: 'NamespaceTerminating', message: `namespace ${a.namespace} is being terminated`, field: 'metadata.namespace' }])
    }
    return undefined
  },
}
