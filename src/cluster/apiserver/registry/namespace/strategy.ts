// The namespace registry strategy: the name label, the kubernetes finalizer, phase Active.
// Imitates: pkg/registry/core/namespace/strategy.go and SetDefaults_Namespace in pkg/apis/core/v1/defaults.go

import type { Namespace } from '../../../api/core'
import type { KObject } from '../../../api/meta'
import { nameIsDNSLabel } from '../../../api/validation'
import type { RESTStrategy } from '../strategy'

export const FINALIZER_KUBERNETES = 'kubernetes'
export const LABEL_METADATA_NAME = 'kubernetes.io/metadata.name'

function setNameLabel(obj: KObject): void {
  if (!obj.metadata.name) return
  obj.metadata.labels = { ...obj.metadata.labels, [LABEL_METADATA_NAME]: obj.metadata.name }
}

export const namespaceStrategy: RESTStrategy<Namespace> = {
  resource: { group: '', resource: 'namespaces' },
  kind: 'Namespace',
  listKind: 'NamespaceList',
  namespaced: false,
  nameFn: nameIsDNSLabel,
  returnDeletedObject: true,
  defaults: setNameLabel,
  prepareForCreate(ns) {
    setNameLabel(ns) // for generateName
    const finalizers = ns.spec?.finalizers ?? []
    ns.spec = { ...ns.spec, finalizers: finalizers.includes(FINALIZER_KUBERNETES) ? finalizers : [...finalizers, FINALIZER_KUBERNETES] }
    ns.status = { phase: 'Active' }
  },
  prepareForUpdate(ns, old) {
    // finalizers change only through the finalize subresource, status only through status
    ns.spec = { ...ns.spec, finalizers: old.spec?.finalizers }
    ns.status = old.status
    setNameLabel(ns)
  },
}
