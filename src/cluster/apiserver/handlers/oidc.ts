// OIDC discovery for service-account tokens: the discovery document and the JWKS, both compact
// JSON rendered once, with the headers the real server sends.
// Imitates: pkg/serviceaccount/openidmetadata.go and pkg/routes/openidmetadata.go

import type { VerifyingKey } from '../authentication/serviceaccount/keys'
import type { ApiResponse } from '../types'

export const OPENID_CONFIG_PATH = '/.well-known/openid-configuration'
export const JWKS_PATH = '/openid/v1/jwks'

const HEADERS = { 'cache-control': 'public, max-age=3600' }

/** The discovery document: issuer, jwks_uri, response/subject types, signing algs (sorted set). */
export function openIDConfiguration(issuer: string, apiServerURL: string, keys: VerifyingKey[]): string {
  const algs = keys.length ? ['RS256'] : []
  return JSON.stringify({
    issuer,
    jwks_uri: `${apiServerURL}${JWKS_PATH}`,
    response_types_supported: ['id_token'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: algs,
  })
}

/** The key set, each key in go-jose's rawJSONWebKey order: use, kty, kid, alg, n, e. */
export function jwks(keys: VerifyingKey[]): string {
  return JSON.stringify({ keys: keys.map((k) => ({ use: 'sig', kty: 'RSA', kid: k.kid, alg: 'RS256', n: k.n, e: k.e })) })
}

export function respondOpenIDConfiguration(issuer: string, apiServerURL: string, keys: VerifyingKey[]): ApiResponse {
  return { status: 200, headers: { 'content-type': 'application/json', ...HEADERS }, body: openIDConfiguration(issuer, apiServerURL, keys) }
}

export function respondJWKS(keys: VerifyingKey[]): ApiResponse {
  return { status: 200, headers: { 'content-type': 'application/jwk-set+json', ...HEADERS }, body: jwks(keys) }
}
