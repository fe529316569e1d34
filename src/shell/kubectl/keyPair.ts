// Imitates: crypto/tls X509KeyPair and encoding/pem Decode, as far as kubectl meets them before any request:
// rest.TLSConfigFor checks a client certificate and key given as data (client-certificate-data and
// client-key-data) when it builds the transport. Files are read later, during the TLS handshake.
// Not imitated: parsing the private key (`tls: failed to parse private key`) and matching it with the
// certificate (`tls: private key does not match public key`).

import { decodeBase64 } from '../../common/base64'
import { parseCertificate } from './x509'

/** The PEM blocks of `text` as pem.Decode finds them: type and DER bytes; a block whose body is not base64 is skipped. */
function pemBlocksOf(text: string): { type: string; der: Uint8Array }[] {
  const out: { type: string; der: Uint8Array }[] = []
  const re = /-----BEGIN ([^\n-]*)-----\r?\n([\s\S]*?)-----END \1-----/g
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const der = /^[A-Za-z0-9+/=\s]*$/.test(m[2]) ? decodeBase64(m[2]) : undefined
    if (der) out.push({ type: m[1], der })
  }
  return out
}

/** The certificate Go's TLS client presents from this PEM text: its first CERTIFICATE block that decodes. */
export const presentedCertificate = (pem: string): Uint8Array | undefined => pemBlocksOf(pem).find((b) => b.type === 'CERTIFICATE')?.der

const goList = (xs: string[]) => `[${xs.join(' ')}]`

/** The last pair checked: every kubectl command presents the same certificate and key. */
let last: { certPem: string; keyPem: string; problem: string | undefined } | undefined

/** What tls.X509KeyPair says of this certificate and key (PEM text), or undefined where the lab lets them through. */
export function keyPairProblem(certPem: string, keyPem: string): string | undefined {
  if (last?.certPem === certPem && last.keyPem === keyPem) return last.problem
  last = { certPem, keyPem, problem: check(certPem, keyPem) }
  return last.problem
}

function check(certPem: string, keyPem: string): string | undefined {
  const certBlocks = pemBlocksOf(certPem)
  const certs = certBlocks.filter((b) => b.type === 'CERTIFICATE')
  if (certs.length === 0) {
    const skipped = certBlocks.map((b) => b.type)
    if (skipped.length === 0) return 'tls: failed to find any PEM data in certificate input'
    if (skipped.length === 1 && skipped[0].endsWith('PRIVATE KEY')) {
      return 'tls: failed to find certificate PEM data in certificate input, but did find a private key; PEM inputs may have been switched'
    }
    return `tls: failed to find "CERTIFICATE" PEM block in certificate input after skipping PEM blocks of the following types: ${goList(skipped)}`
  }
  const skipped: string[] = []
  const key = pemBlocksOf(keyPem).find((b) => {
    const found = b.type === 'PRIVATE KEY' || b.type.endsWith(' PRIVATE KEY')
    if (!found) skipped.push(b.type)
    return found
  })
  if (!key) {
    if (skipped.length === 0) return 'tls: failed to find any PEM data in key input'
    if (skipped.length === 1 && skipped[0] === 'CERTIFICATE') return 'tls: found a certificate rather than a key in the PEM for the private key'
    return `tls: failed to find PEM block with type ending in "PRIVATE KEY" in key input after skipping PEM blocks of the following types: ${goList(skipped)}`
  }
  if (!parseCertificate(certs[0].der)) return 'x509: malformed certificate'
  return undefined
}
