// Imitates: crypto/x509 (ParseCertificate, Certificate.CheckSignatureFrom) as far as kubectl's TLS client needs it:
// the subject CN/O of the client certificate it presents, and whether the cluster CA signed it.

import { decodeBase64 } from '../../common/base64'

export interface Der {
  tag: number
  /** Offset of the whole element (header included) and of its content. */
  start: number
  contentStart: number
  end: number
}

export function readDer(buf: Uint8Array, pos: number): Der {
  const tag = buf[pos]
  let len = buf[pos + 1]
  let p = pos + 2
  if (len & 0x80) {
    const n = len & 0x7f
    len = 0
    for (let i = 0; i < n; i++) len = len * 256 + buf[p++]
  }
  if (p + len > buf.length) throw new Error('truncated DER')
  return { tag, start: pos, contentStart: p, end: p + len }
}

export function children(buf: Uint8Array, el: Der): Der[] {
  const out: Der[] = []
  for (let p = el.contentStart; p < el.end; ) {
    const c = readDer(buf, p)
    out.push(c)
    p = c.end
  }
  return out
}

export function pemToDer(pem: string): Uint8Array | undefined {
  const m = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/.exec(pem)
  if (!m) return undefined
  return decodeBase64(m[1].replace(/\s+/g, ''))
}

export interface ParsedCertificate {
  subjectCN: string
  subjectO: string[]
  tbs: Uint8Array
  signature: Uint8Array
  spki: Uint8Array
}

const OID_CN = '2.5.4.3'
const OID_O = '2.5.4.10'

export function oid(buf: Uint8Array, el: Der): string {
  const b = buf.subarray(el.contentStart, el.end)
  const parts = [Math.floor(b[0] / 40), b[0] % 40]
  let v = 0
  for (let i = 1; i < b.length; i++) {
    v = v * 128 + (b[i] & 0x7f)
    if (!(b[i] & 0x80)) {
      parts.push(v)
      v = 0
    }
  }
  return parts.join('.')
}

export function parseCertificate(der: Uint8Array): ParsedCertificate | undefined {
  try {
    const cert = readDer(der, 0)
    const [tbsEl, , sigEl] = children(der, cert)
    let tbsParts = children(der, tbsEl)
    if (tbsParts[0].tag === 0xa0) tbsParts = tbsParts.slice(1) // explicit version
    // serial, signature algorithm, issuer, validity, subject, subjectPublicKeyInfo
    const subject = tbsParts[4]
    const spki = tbsParts[5]
    let cn = ''
    const orgs: string[] = []
    for (const rdn of children(der, subject)) {
      for (const atv of children(der, rdn)) {
        const [typeEl, valueEl] = children(der, atv)
        const value = new TextDecoder().decode(der.subarray(valueEl.contentStart, valueEl.end))
        const id = oid(der, typeEl)
        if (id === OID_CN) cn = value
        if (id === OID_O) orgs.push(value)
      }
    }
    return {
      subjectCN: cn,
      subjectO: orgs,
      tbs: der.slice(tbsEl.start, tbsEl.end),
      signature: der.slice(sigEl.contentStart + 1, sigEl.end), // skip the BIT STRING's unused-bits byte
      spki: der.slice(spki.start, spki.end),
    }
  } catch {
    return undefined
  }
}

/** Answers already worked out: a certificate and a CA do not change, and WebCrypto is slow to ask. */
const verified = new Map<string, Promise<boolean>>()
const hex = (b: Uint8Array) => Array.from(b.subarray(0, 64), (x) => x.toString(16).padStart(2, '0')).join('')

/** Whether `cert` carries a valid RSA-SHA256 signature by the CA certificate `caPem` (WebCrypto). */
export function signedBy(cert: ParsedCertificate, caPem: string): Promise<boolean> {
  const key = `${caPem}\n${hex(cert.signature)}:${cert.tbs.length}`
  let answer = verified.get(key)
  if (!answer) {
    answer = verifySignature(cert, caPem)
    if (verified.size > 64) verified.clear()
    verified.set(key, answer)
  }
  return answer
}

async function verifySignature(cert: ParsedCertificate, caPem: string): Promise<boolean> {
  const caDer = pemToDer(caPem)
  const ca = caDer && parseCertificate(caDer)
  if (!ca) return false
  try {
    const key = await crypto.subtle.importKey('spki', ca.spki as BufferSource, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['verify'])
    return await crypto.subtle.verify('RSASSA-PKCS1-v1_5', key, cert.signature as BufferSource, cert.tbs as BufferSource)
  } catch {
    return false
  }
}
