// The two service-account token authenticators the kube-apiserver runs: legacy Secret tokens
// (issuer kubernetes/serviceaccount) first, then bound tokens (the configured issuer).
// Imitates: pkg/kubeapiserver/authenticator/config.go (newLegacyServiceAccountAuthenticator, newServiceAccountAuthenticator)

import type { ObjectStore } from '../../../store/store'
import type { TokenAuthenticator } from '../authenticator'
import { boundTokenValidator } from './claims'
import { storeTokenGetter } from './getter'
import { jwtTokenAuthenticator } from './jwt'
import { staticPublicKeysGetter, type VerifyingKey } from './keys'
import { LEGACY_ISSUER, legacyTokenValidator } from './legacy'

export interface ServiceAccountAuthenticatorConfig {
  store: ObjectStore
  issuer: string
  apiAudiences: string[]
  keys(): VerifyingKey[]
  now(): number
}

export function serviceAccountAuthenticators(c: ServiceAccountAuthenticatorConfig): TokenAuthenticator[] {
  const getter = storeTokenGetter(c.store)
  const keys = staticPublicKeysGetter(c.keys)
  return [
    jwtTokenAuthenticator({ name: 'serviceaccount-legacy', issuers: [LEGACY_ISSUER], keys, implicitAudiences: c.apiAudiences, validator: legacyTokenValidator(getter, c.store), now: c.now }),
    jwtTokenAuthenticator({ name: 'serviceaccount', issuers: [c.issuer], keys, implicitAudiences: c.apiAudiences, validator: boundTokenValidator(getter), now: c.now }),
  ]
}
