// busybox ls as `kubectl exec` runs it (no TTY: one name per line), with -a, -A, -l, -1, -d.
// Imitates: busybox coreutils/ls.c (display_single, showdirs, sort by strcmp).

import { blocksOf, nlinkOf, resolve, sizeOf, type FsDir, type FsNode } from './vfs'

export interface Output { stdout: string; stderr: string; exitCode: number }

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

function modeString(n: FsNode): string {
  if (n.kind === 'link') return 'lrwxrwxrwx'
  const m = n.mode
  const t = n.kind === 'dir' ? 'd' : n.kind === 'dev' ? 'c' : '-'
  const rwx = (v: number, special: boolean, ch: string) =>
    `${v & 4 ? 'r' : '-'}${v & 2 ? 'w' : '-'}${special ? (v & 1 ? ch : ch.toUpperCase()) : v & 1 ? 'x' : '-'}`
  return t + rwx((m >> 6) & 7, !!(m & 0o4000), 's') + rwx((m >> 3) & 7, !!(m & 0o2000), 's') + rwx(m & 7, !!(m & 0o1000), 't')
}

/** `mmm dd hh:mm` within six months, else `mmm dd  yyyy` (ctime fields, day padded with a space). */
function timeString(ms: number, now: number): string {
  const d = new Date(ms)
  const day = String(d.getUTCDate()).padStart(2, ' ')
  const age = (now - ms) / 1000
  if (age < (3600 * 24 * 365) / 2 && age > -15 * 60) {
    return `${MONTHS[d.getUTCMonth()]} ${day} ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`
  }
  return `${MONTHS[d.getUTCMonth()]} ${day}  ${d.getUTCFullYear()}`
}

function longLine(name: string, n: FsNode, now: number): string {
  const target = n.kind === 'link' ? ` -> ${n.target}` : ''
  // display_single: `%4u, %3u ` for a device's numbers where a size is `%9u `
  const size = n.kind === 'dev' ? `${String(n.major).padStart(4)}, ${String(n.minor).padStart(3)}` : String(sizeOf(n)).padStart(9)
  return `${modeString(n).padEnd(10)} ${String(nlinkOf(n)).padStart(4)} ${'root'.padEnd(8)} ${'root'.padEnd(8)} ${size} ${timeString(n.mtime, now)} ${name}${target}`
}

const strcmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

export function ls(root: FsDir, args: string[], now: number): Output {
  const flags = new Set<string>()
  const paths: string[] = []
  let endOfFlags = false
  for (const a of args) {
    if (!endOfFlags && a === '--') { endOfFlags = true; continue }
    if (!endOfFlags && a.startsWith('-') && a.length > 1) {
      for (const ch of a.slice(1)) {
        if (!'aAl1dF'.includes(ch)) {
          return { stdout: '', stderr: `ls: unrecognized option: ${ch}\n`, exitCode: 1 }
        }
        flags.add(ch)
      }
    } else paths.push(a)
  }
  const long = flags.has('l')
  const all = flags.has('a')
  const almost = flags.has('A')
  let out = ''
  let err = ''
  let code = 0
  const files: [string, FsNode][] = []
  const dirs: [string, FsDir][] = []
  for (const p of paths.length ? paths : ['.']) {
    const r = resolve(root, p, !long || p.endsWith('/'))
    if (typeof r === 'string') {
      err += `ls: ${p}: ${r === 'ENOTDIR' ? 'Not a directory' : r === 'ELOOP' ? 'Symbolic link loop' : 'No such file or directory'}\n`
      code = 1
      continue
    }
    let node = r.node
    if (long && node.kind === 'link' && !flags.has('d')) {
      const t = resolve(root, p, true)
      if (typeof t !== 'string' && t.node.kind === 'dir' && p.endsWith('/')) node = t.node
    }
    if (node.kind === 'dir' && !flags.has('d')) dirs.push([p, node])
    else files.push([p, node])
  }
  const line = (name: string, n: FsNode) => (long ? longLine(name, n, now) : name)
  files.sort((a, b) => strcmp(a[0], b[0]))
  for (const [name, n] of files) out += line(name, n) + '\n'
  dirs.sort((a, b) => strcmp(a[0], b[0]))
  const headers = paths.length > 1
  dirs.forEach(([name, d], i) => {
    if (headers) out += `${files.length || i > 0 ? '\n' : ''}${name}:\n`
    const entries: [string, FsNode][] = [...d.children.entries()].filter(([n]) => all || almost || !n.startsWith('.'))
    if (all) {
      const up = resolve(root, `${name}/..`)
      entries.push(['.', d], ['..', typeof up === 'string' ? d : up.node])
    }
    entries.sort((a, b) => strcmp(a[0], b[0]))
    if (long) out += `total ${entries.reduce((s, [, n]) => s + blocksOf(n), 0)}\n`
    for (const [n, node] of entries) out += line(n, node) + '\n'
  })
  return { stdout: out, stderr: err, exitCode: code }
}
