// The fields of an X.509 certificate as OpenSSL 3.0 prints them: names in its default `oneline`
// form (crypto/x509/a_strex.c), times (crypto/asn1/a_time.c ASN1_TIME_print), and the whole
// `openssl x509 -text` dump (crypto/x509/t_x509.c X509_print_ex, v3_prn.c, the key printers of
// providers/implementations/encode_decode/encode_key2text.c) for RSA and EC keys and the usual
// extensions. DER walking is kubectl's (../kubectl/x509.ts).

import { children, oid, readDer, type Der } from '../kubectl/x509'
import { certExtension, oidName } from './x509Ext'

export interface CertFields {
  der: Uint8Array
  cert: Der
  /** 0 for v1 (no version field), 2 for v3. */
  version: number
  serial: Der
  tbsSigAlg: Der
  issuer: Der
  notBefore: Der
  notAfter: Der
  subject: Der
  spki: Der
  /** Each extension: its OID element, whether critical, and its value (the OCTET STRING). */
  extensions: { id: string; critical: boolean; value: Der }[]
  sigAlg: Der
  signature: Uint8Array
}

export const content = (b: Uint8Array, e: Der) => b.subarray(e.contentStart, e.end)
const hex2 = (x: number) => x.toString(16).padStart(2, '0')

/** The certificate's parts, or undefined if the DER is not a certificate this reader follows. */
export function certFields(der: Uint8Array): CertFields | undefined {
  try {
    const cert = readDer(der, 0)
    const [tbsEl, sigAlg, sigEl] = children(der, cert)
    let tbs = children(der, tbsEl)
    let version = 0
    if (tbs[0].tag === 0xa0) {
      const v = content(der, children(der, tbs[0])[0])
      version = v[v.length - 1]
      tbs = tbs.slice(1)
    }
    const [serial, tbsSigAlg, issuer, validity, subject, spki, ...rest] = tbs
    const [notBefore, notAfter] = children(der, validity)
    const extensions: CertFields['extensions'] = []
    const a3 = rest.find((e) => e.tag === 0xa3)
    if (a3) {
      for (const ext of children(der, children(der, a3)[0])) {
        const parts = children(der, ext)
        const critical = parts.length === 3 && der[parts[1].contentStart] !== 0
        extensions.push({ id: oid(der, parts[0]), critical, value: parts[parts.length - 1] })
      }
    }
    return {
      der, cert, version, serial, tbsSigAlg, issuer, notBefore, notAfter, subject, spki, extensions, sigAlg,
      signature: der.subarray(sigEl.contentStart + 1, sigEl.end),
    }
  } catch {
    return undefined
  }
}

const SHORT: Record<string, string> = {
  '2.5.4.3': 'CN', '2.5.4.4': 'SN', '2.5.4.5': 'serialNumber', '2.5.4.6': 'C', '2.5.4.7': 'L', '2.5.4.8': 'ST',
  '2.5.4.9': 'street', '2.5.4.10': 'O', '2.5.4.11': 'OU', '2.5.4.12': 'title', '2.5.4.42': 'GN',
  '1.2.840.113549.1.9.1': 'emailAddress', '0.9.2342.19200300.100.1.25': 'DC', '0.9.2342.19200300.100.1.1': 'UID',
}

/** The code points of a directory string (UTF8String, BMPString, or one byte a character). */
function codePoints(b: Uint8Array, e: Der): number[] {
  const v = content(b, e)
  if (e.tag === 0x0c) return Array.from(new TextDecoder().decode(v), (c) => c.codePointAt(0) ?? 0)
  if (e.tag === 0x1e) return Array.from({ length: v.length >> 1 }, (_, i) => v[2 * i] * 256 + v[2 * i + 1])
  return Array.from(v)
}

/** One attribute value escaped as OpenSSL's oneline form does (RFC 2253 escapes, quotes, \XX). */
function escapeValue(points: number[]): string {
  const bytes = new TextEncoder().encode(String.fromCodePoint(...points))
  let out = ''
  let quote = false
  bytes.forEach((c, i) => {
    const ch = String.fromCharCode(c)
    if (c > 0x7e || c < 0x20) out += `\\${c.toString(16).toUpperCase().padStart(2, '0')}`
    else if (ch === '"' || ch === '\\') out += `\\${ch}`
    else {
      if (',+<>;'.includes(ch) || (i === 0 && (ch === '#' || ch === ' ')) || (i === bytes.length - 1 && ch === ' ')) quote = true
      out += ch
    }
  })
  return quote ? `"${out}"` : out
}

/** A distinguished name as `openssl x509 -subject` prints it: `O = system:masters, CN = admin`. */
export function dnText(b: Uint8Array, e: Der): string {
  return children(b, e)
    .map((rdn) => children(b, rdn).map((atv) => {
      const [t, v] = children(b, atv)
      const id = oid(b, t)
      return `${SHORT[id] ?? oidName(id)} = ${escapeValue(codePoints(b, v))}`
    }).join(' + '))
    .join(', ')
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** A UTCTime or GeneralizedTime as ASN1_TIME_print prints it: `Nov 29 15:50:47 2026 GMT`. */
export function timeText(b: Uint8Array, e: Der): string {
  const s = new TextDecoder().decode(content(b, e))
  const full = e.tag === 0x17 ? (Number(s.slice(0, 2)) < 50 ? '20' : '19') + s : s
  const frac = /^\d{14}(\.\d+)/.exec(full)?.[1] ?? ''
  const [y, mo, d, h, mi, se] = [0, 4, 6, 8, 10, 12].map((i) => full.slice(i, i === 0 ? 4 : i + 2))
  return `${MONTHS[Number(mo) - 1]} ${String(Number(d)).padStart(2)} ${h}:${mi}:${se}${frac} ${Number(y)} GMT`
}

/** A UTCTime or GeneralizedTime in milliseconds since the epoch (whole seconds, UTC). */
export function timeMs(b: Uint8Array, e: Der): number {
  const s = new TextDecoder().decode(content(b, e))
  const full = e.tag === 0x17 ? (Number(s.slice(0, 2)) < 50 ? '20' : '19') + s : s
  const [y, mo, d, h, mi, se] = [0, 4, 6, 8, 10, 12].map((i) => Number(full.slice(i, i === 0 ? 4 : i + 2)))
  return Date.UTC(y, mo - 1, d, h, mi, se)
}

/** Bytes as `aa:bb:cc` lines of `perLine`, each line after the first starting with `indent`. */
function hexLines(bytes: Uint8Array, perLine: number, indent: string, lastColon = false): string {
  const lines: string[] = []
  for (let i = 0; i < bytes.length; i += perLine) lines.push(indent + Array.from(bytes.subarray(i, i + perLine), hex2).join(':'))
  return lines.join(lastColon ? ':\n' : '\n') + '\n'
}

/** A big number as encode_key2text's print_labeled_bignum prints it (at the key's indent). */
function bignum(label: string, v: Uint8Array, pad: string): string {
  let i = 0
  while (i < v.length - 1 && v[i] === 0) i++
  const mag = v.subarray(i)
  if (mag.length <= 8) {
    const n = mag.reduce((a, x) => a * 256n + BigInt(x), 0n)
    return `${pad}${label} ${n} (0x${n.toString(16)})\n`
  }
  const bytes = mag[0] >= 0x80 ? Uint8Array.of(0, ...mag) : mag
  return `${pad}${label}\n${hexLines(bytes, 15, pad + '    ', true)}`
}

const CURVES: Record<string, [string, string, number]> = {
  '1.2.840.10045.3.1.7': ['prime256v1', 'P-256', 256],
  '1.3.132.0.34': ['secp384r1', 'P-384', 384],
  '1.3.132.0.35': ['secp521r1', 'P-521', 521],
}

function publicKeyText(b: Uint8Array, spki: Der): string {
  const [alg, bits] = children(b, spki)
  const [algId, params] = children(b, alg)
  const id = oid(b, algId)
  const key = b.subarray(bits.contentStart + 1, bits.end)
  const pad = ' '.repeat(16)
  let out = `            Public Key Algorithm: ${oidName(id)}\n`
  if (id === '1.2.840.113549.1.1.1') {
    const [n, e] = children(key, readDer(key, 0))
    const nb = content(key, n)
    let i = 0
    while (i < nb.length - 1 && nb[i] === 0) i++
    const bitsN = (nb.length - i - 1) * 8 + (nb[i] ? Math.floor(Math.log2(nb[i])) + 1 : 0)
    out += `${pad}Public-Key: (${bitsN} bit)\n${bignum('Modulus:', nb, pad)}${bignum('Exponent:', content(key, e), pad)}`
  } else if (id === '1.2.840.10045.2.1' && params?.tag === 0x06 && CURVES[oid(b, params)]) {
    const [name, nist, size] = CURVES[oid(b, params)]
    out += `${pad}Public-Key: (${size} bit)\n${pad}pub:\n${hexLines(key, 15, pad + '    ', true)}${pad}ASN1 OID: ${name}\n${pad}NIST CURVE: ${nist}\n`
  } else out += `${pad}Unable to load Public Key\n`
  return out
}

function serialText(b: Uint8Array, serial: Der): string {
  const v = content(b, serial)
  const negative = v.length > 0 && v[0] >= 0x80
  let i = 0
  while (i < v.length - 1 && v[i] === 0) i++
  const mag = v.subarray(i)
  const n = mag.reduce((a, x) => a * 256n + BigInt(x), 0n)
  if (!negative && mag.length <= 8 && n < 2n ** 63n) return ` ${n} (0x${n.toString(16)})\n`
  return `\n            ${Array.from(mag, hex2).join(':')}\n`
}

/** `openssl x509 -text`: the whole certificate, field by field. */
export function x509Text(c: CertFields): string {
  const b = c.der
  const alg = (e: Der) => oidName(oid(b, children(b, e)[0]))
  let out = 'Certificate:\n    Data:\n'
  out += `        Version: ${c.version + 1} (0x${c.version.toString(16)})\n`
  out += `        Serial Number:${serialText(b, c.serial)}`
  out += `        Signature Algorithm: ${alg(c.tbsSigAlg)}\n`
  out += `        Issuer: ${dnText(b, c.issuer)}\n`
  out += `        Validity\n            Not Before: ${timeText(b, c.notBefore)}\n            Not After : ${timeText(b, c.notAfter)}\n`
  out += `        Subject: ${dnText(b, c.subject)}\n`
  out += `        Subject Public Key Info:\n${publicKeyText(b, c.spki)}`
  if (c.extensions.length) {
    out += '        X509v3 extensions:\n'
    for (const x of c.extensions) {
      out += `            ${oidName(x.id)}: ${x.critical ? 'critical' : ''}\n`
      out += `${certExtension(x.id, content(b, x.value), ' '.repeat(16))}\n`
    }
  }
  out += `    Signature Algorithm: ${alg(c.sigAlg)}\n    Signature Value:\n`
  out += hexLines(c.signature, 18, '        ', true)
  return out
}

/** `openssl x509 -modulus`: the RSA modulus in upper-case hex (BN_print), or OpenSSL's refusal. */
export function modulus(c: CertFields): string {
  const [alg, bits] = children(c.der, c.spki)
  if (oid(c.der, children(c.der, alg)[0]) !== '1.2.840.113549.1.1.1') return 'Modulus=No modulus for this public key type\n'
  const key = c.der.subarray(bits.contentStart + 1, bits.end)
  const n = content(key, children(key, readDer(key, 0))[0])
  return `Modulus=${Array.from(n, (x) => x.toString(16).toUpperCase().padStart(2, '0')).join('').replace(/^0+(?=.)/, '')}\n`
}

const EXT_NAMES: Record<string, string> = {
  subjectAltName: '2.5.29.17', issuerAltName: '2.5.29.18', keyUsage: '2.5.29.15', extendedKeyUsage: '2.5.29.37',
  basicConstraints: '2.5.29.19', subjectKeyIdentifier: '2.5.29.14', authorityKeyIdentifier: '2.5.29.35',
  crlDistributionPoints: '2.5.29.31', certificatePolicies: '2.5.29.32', authorityInfoAccess: '1.3.6.1.5.5.7.1.1',
}

/** `openssl x509 -ext a,b`: the named extensions in the certificate's order; undefined when none is there. */
export function extensionsText(c: CertFields, names: string): string | undefined {
  const wanted = new Set(names.split(',').map((n) => EXT_NAMES[n.trim()]))
  const picked = c.extensions.filter((x) => wanted.has(x.id))
  if (picked.length === 0) return undefined
  return picked.map((x) => `${oidName(x.id)}: ${x.critical ? 'critical' : ''}\n${certExtension(x.id, content(c.der, x.value), '    ')}\n`).join('')
}
