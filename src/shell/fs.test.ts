import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MemoryFs } from './fs'

/** A path as the kernel walks it from `cwd`: `.` and empty segments dropped, `..` one up (never above /). */
function normal(path: string, cwd: string, home: string): string {
  const p = path === '~' || path.startsWith('~/') ? home + path.slice(1) : path
  const out: string[] = []
  for (const seg of (p.startsWith('/') ? p : `${cwd}/${p}`).split('/')) {
    if (seg === '..') out.pop()
    else if (seg !== '' && seg !== '.') out.push(seg)
  }
  return `/${out.join('/')}`
}

describe('MemoryFs.resolve', () => {
  it('normalizes every path as the kernel walks it (its shortcut for paths already normal included)', () => {
    const fs = new MemoryFs({ '/root/w/': '' }, '/root/w', '/root')
    const segment = fc.constantFrom('', '.', '..', '...', '.kube', 'a', 'b.c', '~', 'x..')
    fc.assert(fc.property(fc.boolean(), fc.array(segment, { maxLength: 6 }), (absolute, segs) => {
      const path = (absolute ? '/' : '') + segs.join('/')
      expect(fs.resolve(path)).toBe(normal(path, '/root/w', '/root'))
    }), { numRuns: 2000 })
    for (const p of ['/', '//', '/a/', '/a//b', '/a/./b', '/a/../b', '/.kube', '/a.', '/a..', '~', '~/x', 'x', '../..', '/var/run/secrets/kubernetes.io/serviceaccount/token']) {
      expect(fs.resolve(p), p).toBe(normal(p, '/root/w', '/root'))
    }
  })
})
