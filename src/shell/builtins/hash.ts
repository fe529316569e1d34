// Imitates: bash/builtins/hash.def; for a container's sh, hashcmd in busybox's shell/ash.c and
// dash's src/exec.c. `hash` lists the programs the shell remembers (hashTable.ts), adds, forgets
// or empties them.

import type { BuiltinCall } from './host'
import { isBuiltinOf } from './describe'
import type { HashTable } from '../hashTable'

const USAGE = 'hash: usage: hash [-lr] [-p pathname] [-dt] [name ...]\n'

export function hashBuiltin(c: BuiltinCall): number {
  return c.h.dialect === 'bash' ? bashHash(c) : posixHash(c)
}

/** A name that is no program (a builtin or function) is left alone; a path is never hashed. */
function addable(c: BuiltinCall, name: string): boolean {
  return !name.includes('/') && !c.h.functions.has(name) && !isBuiltinOf(c.h.dialect, name)
}

/** `hash NAME`: looked up on PATH anew and remembered with no hit; false (and said) when it is on none. */
function hashName(c: BuiltinCall, table: HashTable, name: string): boolean {
  table.delete(name)
  const path = c.h.pathsOf(name)[0]
  if (path === undefined) {
    c.err(`bash: hash: ${name}: not found\n`)
    return false
  }
  table.put(name, path)
  return true
}

function bashHash(c: BuiltinCall): number {
  if (!c.h.rt.options.has('hashall')) {
    c.err('bash: hash: hashing disabled\n')
    return 1
  }
  const table = c.h.rt.hash.under(c.env.get('PATH'))
  let [del, portable, expunge, targets] = [false, false, false, false]
  let pathname: string | undefined
  const args = c.argv.slice(1)
  while (args.length && args[0].startsWith('-') && args[0] !== '-') {
    const a = args.shift()!
    if (a === '--') break
    for (let i = 1; i < a.length; i++) {
      const f = a[i]
      if (f === 'd') del = true
      else if (f === 'l') portable = true
      else if (f === 'r') expunge = true
      else if (f === 't') targets = true
      else if (f === 'p') {
        pathname = a.slice(i + 1) || args.shift()
        if (pathname === undefined) {
          c.err(`bash: hash: -p: option requires an argument\n${USAGE}`)
          return 2
        }
        break
      } else {
        c.err(`bash: hash: -${f}: invalid option\n${USAGE}`)
        return 2
      }
    }
  }
  if (args.length === 0 && (del || targets)) {
    c.err(`bash: hash: ${del ? '-d' : '-t'}: option requires an argument\n`)
    return 1
  }
  if (args.length === 0 && !expunge) {
    const listed = table.listed()
    if (listed.length === 0) {
      if (!portable) c.out('hash: hash table empty\n')
    } else if (portable) for (const [name, e] of listed) c.out(`builtin hash -p ${e.path} ${name}\n`)
    else c.out('hits\tcommand\n' + listed.map(([, e]) => `${String(e.hits).padStart(4)}\t${e.path}\n`).join(''))
    return 0
  }
  if (expunge) table.clear()
  if (targets) {
    let status = 0
    for (const name of args) {
      const path = table.find(name)
      if (path === undefined) {
        c.err(`bash: hash: ${name}: not found\n`)
        status = 1
      } else if (portable) c.out(`builtin hash -p ${path} ${name}\n`)
      else c.out(args.length > 1 ? `${name}\t${path}\n` : `${path}\n`)
    }
    return status
  }
  let status = 0
  for (const name of args) {
    if (name.includes('/')) continue
    if (pathname !== undefined) {
      if (c.h.isDir(pathname)) {
        c.err(`bash: hash: ${pathname}: Is a directory\n`)
        status = 1
      } else table.put(name, pathname)
    } else if (del) {
      if (!table.delete(name)) {
        c.err(`bash: hash: ${name}: not found\n`)
        status = 1
      }
    } else if (addable(c, name) && !hashName(c, table, name)) status = 1
  }
  return status
}

/**
 * ash and dash: `hash` lists the remembered paths, one a line, by their own table's buckets;
 * `-r` empties it; names are looked up and remembered. (Their `-v` is not imitated.)
 */
function posixHash(c: BuiltinCall): number {
  const table = c.h.rt.hash.under(c.env.get('PATH'))
  const args = c.argv.slice(1)
  let expunge = false
  while (args[0]?.startsWith('-') && args[0] !== '-') {
    const a = args.shift()!
    if (a === '--') break
    for (const f of a.slice(1)) {
      if (f === 'r') expunge = true
      else {
        c.err(`bash: hash: ${c.h.dialect === 'dash' ? 'Illegal' : 'illegal'} option -${f}\n`)
        return 2
      }
    }
  }
  if (expunge) table.clear()
  if (args.length === 0) {
    if (!expunge) for (const [, e] of posixOrder(table.entered())) c.out(`${e.path}\n`)
    return 0
  }
  let status = 0
  for (const name of args) if (addable(c, name) && !hashName(c, table, name)) status = 1
  return status
}

/** dash's (and ash's) command table: 31 buckets by hashcmd (first byte * 16 plus every byte), each in the order entered. */
function posixOrder<T>(entered: [string, T][]): [string, T][] {
  const bucket = (name: string) => {
    const bytes = new TextEncoder().encode(name)
    let h = (bytes[0] ?? 0) << 4
    for (const b of bytes) h += b
    return (h & 0x7fff) % 31
  }
  // a stable sort keeps the order entered within a bucket
  return [...entered].sort(([a], [b]) => bucket(a) - bucket(b))
}
