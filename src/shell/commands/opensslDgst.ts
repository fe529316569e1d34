// openssl dgst (OpenSSL 3.0 apps/dgst.c): the digest of each file, or of standard input, as
// `NAME(FILE)= HEX`; -r as coreutils prints it (`HEX *FILE`), -c with colons, -binary the raw
// bytes. The digests WebCrypto (and md5.ts) have: -md5, -sha1, -sha256 (the default, which OpenSSL
// names SHA256 where -sha256 names SHA2-256), -sha384, -sha512. OpenSSL's error stack lines
// (a thread's address, then the library's file and line) are left out, as elsewhere in the lab.

import { bytesOf, hexOf } from '../../common/bytes'
import type { CommandContext } from '../types'
import { digestBytes } from './checksum'
import { fromBytes } from './util'

const DIGESTS: Record<string, { name: string; subtle?: string }> = {
  md5: { name: 'MD5' },
  sha1: { name: 'SHA1', subtle: 'SHA-1' },
  sha256: { name: 'SHA2-256', subtle: 'SHA-256' },
  sha384: { name: 'SHA2-384', subtle: 'SHA-384' },
  sha512: { name: 'SHA2-512', subtle: 'SHA-512' },
}
/** Digests OpenSSL has and the lab does not compute. */
const OTHER_DIGESTS = /^(sha224|sha512-224|sha512-256|sha3-(224|256|384|512)|shake(128|256)|blake2[bs](256|512)|sm3|md4|md5-sha1|ripemd(160)?|rmd160|whirlpool|mdc2)$/
/** Options of dgst that sign, verify, use keys or write elsewhere: not in the lab. */
const NOT_SIMULATED = new Set(['sign', 'verify', 'prverify', 'signature', 'keyform', 'passin', 'sigopt', 'hmac', 'mac', 'macopt', 'fips-fingerprint', 'out', 'engine', 'engine_impl', 'xoflen', 'rand', 'writerand', 'provider', 'provider-path', 'propquery'])
const DIGEST_LIST = '-md5, -sha1, -sha256, -sha384 and -sha512'

export async function dgst(ctx: CommandContext, args: string[]): Promise<number> {
  let digest: { name: string; subtle?: string } = { name: 'SHA256', subtle: 'SHA-256' }
  let format: 'hex' | 'coreutils' | 'colons' | 'binary' = 'hex'
  let i = 0
  for (; i < args.length; i++) {
    const a = args[i]
    if (a === '--') {
      i++
      break
    }
    if (!a.startsWith('-') || a === '-') break
    const opt = a.replace(/^--?/, '')
    if (opt in DIGESTS) digest = DIGESTS[opt]
    else if (opt === 'r') format = 'coreutils'
    else if (opt === 'c') format = 'colons'
    else if (opt === 'hex') format = format === 'binary' ? 'hex' : format
    else if (opt === 'binary') format = 'binary'
    else if (OTHER_DIGESTS.test(opt) || NOT_SIMULATED.has(opt)) {
      ctx.stderr(`dgst: -${opt} is not simulated in the lab; it has the digests ${DIGEST_LIST}, as hex (-r, -c) or -binary\n`)
      return 1
    } else {
      ctx.stderr(`dgst: Unknown option or message digest: ${opt}\ndgst: Use -help for summary.\n`)
      return 1
    }
  }
  const files = args.slice(i)
  let status = 0
  const show = async (label: string, data: Uint8Array) => {
    const d = await digestBytes(digest.subtle, data)
    const hex = hexOf(d)
    if (format === 'binary') ctx.stdout(fromBytes(d))
    else if (format === 'coreutils') ctx.stdout(`${hex} *${label}\n`)
    else ctx.stdout(`${digest.name}(${label})= ${format === 'colons' ? hex.replace(/..(?!$)/g, '$&:') : hex}\n`)
  }
  if (files.length === 0) await show('stdin', bytesOf(ctx.stdin))
  for (const name of files) {
    // (a file name only: `-` is a file of that name to OpenSSL)
    const path = ctx.fs.resolve(name)
    // (a directory opens, and its read fails)
    const text = ctx.fs.isDir(path) ? undefined : ctx.fs.readFile(path)
    if (text === undefined) {
      ctx.stderr(ctx.fs.isDir(path) ? `Read error in ${name}\n` : `${name}: No such file or directory\n`)
      status = 1
      continue
    }
    await show(name, bytesOf(text))
  }
  return status
}
