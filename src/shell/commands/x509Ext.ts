// Object names and certificate extensions as OpenSSL 3.0 prints them in `openssl x509 -text`
// (crypto/objects/obj_dat.h long names; crypto/x509/v3_skid.c, v3_akid.c, v3_bcons.c,
// v3_bitst.c, v3_extku.c, v3_san.c; v3_prn.c for the layout and for extensions it cannot read).

import { children, oid, readDer, type Der } from '../kubectl/x509'

const NAMES: Record<string, string> = {
  '1.2.840.113549.1.1.1': 'rsaEncryption',
  '1.2.840.113549.1.1.5': 'sha1WithRSAEncryption',
  '1.2.840.113549.1.1.10': 'rsassaPss',
  '1.2.840.113549.1.1.11': 'sha256WithRSAEncryption',
  '1.2.840.113549.1.1.12': 'sha384WithRSAEncryption',
  '1.2.840.113549.1.1.13': 'sha512WithRSAEncryption',
  '1.2.840.10045.2.1': 'id-ecPublicKey',
  '1.2.840.10045.4.3.2': 'ecdsa-with-SHA256',
  '1.2.840.10045.4.3.3': 'ecdsa-with-SHA384',
  '1.2.840.10045.4.3.4': 'ecdsa-with-SHA512',
  '1.3.101.112': 'ED25519',
  '2.5.29.14': 'X509v3 Subject Key Identifier',
  '2.5.29.15': 'X509v3 Key Usage',
  '2.5.29.17': 'X509v3 Subject Alternative Name',
  '2.5.29.18': 'X509v3 Issuer Alternative Name',
  '2.5.29.19': 'X509v3 Basic Constraints',
  '2.5.29.31': 'X509v3 CRL Distribution Points',
  '2.5.29.32': 'X509v3 Certificate Policies',
  '2.5.29.35': 'X509v3 Authority Key Identifier',
  '2.5.29.37': 'X509v3 Extended Key Usage',
  '1.3.6.1.5.5.7.1.1': 'Authority Information Access',
  '1.3.6.1.5.5.7.3.1': 'TLS Web Server Authentication',
  '1.3.6.1.5.5.7.3.2': 'TLS Web Client Authentication',
  '1.3.6.1.5.5.7.3.3': 'Code Signing',
  '1.3.6.1.5.5.7.3.4': 'E-mail Protection',
  '1.3.6.1.5.5.7.3.8': 'Time Stamping',
  '1.3.6.1.5.5.7.3.9': 'OCSP Signing',
  '2.5.29.37.0': 'Any Extended Key Usage',
}

/** OpenSSL's long name for an object (the dotted form when it has none). */
export const oidName = (id: string): string => NAMES[id] ?? id

const KEY_USAGE = ['Digital Signature', 'Non Repudiation', 'Key Encipherment', 'Data Encipherment', 'Key Agreement', 'Certificate Sign', 'CRL Sign', 'Encipher Only', 'Decipher Only']

const body = (b: Uint8Array, e: Der) => b.subarray(e.contentStart, e.end)
const upperHex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).toUpperCase().padStart(2, '0')).join(':')
const ascii = (b: Uint8Array) => String.fromCharCode(...b)

/** X509_NAME_oneline: `/O=system:masters/CN=admin`. */
function nameOneline(b: Uint8Array, e: Der): string {
  const SHORT: Record<string, string> = { '2.5.4.3': 'CN', '2.5.4.6': 'C', '2.5.4.7': 'L', '2.5.4.8': 'ST', '2.5.4.10': 'O', '2.5.4.11': 'OU' }
  let out = ''
  for (const rdn of children(b, e)) {
    for (const atv of children(b, rdn)) {
      const [t, v] = children(b, atv)
      out += `/${SHORT[oid(b, t)] ?? oid(b, t)}=${new TextDecoder().decode(body(b, v))}`
    }
  }
  return out
}

/** One GeneralName as i2v_GENERAL_NAME writes it. */
function generalName(b: Uint8Array, g: Der): string {
  const v = body(b, g)
  switch (g.tag & 0x1f) {
    case 1: return `email:${ascii(v)}`
    case 2: return `DNS:${ascii(v)}`
    case 6: return `URI:${ascii(v)}`
    case 4: return `DirName:${nameOneline(b, children(b, g)[0])}`
    case 7:
      if (v.length === 4) return `IP Address:${v.join('.')}`
      if (v.length === 16) {
        return `IP Address:${Array.from({ length: 8 }, (_, i) => (v[2 * i] * 256 + v[2 * i + 1]).toString(16).toUpperCase()).join(':')}`
      }
      return 'IP Address:<invalid>'
    case 0: return 'othername:<unsupported>'
    default: return '<unsupported>'
  }
}

/** What follows an extension's title line, at `indent` (no final newline; the caller adds it). */
export function certExtension(id: string, value: Uint8Array, indent: string): string {
  try {
    const top = readDer(value, 0)
    switch (id) {
      case '2.5.29.14':
        return indent + upperHex(body(value, top))
      case '2.5.29.35': {
        const parts = children(value, top)
        const full = parts.some((p) => (p.tag & 0x1f) !== 0)
        const lines: string[] = []
        for (const p of parts) {
          const tag = p.tag & 0x1f
          if (tag === 0) lines.push(full ? `keyid:${upperHex(body(value, p))}` : upperHex(body(value, p)))
          else if (tag === 1) lines.push(...children(value, p).map((g) => generalName(value, g)))
          else if (tag === 2) lines.push(`serial:${upperHex(body(value, p))}`)
        }
        return lines.map((l) => indent + l).join('\n')
      }
      case '2.5.29.19': {
        const parts = children(value, top)
        const ca = parts[0]?.tag === 0x01 && value[parts[0].contentStart] !== 0
        const len = parts.find((p) => p.tag === 0x02)
        const n = len ? body(value, len).reduce((a, x) => a * 256 + x, 0) : undefined
        return `${indent}CA:${ca ? 'TRUE' : 'FALSE'}${n === undefined ? '' : `, pathlen:${n}`}`
      }
      case '2.5.29.15': {
        const bits = body(value, top).subarray(1)
        const names = KEY_USAGE.filter((_, i) => (bits[i >> 3] ?? 0) & (0x80 >> (i & 7)))
        return indent + names.join(', ')
      }
      case '2.5.29.37':
        return indent + children(value, top).map((e) => oidName(oid(value, e))).join(', ')
      case '2.5.29.17':
      case '2.5.29.18':
        return indent + children(value, top).map((g) => generalName(value, g)).join(', ')
    }
  } catch {
    // an extension that does not parse is printed raw, as below
  }
  // ASN1_STRING_print of the raw value: printable ASCII as it is, the rest as dots.
  return indent + Array.from(value, (c) => (c > 0x7e || (c < 0x20 && c !== 0x0a && c !== 0x0d) ? '.' : String.fromCharCode(c))).join('')
}
