// The registered claims of a verified JWT as go-jose unmarshals them (aud a string or an array of
// strings, dates as numbers truncated to seconds), and their time checks with the default leeway.
// Imitates: gopkg.in/go-jose/go-jose.v2 jwt/claims.go, jwt/errors.go and jwt/validation.go.

export interface PublicClaims {
  iss: string
  sub: string
  aud: string[]
  /** Unix seconds. */
  exp?: number
  nbf?: number
  iat?: number
  jti: string
}

export const ErrUnmarshalAudience = 'go-jose/go-jose/jwt: expected string or array value to unmarshal to Audience'
export const ErrUnmarshalNumericDate = 'go-jose/go-jose/jwt: expected number value to unmarshal NumericDate'

/** jwt.DefaultLeeway: one minute. */
export const DEFAULT_LEEWAY_MS = 60_000

const jsonType = (v: unknown) => (Array.isArray(v) ? 'array' : typeof v === 'object' ? 'object' : typeof v === 'boolean' ? 'bool' : typeof v)

/** json.Unmarshal's type error for a field of a Go struct. */
export function unmarshalTypeError(v: unknown, struct: string, field: string, goType: string): string {
  return `json: cannot unmarshal ${jsonType(v)} into Go struct field ${struct}.${field} of type ${goType}`
}

function str(p: Record<string, unknown>, k: string): string | { error: string } {
  const v = p[k]
  if (v === undefined || v === null) return ''
  return typeof v === 'string' ? v : { error: unmarshalTypeError(v, 'Claims', k, 'string') }
}

function date(p: Record<string, unknown>, k: string): number | undefined | { error: string } {
  const v = p[k]
  if (v === undefined || v === null) return undefined
  return typeof v === 'number' ? Math.trunc(v) : { error: ErrUnmarshalNumericDate }
}

export function parsePublicClaims(p: Record<string, unknown>): PublicClaims | { error: string } {
  const out: PublicClaims = { iss: '', sub: '', aud: [], jti: '' }
  for (const k of ['iss', 'sub', 'jti'] as const) {
    const v = str(p, k)
    if (typeof v !== 'string') return v
    out[k] = v
  }
  const aud = p.aud
  if (typeof aud === 'string') out.aud = [aud]
  else if (Array.isArray(aud) && aud.every((a) => typeof a === 'string')) out.aud = aud as string[]
  else if (aud !== undefined) return { error: ErrUnmarshalAudience }
  for (const k of ['exp', 'nbf', 'iat'] as const) {
    const v = date(p, k)
    if (typeof v === 'object') return v
    if (v !== undefined) out[k] = v
  }
  return out
}

export type TimeError = 'ErrNotValidYet' | 'ErrExpired' | 'ErrIssuedInTheFuture'

/** Claims.ValidateWithLeeway(Expected{Time: now}, DefaultLeeway): nbf, then exp, then iat. */
export function validateTimes(c: PublicClaims, nowMs: number): TimeError | undefined {
  if (c.nbf !== undefined && nowMs + DEFAULT_LEEWAY_MS < c.nbf * 1000) return 'ErrNotValidYet'
  if (c.exp !== undefined && nowMs - DEFAULT_LEEWAY_MS > c.exp * 1000) return 'ErrExpired'
  if (c.iat !== undefined && nowMs + DEFAULT_LEEWAY_MS < c.iat * 1000) return 'ErrIssuedInTheFuture'
  return undefined
}
