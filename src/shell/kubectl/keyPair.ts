// Imitates: crypto/tls X509KeyPair and encoding/pem Decode, as far as kubectl meets them before any request:
// rest.TLSConfigFor checks a client certificate and key given as data (client-certificate-data and
// client-key-data) when it builds the transport. Files are read later, during the TLS handshake.
// The key is read as x509.ParsePKCS1PrivateKey, ParsePKCS8PrivateKey and ParseECPrivateKey would (their
// structure, not every field's value) and matched with the certificate's key: RSA by its modulus; an EC
// key by its type only (its point is not compared).

import { decodeBase64 } from '../../common/base64'
import { children, oid, parseCertificate, readDer, type Der } from './x509'

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
  const cert = parseCertificate(certs[0].der)
  if (!cert) return 'x509: malformed certificate'
  const priv = privateKeyOf(key.der)
  if (!priv) return 'tls: failed to parse private key'
  if (priv === 'unknown') return 'tls: found unknown private key type in PKCS#8 wrapping'
  const pub = publicKeyOf(cert.spki)
  if (!pub) return 'tls: unknown public key algorithm'
  if (pub.type !== priv.type) return 'tls: private key type does not match public key type'
  if (pub.type === 'rsa' && priv.type === 'rsa' && pub.modulus !== priv.modulus) return 'tls: private key does not match public key'
  return undefined
}

const OID_RSA = '1.2.840.113549.1.1.1'
const OID_EC = '1.2.840.10045.2.1'
const OID_ED25519 = '1.3.101.112'
const INTEGER = 0x02
const OCTETS = 0x04
const SEQUENCE = 0x30

type Key = { type: 'rsa'; modulus: string } | { type: 'ec' | 'ed25519' }

/** An INTEGER's value as hex without leading zero bytes (what big.Int compares). */
function integer(der: Uint8Array, el: Der): string {
  if (el.tag !== INTEGER) throw new Error('not an INTEGER')
  let i = el.contentStart
  while (i < el.end - 1 && der[i] === 0) i++
  return Array.from(der.subarray(i, el.end), (b) => b.toString(16).padStart(2, '0')).join('')
}

/** The elements of the SEQUENCE that is all of `der` (throws where it is not one). */
function sequence(der: Uint8Array): Der[] {
  const top = readDer(der, 0)
  if (top.tag !== SEQUENCE || top.end !== der.length) throw new Error('not one SEQUENCE')
  return children(der, top)
}

/** PKCS #1 RSAPrivateKey: version, n, e, d, p, q, dp, dq, qinv. */
function pkcs1(der: Uint8Array): Key {
  const parts = sequence(der)
  if (parts.length < 9 || integer(der, parts[0]) !== '00') throw new Error('not PKCS #1')
  parts.slice(0, 9).forEach((p) => integer(der, p))
  return { type: 'rsa', modulus: integer(der, parts[1]) }
}

/** SEC 1 ECPrivateKey: version 1, the private key octets, then optional parameters and public key. */
function sec1(der: Uint8Array): Key {
  const parts = sequence(der)
  if (parts.length < 2 || integer(der, parts[0]) !== '01' || parts[1].tag !== OCTETS) throw new Error('not SEC 1')
  return { type: 'ec' }
}

/** The private key of a key block, 'unknown' for a PKCS #8 key of another algorithm, undefined where nothing parses. */
function privateKeyOf(der: Uint8Array): Key | 'unknown' | undefined {
  try {
    return pkcs1(der)
  } catch { /* not PKCS #1 */ }
  try {
    const [version, alg, inner] = sequence(der)
    if (integer(der, version) !== '00' || alg.tag !== SEQUENCE || inner.tag !== OCTETS) throw new Error('not PKCS #8')
    const id = oid(der, children(der, alg)[0])
    const body = der.subarray(inner.contentStart, inner.end)
    if (id === OID_RSA) return pkcs1(body)
    if (id === OID_EC) return sec1(body)
    if (id === OID_ED25519) return { type: 'ed25519' }
    return 'unknown'
  } catch { /* not PKCS #8 */ }
  try {
    return sec1(der)
  } catch {
    return undefined
  }
}

/** The certificate's public key from its SubjectPublicKeyInfo: algorithm, and an RSA key's modulus. */
function publicKeyOf(spki: Uint8Array): Key | undefined {
  try {
    const [alg, bits] = sequence(spki)
    const id = oid(spki, children(spki, alg)[0])
    if (id === OID_EC) return { type: 'ec' }
    if (id === OID_ED25519) return { type: 'ed25519' }
    if (id !== OID_RSA) return undefined
    const key = spki.subarray(bits.contentStart + 1, bits.end) // past the BIT STRING's unused-bits byte
    return { type: 'rsa', modulus: integer(key, sequence(key)[0]) }
  } catch {
    return undefined
  }
}
