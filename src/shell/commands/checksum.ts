// md5sum, sha1sum, sha256sum, sha384sum, sha512sum (coreutils src/digest.c): the digest of each
// file's bytes (src/common/bytes.ts) as `HEX  NAME`, `HEX *NAME` with -b, `ALG (NAME) = HEX`
// with --tag; -c checks a list of such lines. SHA digests by WebCrypto, MD5 by md5.ts.

import { bytesOf, hexOf } from '../../common/bytes'
import type { CommandContext, CommandSpec, FlagSpec } from '../types'
import { md5 } from './md5'
import { getopt, has, helpText, inputs, readOperand, tableFromFlags, usageError } from './util'

const flags: FlagSpec[] = [
  { name: 'binary', short: 'b', takesValue: false, help: 'read in binary mode (shown as * before the name)' },
  { name: 'check', short: 'c', takesValue: false, help: 'read checksums from the FILEs and check them' },
  { name: 'tag', takesValue: false, help: 'create a BSD-style checksum' },
  { name: 'text', short: 't', takesValue: false, help: 'read in text mode (default)' },
  { name: 'quiet', takesValue: false, help: "don't print OK for each successfully verified file" },
  { name: 'status', takesValue: false, help: "don't output anything, status code shows success" },
  { name: 'help', takesValue: false, help: 'display this help and exit' },
]

type Algo = { cmd: string; tag: string; subtle?: string; hexLength: number }

/** The digest of `data`: SHA by WebCrypto (`subtle`: its algorithm name), else MD5. */
export async function digestBytes(subtle: string | undefined, data: Uint8Array): Promise<Uint8Array> {
  return subtle ? new Uint8Array(await globalThis.crypto.subtle.digest(subtle, data as Uint8Array<ArrayBuffer>)) : md5(data)
}

async function digest(a: Algo, data: Uint8Array): Promise<string> {
  return hexOf(await digestBytes(a.subtle, data))
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`
}

async function check(ctx: CommandContext, a: Algo, names: string[], quiet: boolean, silent: boolean): Promise<number> {
  let status = 0
  const line = new RegExp(`^(?:([0-9a-fA-F]{${a.hexLength}}) [ *](.+)|${a.tag} \\((.+)\\) ?= ?([0-9a-fA-F]{${a.hexLength}}))$`)
  for (const name of names) {
    const r = readOperand(ctx, name)
    if (!r.ok) {
      ctx.stderr(`${a.cmd}: ${r.message}\n`)
      status = 1
      continue
    }
    let properly = 0
    let bad = 0
    let mismatched = 0
    let unreadable = 0
    for (const text of r.text.split('\n').filter((l, i, all) => l !== '' || i < all.length - 1)) {
      const m = line.exec(text)
      if (!m) {
        bad++
        continue
      }
      properly++
      const [want, file] = m[1] !== undefined ? [m[1], m[2]] : [m[4], m[3]]
      const f = readOperand(ctx, file)
      if (!f.ok) {
        unreadable++
        if (!silent) ctx.stderr(`${a.cmd}: ${f.message}\n`)
        if (!silent) ctx.stdout(`${file}: FAILED open or read\n`)
        continue
      }
      const ok = (await digest(a, bytesOf(f.text))) === want.toLowerCase()
      if (!ok) mismatched++
      if (!silent && !(ok && quiet)) ctx.stdout(`${file}: ${ok ? 'OK' : 'FAILED'}\n`)
    }
    if (properly === 0) {
      ctx.stderr(`${a.cmd}: ${name === '-' ? "'standard input'" : name}: no properly formatted checksum lines found\n`)
      status = 1
      continue
    }
    if (!silent) {
      if (bad) ctx.stderr(`${a.cmd}: WARNING: ${plural(bad, 'line is', 'lines are')} improperly formatted\n`)
      if (unreadable) ctx.stderr(`${a.cmd}: WARNING: ${plural(unreadable, 'listed file', 'listed files')} could not be read\n`)
      if (mismatched) ctx.stderr(`${a.cmd}: WARNING: ${plural(mismatched, 'computed checksum', 'computed checksums')} did NOT match\n`)
    }
    if (mismatched || unreadable) status = 1
  }
  return status
}

function checksumCommand(a: Algo): CommandSpec {
  return {
    name: a.cmd,
    summary: `Print or check ${a.tag} checksums of the bytes of files.`,
    usage: `${a.cmd} [OPTION]... [FILE]...`,
    flags,
    async run(ctx) {
      const p = getopt(ctx.argv.slice(1), tableFromFlags(flags))
      if ('error' in p) return usageError(ctx, a.cmd, p.error)
      if (has(p, 'help')) {
        ctx.stdout(helpText(this.usage, `Print or check ${a.tag} checksums.\nWith no FILE, or when FILE is -, read standard input.`, flags))
        return 0
      }
      if (has(p, 'check')) return check(ctx, a, inputs(p.operands), has(p, 'quiet'), has(p, 'status'))
      let status = 0
      for (const name of inputs(p.operands)) {
        const r = readOperand(ctx, name)
        if (!r.ok) {
          ctx.stderr(`${a.cmd}: ${r.message}\n`)
          status = 1
          continue
        }
        const hex = await digest(a, bytesOf(r.text))
        ctx.stdout(has(p, 'tag') ? `${a.tag} (${name}) = ${hex}\n` : `${hex} ${has(p, 'binary') ? '*' : ' '}${name}\n`)
      }
      return status
    },
  }
}

export const md5sum = checksumCommand({ cmd: 'md5sum', tag: 'MD5', hexLength: 32 })
export const sha1sum = checksumCommand({ cmd: 'sha1sum', tag: 'SHA1', subtle: 'SHA-1', hexLength: 40 })
export const sha256sum = checksumCommand({ cmd: 'sha256sum', tag: 'SHA256', subtle: 'SHA-256', hexLength: 64 })
export const sha384sum = checksumCommand({ cmd: 'sha384sum', tag: 'SHA384', subtle: 'SHA-384', hexLength: 96 })
export const sha512sum = checksumCommand({ cmd: 'sha512sum', tag: 'SHA512', subtle: 'SHA-512', hexLength: 128 })
