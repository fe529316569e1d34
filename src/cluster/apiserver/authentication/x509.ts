// Client certificates: the subject CN is the user, the O values are the groups, the certificate's
// SHA-256 the credential ID.
// Imitates: k8s.io/apiserver/pkg/authentication/request/x509/x509.go (CommonNameUserConversion)

import { authError, type RequestAuthenticator } from './authenticator'
import { CREDENTIAL_ID_KEY } from './serviceaccount/userinfo'

export const x509Authenticator: RequestAuthenticator = {
  name: 'x509',
  authenticateRequest(req) {
    const cert = req.clientCert
    if (!cert) return { ok: false, errors: [] }
    if (!cert.signedByClusterCA) {
      return { ok: false, errors: [authError('x509', 'verifying certificate SN=0, SKID=, AKID= failed: x509: certificate signed by unknown authority')] }
    }
    if (!cert.commonName) return { ok: false, errors: [authError('x509', 'x509: subject with cn= is not in the allowed list')] }
    // the certificate's fingerprint as the credential's ID (v1.32 on)
    const extra = cert.credentialId !== undefined ? { extra: { [CREDENTIAL_ID_KEY]: [cert.credentialId] } } : {}
    return { ok: true, user: { username: cert.commonName, groups: [...cert.organizations], ...extra }, authenticator: 'x509' }
  },
}
