// Registry strategies of the simpler core resources: service accounts, config maps, secrets, nodes
// (events: registry/event/strategy.ts).
// Imitates: pkg/registry/core/{serviceaccount,configmap,secret,node}/strategy.go

import { invalid, required, type FieldError } from '../../../../common/apiErrors'
import type { ConfigMap, Node, Secret, ServiceAccount } from '../../../api/core'
import { isConfigMapKey, nameIsDNSSubdomain } from '../../../api/validation'
import type { RESTStrategy } from '../strategy'
import { encodeBase64Text as base64 } from '../../../../common/base64'


export const serviceAccountStrategy: RESTStrategy<ServiceAccount> = {
  resource: { group: '', resource: 'serviceaccounts' }, kind: 'ServiceAccount', listKind: 'ServiceAccountList',
  namespaced: true, nameFn: nameIsDNSSubdomain, returnDeletedObject: true,
}

export const configMapStrategy: RESTStrategy<ConfigMap> = {
  resource: { group: '', resource: 'configmaps' }, kind: 'ConfigMap', listKind: 'ConfigMapList',
  namespaced: true, nameFn: nameIsDNSSubdomain, returnDeletedObject: false,
}

export const SERVICE_ACCOUNT_TOKEN_SECRET_TYPE = 'kubernetes.io/service-account-token'
export const SERVICE_ACCOUNT_NAME_ANNOTATION = 'kubernetes.io/service-account.name'

function validateSecret(obj: Secret): FieldError[] {
  const errs: FieldError[] = []
  if (obj.type === SERVICE_ACCOUNT_TOKEN_SECRET_TYPE && !obj.metadata.annotations?.[SERVICE_ACCOUNT_NAME_ANNOTATION]) {
    errs.push(required(`metadata.annotations[${SERVICE_ACCOUNT_NAME_ANNOTATION}]`))
  }
  // stringData is merged into data when decoded, so its keys are data keys
  const keys = [...Object.keys(obj.data ?? {}), ...Object.keys(obj.stringData ?? {})]
  for (const k of [...new Set(keys)].sort()) for (const m of isConfigMapKey(k)) errs.push(invalid(`data[${k}]`, k, m))
  return errs
}

export const secretStrategy: RESTStrategy<Secret> = {
  resource: { group: '', resource: 'secrets' }, kind: 'Secret', listKind: 'SecretList',
  namespaced: true, nameFn: nameIsDNSSubdomain, returnDeletedObject: false,
  defaults(obj) {
    if (!obj.type) obj.type = 'Opaque'
  },
  validate: validateSecret,
  validateUpdate: (obj) => validateSecret(obj),
  canonicalize(obj) {
    // stringData is write-only: merged into data (base64) on the way to storage
    const sd = obj.stringData
    if (sd) {
      const data = { ...obj.data }
      for (const [k, v] of Object.entries(sd)) data[k] = base64(v)
      obj.data = data
      delete obj.stringData
    }
  },
}

export const nodeStrategy: RESTStrategy<Node> = {
  resource: { group: '', resource: 'nodes' }, kind: 'Node', listKind: 'NodeList',
  namespaced: false, nameFn: nameIsDNSSubdomain, returnDeletedObject: false,
}
