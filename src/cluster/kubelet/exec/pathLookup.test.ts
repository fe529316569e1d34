import { describe, expect, it } from 'vitest'
import { lookPath, pathLookup } from './busybox'
import { dir, file, link, type FsDir } from './vfs'

/** A tree with what PATH lookups meet: a merged /usr (Debian's /bin link), links to files, dangling links, a directory named like a program. */
function tree(): FsDir {
  const root = dir(0)
  const usr = dir(0)
  const ub = dir(0)
  root.children.set('usr', usr)
  usr.children.set('bin', ub)
  root.children.set('bin', link('usr/bin', 0))
  ub.children.set('dash', file('', 0, 0o755))
  ub.children.set('sh', link('dash', 0))
  ub.children.set('busybox', file('', 0, 0o755))
  ub.children.set('ls', link('/bin/busybox', 0))
  ub.children.set('gone', link('/nowhere', 0))
  ub.children.set('adir', dir(0))
  const sbin = dir(0)
  root.children.set('sbin', sbin)
  sbin.children.set('ls', file('', 0, 0o755))
  root.children.set('tool', file('', 0, 0o755))
  return root
}

describe('pathLookup (many names, one tree)', () => {
  it('answers as lookPath does for every name and PATH', () => {
    const root = tree()
    const names = ['sh', 'dash', 'ls', 'busybox', 'gone', 'adir', 'tool', 'nope', '.', '..', '', '/bin/sh', '/sbin/ls', 'usr/bin/dash', '/nope']
    for (const path of ['/usr/local/bin:/usr/bin:/sbin:/bin', '/sbin:/bin', '/missing:/tool:/bin', '', ':/sbin', '/bin/../sbin'] ) {
      const p = { root, env: [['PATH', path]] as [string, string][] }
      const lookup = pathLookup(p)
      for (const n of names) expect(lookup(n), `${path} ${n}`).toEqual(lookPath(p, n))
    }
    // (and finds what is there: not an answer of "not found" for everything)
    expect(pathLookup({ root, env: [['PATH', '/sbin:/bin']] })('ls').found).toBe(true)
    expect(pathLookup({ root, env: [['PATH', '/bin']] })('sh').found).toBe(true)
    expect(pathLookup({ root, env: [['PATH', '/sbin']] })('sh').found).toBe(false)
  })
})
