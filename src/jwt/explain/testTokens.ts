// Tokens for the decoder's unit tests (made up, shaped like the lab's pod tokens; not signed).

import { encodeBase64urlText } from '../../common/base64'

const b64 = (v: unknown) => encodeBase64urlText(typeof v === 'string' ? v : JSON.stringify(v))

export const IAT = 1779578851

export function podPayload(iat = IAT, jti = '6a597411-93f7-44c5-9080-877546e4fb43') {
  return {
    aud: ['https://10.0.1.10:6443'],
    exp: iat + 365 * 86400,
    iat,
    iss: 'https://10.0.1.10:6443',
    jti,
    'kubernetes.io': {
      namespace: 'sa-demo',
      node: { name: 'worker-0', uid: '96d36892-9f48-45e3-b125-670acb77db0d' },
      pod: { name: 'app', uid: '48656805-1038-442d-adee-7270bd0e0c4b' },
      serviceaccount: { name: 'default', uid: '1486b34f-9787-4ffe-a10b-6b149e954bdf' },
      warnafter: iat + 3607,
    },
    nbf: iat,
    sub: 'system:serviceaccount:sa-demo:default',
  }
}

export function makeToken(payload: unknown, header: unknown = { alg: 'RS256', kid: 'k1' }, signature = 'c2lnbmF0dXJl'): string {
  return `${b64(header)}.${b64(payload)}.${signature}`
}
