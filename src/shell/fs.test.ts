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

describe('MemoryFs.contentDigest', () => {
  // (not /tmp itself: a snapshot leaves out the folders every lab has, so it cannot say one is gone)
  const path = fc.constantFrom('/root/a', '/root/b', '/root/d/a', '/root/d/e/f', '/tmp/x')
  const op = fc.oneof(
    fc.record({ k: fc.constant('write' as const), path, text: fc.constantFrom('', 'x', 'y\n', 'x'), append: fc.boolean() }),
    fc.record({ k: fc.constant('mkdir' as const), path }),
    fc.record({ k: fc.constant('rm' as const), path }),
    fc.record({ k: fc.constant('chmod' as const), path, mode: fc.constantFrom(0o600, 0o644, 0o755, 0o700) }),
  )
  // (a path and its folders are never files, as the shell's commands keep them: MemoryFs's own calls assume it)
  const blocked = (fs: MemoryFs, p: string, self: boolean) => {
    for (let q = self ? p : p.slice(0, p.lastIndexOf('/')); q.length > 1; q = q.slice(0, q.lastIndexOf('/'))) if (fs.readFile(q) !== undefined) return true
    return false
  }
  const apply = (fs: MemoryFs, o: { k: string; path: string; text?: string; append?: boolean; mode?: number }) => {
    if ((o.k === 'write' || o.k === 'mkdir') && blocked(fs, o.path, o.k === 'mkdir')) return
    if (o.k === 'write') fs.writeFile(o.path, o.text!, o.append)
    else if (o.k === 'mkdir') fs.mkdir(o.path)
    else if (o.k === 'rm') fs.remove(o.path)
    else fs.chmod(o.path, o.mode!)
  }
  const state = (fs: MemoryFs) => JSON.stringify([fs.snapshot(), fs.modesSnapshot()])

  it('is the same exactly when the files, folders and modes are, however they came about', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 25 }), fc.array(op, { maxLength: 25 }), (xs, ys) => {
        const a = new MemoryFs()
        const b = new MemoryFs()
        a.contentDigest() // kept up to date from here on, b's made from scratch at the end
        xs.forEach((o) => apply(a, o))
        ys.forEach((o) => apply(b, o))
        // the same state rebuilt from a snapshot has the same digest
        const c = new MemoryFs(a.snapshot())
        c.restoreModes(a.modesSnapshot())
        expect(c.contentDigest()).toBe(a.contentDigest())
        expect(a.contentDigest() === b.contentDigest()).toBe(state(a) === state(b))
      }),
      { numRuns: 400 },
    )
  })

  it('a copy (new MemoryFs(fs)) and its source change apart: neither sees the other\'s changes; digests follow', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 15 }), fc.array(op, { maxLength: 15 }), fc.array(op, { maxLength: 15 }), fc.array(op, { maxLength: 15 }), (base, xs, ys, zs) => {
        const src = new MemoryFs()
        base.forEach((o) => apply(src, o))
        const before = state(src)
        const copy = new MemoryFs(src)
        expect(state(copy)).toBe(before)
        xs.forEach((o) => apply(copy, o))
        expect(state(src)).toBe(before)
        // a second copy of the source, and the source changed after both were made
        const other = new MemoryFs(src)
        const copied = state(copy)
        ys.forEach((o) => apply(src, o))
        zs.forEach((o) => apply(other, o))
        expect(state(copy)).toBe(copied)
        const rebuilt = (fs: MemoryFs) => {
          const r = new MemoryFs(fs.snapshot())
          r.restoreModes(fs.modesSnapshot())
          return r.contentDigest()
        }
        for (const fs of [src, copy, other]) expect(fs.contentDigest()).toBe(rebuilt(fs))
      }),
      { numRuns: 300 },
    )
  })
})
