// Registry strategies of the simpler core resources: service accounts, config maps, secrets, events, nodes.
// Imitates: pkg/registry/core/{serviceaccount,configmap,secret,event,node}/strategy.go

import { required, type FieldError } from '../../../api/errors'
import type { KObject } from '../../../api/meta'
import { nameIsDNSSubdomain } from '../../../api/validation'
import type { RESTStrategy } from '../strategy'

const base64 = (s: string) => {
  const bytes = new TextEncoder().encode(s)
  let bin = ''
  for (const b of bytes) bin += String.fromCharCode(b)
  return btoa(bin)
}

export const serviceAccountStrategy: RESTStrategy = {
  resource: { group: '', resource: 'serviceaccounts' }, kind: 'ServiceAccount', listKind: 'ServiceAccountList',
  namespaced: true, nameFn: nameIsDNSSubdomain, returnDeletedObject: true,
}

export const configMapStrategy: RESTStrategy = {
  resource: { group: '', resource: 'configmaps' }, kind: 'ConfigMap', listKind: 'ConfigMapList',
  namespaced: true, nameFn: nameIsDNSSubdomain, returnDeletedObject: false,
}

export const SERVICE_ACCOUNT_TOKEN_SECRET_TYPE = 'kubernetes.io/service-account-token'
export const SERVICE_ACCOUNT_NAME_ANNOTATION = 'kubernetes.io/service-account.name'

function validateSecret(obj: KObject): FieldError[] {
  if (obj.type === SERVICE_ACCOUNT_TOKEN_SECRET_TYPE && !obj.metadata.annotations?.[SERVICE_ACCOUNT_NAME_ANNOTATION]) {
    return [required(`metadata.annotations[${SERVICE_ACCOUNT_NAME_ANNOTATION}]`)]
  }
  return []
}

export const secretStrategy: RESTStrategy = {
  resource: { group: '', resource: 'secrets' }, kind: 'Secret', listKind: 'SecretList',
  namespaced: true, nameFn: nameIsDNSSubdomain, returnDeletedObject: false,
  defaults(obj) {
    if (!obj.type) obj.type = 'Opaque'
  },
  validate: validateSecret,
  validateUpdate: (obj) => validateSecret(obj),
  canonicalize(obj) {
    // stringData is write-only: merged into data (base64) on the way to storage
    const sd = obj.stringData as Record<string, string> | undefined
    if (sd) {
      obj.data = { ...(obj.data as Record<string, string>) }
      for (const [k, v] of Object.entries(sd)) (obj.data as Record<string, string>)[k] = base64(v)
      delete obj.stringData
    }
  },
}

export const eventStrategy: RESTStrategy = {
  resource: { group: '', resource: 'events' }, kind: 'Event', listKind: 'EventList',
  namespaced: true, nameFn: nameIsDNSSubdomain, returnDeletedObject: false,
}

export const nodeStrategy: RESTStrategy = {
  resource: { group: '', resource: 'nodes' }, kind: 'Node', listKind: 'NodeList',
  namespaced: false, nameFn: nameIsDNSSubdomain, returnDeletedObject: false,
}
