// xxd (vim's xxd 2022-01-14) over the UTF-8 bytes of its input: the hex dump with -c, -g, -l, -s,
// -o, -d, -u, -b; plain hex (-p); C include style (-i, -n, -C); and -r -p, plain hex back to
// bytes (shown as text: the lab's pipes carry text). The usage text is xxd's own.

import type { CommandContext, CommandSpec } from '../types'
import { fromBytes, readOperand, toBytes } from './util'

const USAGE = "Usage:\n       xxd [options] [infile [outfile]]\n    or\n       xxd -r [-s [-]offset] [-c cols] [-ps] [infile [outfile]]\nOptions:\n    -a          toggle autoskip: A single '*' replaces nul-lines. Default off.\n    -b          binary digit dump (incompatible with -ps,-i,-r). Default hex.\n    -C          capitalize variable names in C include file style (-i).\n    -c cols     format <cols> octets per line. Default 16 (-i: 12, -ps: 30).\n    -E          show characters in EBCDIC. Default ASCII.\n    -e          little-endian dump (incompatible with -ps,-i,-r).\n    -g bytes    number of octets per group in normal output. Default 2 (-e: 4).\n    -h          print this summary.\n    -i          output in C include file style.\n    -l len      stop after <len> octets.\n    -n name     set the variable name used in C include output (-i).\n    -o off      add <off> to the displayed file position.\n    -ps         output in postscript plain hexdump style.\n    -r          reverse operation: convert (or patch) hexdump into binary.\n    -r -s off   revert with <off> added to file positions found in hexdump.\n    -d          show offset in decimal instead of hex.\n    -s [+][-]seek  start at <seek> bytes abs. (or +: rel.) infile offset.\n    -u          use upper case hex letters.\n    -v          show version: \"xxd 2022-01-14 by Juergen Weigert et al.\".\n"

/** C's strtol prefix as xxd reads numbers (0x hex, leading 0 octal), 0 when none. */
function num(s: string | undefined): number {
  const m = /^\s*([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)/.exec(s ?? '')
  if (!m) return 0
  const t = m[2]
  const v = /^0[xX]/.test(t) ? parseInt(t.slice(2), 16) : t.length > 1 && t[0] === '0' ? parseInt(t, 8) : Number(t)
  return m[1] === '-' ? -v : v
}

function dump(bytes: Uint8Array, o: { cols: number; group: number; bits: boolean; upper: boolean; decimal: boolean; offset: number }): string {
  const digits = o.bits ? 8 : 2
  const cell = (b: number) => (o.bits ? b.toString(2).padStart(8, '0') : o.upper ? b.toString(16).toUpperCase().padStart(2, '0') : b.toString(16).padStart(2, '0'))
  const group = o.group <= 0 ? o.cols : o.group
  const width = o.cols * digits + Math.ceil(o.cols / group) - 1
  let out = ''
  for (let at = 0; at < bytes.length; at += o.cols) {
    const row = bytes.subarray(at, at + o.cols)
    let hex = ''
    row.forEach((b, i) => {
      if (i > 0 && i % group === 0) hex += ' '
      hex += cell(b)
    })
    const addr = o.decimal ? String(at + o.offset).padStart(8, '0') : (at + o.offset).toString(16).padStart(8, '0')
    out += `${o.upper ? addr.toUpperCase() : addr}: ${hex.padEnd(width)}  ${Array.from(row, (b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('')}\n`
  }
  return out
}

function include(bytes: Uint8Array, cols: number, upper: boolean, name: string | undefined, capitalize: boolean): string {
  const hex = Array.from(bytes, (b) => `0${upper ? 'X' : 'x'}${upper ? b.toString(16).toUpperCase().padStart(2, '0') : b.toString(16).padStart(2, '0')}`)
  const rows: string[] = []
  for (let i = 0; i < hex.length; i += cols) rows.push('  ' + hex.slice(i, i + cols).join(', '))
  const body = rows.length ? rows.join(',\n') + '\n' : ''
  if (name === undefined) return body
  return `unsigned char ${name}[] = {\n${body}};\nunsigned int ${name}${capitalize ? '_LEN' : '_len'} = ${bytes.length};\n`
}

function usage(ctx: CommandContext, status: number): number {
  ctx.stderr(USAGE)
  return status
}

export const xxd: CommandSpec = {
  name: 'xxd',
  summary: 'Hex dump of bytes (xxd FILE, xxd -p, xxd -r -p).',
  usage: 'xxd [-c cols] [-g bytes] [-l len] [-s seek] [-u] [-b] [-p] [-i] [-r -p] [infile]',
  async run(ctx) {
    const args = ctx.argv.slice(1)
    let mode: 'dump' | 'plain' | 'include' = 'dump'
    let reverse = false
    let bits = false
    let upper = false
    let decimal = false
    let capitalize = false
    let cols: number | undefined
    let group: number | undefined
    let len = Infinity
    let seek = 0
    let offset = 0
    let varName: string | undefined
    const files: string[] = []
    for (let i = 0; i < args.length; i++) {
      const a = args[i]
      if (!a.startsWith('-') || a === '-' || files.length) {
        files.push(a)
        continue
      }
      if (a === '--') {
        files.push(...args.slice(i + 1))
        break
      }
      const flag = a.slice(1)
      const value = (letter: string) => (flag.length > letter.length && !/^[a-z]+$/.test(flag.slice(1)) ? flag.slice(1) : args[++i])
      if (/^p(s|lain|ostscript)?$/.test(flag)) mode = 'plain'
      else if (/^i(nclude)?$/.test(flag)) mode = 'include'
      else if (/^r(evert)?$/.test(flag)) reverse = true
      else if (/^b(its)?$/.test(flag)) bits = true
      else if (/^u(ppercase)?$/.test(flag)) upper = true
      else if (flag === 'd') decimal = true
      else if (flag === 'C') capitalize = true
      else if (flag === 'h') return usage(ctx, 1)
      else if (flag === 'v') {
        ctx.stderr('xxd 2022-01-14 by Juergen Weigert et al.\n')
        return 0
      } else if ('cglson'.includes(flag[0])) {
        const v = value(flag[0])
        if (v === undefined) return usage(ctx, 1)
        if (flag[0] === 'n') varName = v
        else {
          const n = num(v)
          if (flag[0] === 'c') cols = n
          else if (flag[0] === 'g') group = n
          else if (flag[0] === 'l') len = n
          else if (flag[0] === 's') seek = n
          else offset = n
        }
      } else return usage(ctx, 1)
    }
    const file = files[0] ?? '-'
    const r = readOperand(ctx, file)
    if (!r.ok) {
      ctx.stderr(`xxd: ${file}: No such file or directory\n`)
      return 2
    }
    if (reverse) {
      if (mode !== 'plain') {
        ctx.stderr('xxd: -r in this lab reads plain hex only: use xxd -r -p\n')
        return 1
      }
      const hex = r.text.replace(/[^0-9a-fA-F]/g, '')
      const out = new Uint8Array(hex.length >> 1)
      for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16)
      ctx.stdout(fromBytes(out))
      return 0
    }
    const all = toBytes(r.text)
    const start = seek < 0 ? Math.max(0, all.length + seek) : seek
    const bytes = all.subarray(start, start + Math.max(0, len))
    if (mode === 'plain') {
      const c = cols || 30
      const hex = Array.from(bytes, (b) => (upper ? b.toString(16).toUpperCase().padStart(2, '0') : b.toString(16).padStart(2, '0')))
      let out = ''
      for (let i = 0; i < hex.length; i += c) out += hex.slice(i, i + c).join('') + '\n'
      ctx.stdout(out)
    } else if (mode === 'include') {
      let name = varName ?? (file === '-' ? undefined : file.replace(/[^A-Za-z0-9]/g, '_').replace(/^([0-9])/, '__$1'))
      if (name && capitalize) name = name.toUpperCase()
      ctx.stdout(include(bytes, cols || 12, upper, name, capitalize))
    } else {
      const c = cols || (bits ? 6 : 16)
      ctx.stdout(dump(bytes, { cols: c, group: group ?? (bits ? 1 : 2), bits, upper, decimal, offset: offset + start }))
    }
    return 0
  },
}
