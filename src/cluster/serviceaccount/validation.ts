// Imitates: pkg/apis/authentication/validation/validation.go (ValidateTokenRequest).

import { invalid, type FieldError } from '../../common/apiErrors'

export function validateTokenRequest(spec: { expirationSeconds: number }): FieldError[] {
  const errs: FieldError[] = []
  const min = 10 * 60
  if (spec.expirationSeconds < min) {
    errs.push(invalid('spec.expirationSeconds', spec.expirationSeconds, 'may not specify a duration less than 10 minutes'))
  }
  if (spec.expirationSeconds > 2 ** 32) {
    errs.push(invalid('spec.expirationSeconds', spec.expirationSeconds, 'may not specify a duration larger than 2^32 seconds'))
  }
  return errs
}
