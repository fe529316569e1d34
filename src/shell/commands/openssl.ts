// openssl (OpenSSL 3.0 apps/x509.c and apps/enc.c) for the lab's real certificates: `x509` with
// -in, -noout, -subject, -issuer, -dates, -serial, -fingerprint [-sha1|-sha256], -pubkey (the
// fields in the order given, then the certificate unless -noout), -text (the whole dump, in
// x509Text.ts), -modulus, -ext NAME,..., -checkend SECS (against the lab clock), -inform and
// -outform PEM or DER (DER as bytes, src/common/bytes.ts), and `base64 [-d] [-A]`.

import type { CommandContext, CommandSpec } from '../types'
import { encode as b64encode } from './base64'
import { opensslDecode } from './opensslBase64'
import { dgst } from './opensslDgst'
import { pemToDer } from '../kubectl/x509'
import { fromBytes, toBytes } from './util'
import { certFields, content, dnText, extensionsText, modulus, timeMs, timeText, x509Text } from './x509Text'

const hexColon = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).toUpperCase().padStart(2, '0')).join(':')

function pem(label: string, der: Uint8Array): string {
  const text = b64encode(der, 64)
  return `-----BEGIN ${label}-----\n${text}-----END ${label}-----\n`
}

async function x509(ctx: CommandContext, args: string[]): Promise<number> {
  let input: string | undefined
  let noout = false
  let digest = 'SHA-1'
  let derIn = false
  let derOut = false
  let checkend: number | undefined
  const wanted: string[] = []
  for (let i = 0; i < args.length; i++) {
    const a = args[i].replace(/^--/, '-')
    if (a === '-in') input = args[++i]
    else if (a === '-noout') noout = true
    else if (a === '-sha256' || a === '-sha1') digest = a === '-sha256' ? 'SHA-256' : 'SHA-1'
    else if (['-subject', '-issuer', '-dates', '-startdate', '-enddate', '-serial', '-fingerprint', '-pubkey', '-text', '-modulus'].includes(a)) wanted.push(a)
    else if (a === '-ext' || a === '-checkend') {
      if (i + 1 >= args.length) {
        ctx.stderr(`x509: Option ${a} needs a value\nx509: Use -help for summary.\n`)
        return 1
      }
      const v = args[++i]
      if (a === '-ext') wanted.push(`-ext ${v}`)
      else if (/^[0-9]+$/.test(v)) checkend = Number(v)
      else {
        ctx.stderr(`x509: Can't parse "${v}" as a number\nx509: Use -help for summary.\n`)
        return 1
      }
    }
    else if (a === '-inform' || a === '-outform') {
      const v = args[++i]
      if (v === undefined) {
        ctx.stderr(`x509: Option ${a} needs a value\nx509: Use -help for summary.\n`)
        return 1
      }
      if (!/^(pem|der)$/i.test(v)) {
        ctx.stderr(`x509: Bad format "${v}"\nx509: Invalid format "${v}" for option ${a}\nx509: Use -help for summary.\n`)
        return 1
      }
      if (a === '-inform') derIn = /^der$/i.test(v)
      else derOut = /^der$/i.test(v)
    }
    else {
      ctx.stderr(`x509: Unknown option or message digest: ${args[i].replace(/^-+/, '')}\nx509: Use -help for summary.\n`)
      return 1
    }
  }
  let text: string | undefined
  if (input === undefined || input === '-') text = ctx.stdin
  else text = ctx.fs.readFile(ctx.fs.resolve(input))
  if (text === undefined) {
    ctx.stderr(`Could not open file or uri for loading certificate from ${input}\nUnable to load certificate\n`)
    return 1
  }
  const der = derIn ? toBytes(text) : pemToDer(text)
  if (!der) {
    ctx.stderr('Could not read certificate from ' + (input ?? '<stdin>') + '\nUnable to load certificate\n')
    return 1
  }
  const c = certFields(der)
  if (!c) {
    ctx.stderr('Could not read certificate from ' + (input ?? '<stdin>') + '\nUnable to load certificate\n')
    return 1
  }
  let out = ''
  for (const w of wanted) {
    if (w === '-subject') out += `subject=${dnText(der, c.subject)}\n`
    else if (w === '-issuer') out += `issuer=${dnText(der, c.issuer)}\n`
    else if (w === '-dates') out += `notBefore=${timeText(der, c.notBefore)}\nnotAfter=${timeText(der, c.notAfter)}\n`
    else if (w === '-startdate') out += `notBefore=${timeText(der, c.notBefore)}\n`
    else if (w === '-enddate') out += `notAfter=${timeText(der, c.notAfter)}\n`
    else if (w === '-serial') {
      let s = Array.from(content(der, c.serial), (x) => x.toString(16).toUpperCase().padStart(2, '0')).join('')
      if (s.startsWith('00') && s.length > 2) s = s.slice(2)
      out += `serial=${s}\n`
    } else if (w === '-fingerprint') {
      const hash = new Uint8Array(await crypto.subtle.digest(digest, der.slice(c.cert.start, c.cert.end)))
      out += `${digest === 'SHA-1' ? 'SHA1' : 'sha256'} Fingerprint=${hexColon(hash)}\n`
    } else if (w === '-pubkey') out += pem('PUBLIC KEY', der.slice(c.spki.start, c.spki.end))
    else if (w === '-text') out += x509Text(c)
    else if (w === '-modulus') out += modulus(c)
    else if (w.startsWith('-ext ')) {
      const text = extensionsText(c, w.slice(5))
      if (text === undefined) ctx.stderr('No extensions in certificate\n')
      else out += text
    }
  }
  if (checkend !== undefined) {
    // -checkend SECONDS: whether notAfter comes before the lab time plus SECONDS (no PEM after it).
    const expires = timeMs(der, c.notAfter) < ctx.lab.now() + checkend * 1000
    ctx.stdout(out + `Certificate will ${expires ? '' : 'not '}expire\n`)
    return expires ? 1 : 0
  }
  if (!noout) out += derOut ? fromBytes(der.slice(c.cert.start, c.cert.end)) : pem('CERTIFICATE', der.slice(c.cert.start, c.cert.end))
  ctx.stdout(out)
  return 0
}

function base64(ctx: CommandContext, args: string[]): number {
  let decodeMode = false
  let oneLine = false
  let input: string | undefined
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '-d') decodeMode = true
    else if (args[i] === '-A') oneLine = true
    else if (args[i] === '-e') decodeMode = false
    else if (args[i] === '-in') input = args[++i]
    else {
      ctx.stderr(`base64: Unknown option or cipher: ${args[i].replace(/^-+/, '')}\nbase64: Use -help for summary.\n`)
      return 1
    }
  }
  const text = input === undefined ? ctx.stdin : ctx.fs.readFile(ctx.fs.resolve(input))
  if (text === undefined) {
    ctx.stderr(`base64: Can't open "${input}" for reading, No such file or directory\n`)
    return 1
  }
  if (!decodeMode) {
    const enc = b64encode(toBytes(text), oneLine ? 0 : 64)
    ctx.stdout(enc)
    return 0
  }
  // OpenSSL decodes what it can and stays silent about garbage (opensslBase64.ts).
  ctx.stdout(fromBytes(opensslDecode(toBytes(text), oneLine)))
  return 0
}

export const openssl: CommandSpec = {
  name: 'openssl',
  summary: 'Inspect the lab certificates (x509), decode base64 and hash files (dgst) (OpenSSL 3.0).',
  usage: 'openssl x509 [-in FILE] [-noout] [-text] [-subject] [-issuer] [-dates] [-serial] [-fingerprint [-sha256]] [-pubkey] [-modulus] [-ext NAMES] [-checkend SECS]\n  or:  openssl base64 [-d] [-A] [-in FILE]\n  or:  openssl dgst [-md5|-sha1|-sha256|-sha384|-sha512] [-r|-c|-hex|-binary] [FILE...]',
  subcommands: ['x509', 'base64', 'dgst'],
  async run(ctx) {
    const [sub, ...args] = ctx.argv.slice(1)
    if (sub === 'x509') return x509(ctx, args)
    if (sub === 'base64' || sub === 'enc') return base64(ctx, sub === 'enc' ? args.filter((a) => a !== '-base64') : args)
    if (sub === 'dgst') return dgst(ctx, args)
    if (sub === 'version') {
      ctx.stdout('OpenSSL 3.0.19 27 Jan 2026 (Library: OpenSSL 3.0.19 27 Jan 2026)\n')
      return 0
    }
    ctx.stderr(sub === undefined ? 'openssl: this lab has no interactive openssl prompt; try openssl x509 -in ca.pem -noout -subject\n' : `Invalid command '${sub}'; type "help" for a list.\n`)
    return 1
  },
}
