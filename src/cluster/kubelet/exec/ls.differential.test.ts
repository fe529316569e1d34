// busybox ls in the lab against the real `busybox ls` on this machine, over the same tree built
// twice: on disk (modes, mtimes, symlinks) and as the container's file tree (vfs.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { lutimesSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync, chmodSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { dir, file, link, type FsDir } from './vfs'
import { ls } from './ls'
import { requireTools, runBatch } from '../../../shell/testing/realTools'

const NOW = Date.now()
const OLD = Date.UTC(2023, 5, 14, 9, 0, 0)
const HOUR = 3600_000
type Spec = { path: string; kind: 'dir' | 'file' | 'link'; text?: string; target?: string; mode?: number; mtime: number }

// a volume in the AtomicWriter layout, a binary directory with long and short names, nested dirs
const SPEC: Spec[] = [
  { path: 'sa', kind: 'dir', mode: 0o777, mtime: NOW - 2 * HOUR },
  { path: 'sa/..2026_01_02_03_04_05.123456789', kind: 'dir', mode: 0o755, mtime: NOW - 2 * HOUR },
  { path: 'sa/..2026_01_02_03_04_05.123456789/token', kind: 'file', text: 'x'.repeat(900), mode: 0o644, mtime: NOW - 2 * HOUR },
  { path: 'sa/..2026_01_02_03_04_05.123456789/ca.crt', kind: 'file', text: 'c'.repeat(1200), mode: 0o644, mtime: NOW - 2 * HOUR },
  { path: 'sa/..2026_01_02_03_04_05.123456789/namespace', kind: 'file', text: 'sa-demo', mode: 0o644, mtime: NOW - 2 * HOUR },
  { path: 'sa/..data', kind: 'link', target: '..2026_01_02_03_04_05.123456789', mtime: NOW - 2 * HOUR },
  { path: 'sa/token', kind: 'link', target: '..data/token', mtime: NOW - 2 * HOUR },
  { path: 'sa/ca.crt', kind: 'link', target: '..data/ca.crt', mtime: NOW - 2 * HOUR },
  { path: 'sa/namespace', kind: 'link', target: '..data/namespace', mtime: NOW - 2 * HOUR },
  { path: 'bin', kind: 'dir', mode: 0o755, mtime: OLD },
  ...['arch', 'ash', 'base64', 'bbconfig', 'busybox', 'cat', 'chgrp', 'chmod', 'chown', 'cp', 'date', 'dd', 'df', 'dmesg', 'dnsdomainname',
    'dumpkmap', 'echo', 'ed', 'egrep', 'false', 'fatattr', 'fdflush', 'fgrep', 'fsync', 'getopt', 'grep', 'gunzip', 'gzip', 'hostname', 'ionice']
    .map((n, i): Spec => (n === 'busybox' ? { path: `bin/${n}`, kind: 'file', text: 'b'.repeat(5000), mode: 0o755, mtime: OLD } : { path: `bin/${n}`, kind: 'link', target: i % 2 ? '../bin/busybox' : 'busybox', mtime: OLD })),
  { path: 'tmp', kind: 'dir', mode: 0o1777, mtime: NOW - HOUR },
  { path: 'tmp/note.txt', kind: 'file', text: 'hello\n', mode: 0o644, mtime: NOW - 3 * HOUR },
  { path: 'tmp/big', kind: 'file', text: 'z'.repeat(20000), mode: 0o600, mtime: NOW - 4 * HOUR },
  { path: 'tmp/run.sh', kind: 'file', text: '#!/bin/sh\n', mode: 0o755, mtime: NOW - 5 * HOUR },
  { path: 'tmp/.hidden', kind: 'file', text: '', mode: 0o644, mtime: NOW - HOUR },
  { path: 'tmp/sub', kind: 'dir', mode: 0o755, mtime: NOW - HOUR },
  { path: 'tmp/sub/deep', kind: 'dir', mode: 0o700, mtime: OLD },
  { path: 'tmp/sub/deep/x', kind: 'file', text: '1', mode: 0o644, mtime: OLD },
  { path: 'tmp/dangling', kind: 'link', target: 'nowhere', mtime: NOW - HOUR },
  { path: 'tmp/up', kind: 'link', target: '../bin', mtime: NOW - HOUR },
  { path: 'ver', kind: 'dir', mode: 0o755, mtime: OLD },
  ...['a1', 'a10', 'a2', 'a02', 'a002', 'a1.10', 'a1.9', 'b', 'a', 'v1.2.10', 'v1.2.9', 'x0', 'x00', 'x01'].map((n): Spec => ({ path: `ver/${n}`, kind: 'file', text: '', mode: 0o644, mtime: OLD })),
]

function vfsTree(): FsDir {
  const root = dir(OLD)
  for (const s of SPEC) {
    const parts = s.path.split('/')
    let d = root
    for (const p of parts.slice(0, -1)) d = d.children.get(p) as FsDir
    const name = parts[parts.length - 1]
    d.children.set(name, s.kind === 'dir' ? dir(s.mtime, s.mode) : s.kind === 'file' ? file(s.text ?? '', s.mtime, s.mode) : link(s.target ?? '', s.mtime))
  }
  return root
}

const CASES = [
  '', '-1', '-C', '-a', '-A', '-l', '-la tmp/sub', '-lA sa', '@bin', '@sa', '@-a sa', '@-F tmp', '@-s tmp', '@-1 bin', '@-x bin', '@-l sa', '-l sa/', '-la sa/..data/', 'sa', '-C sa', '-Ca sa', '-F sa', '-lF sa tmp', '-p tmp',
  '-C bin', '-Cx bin', '-C1 bin', '-lh tmp', '-sh tmp', '-s tmp', '-ls tmp', '-n -l tmp', '-g tmp', '-lt tmp', '-ltr tmp', '-lS tmp', '-lSr tmp',
  '-R tmp', '-lR tmp', '-aR tmp/sub', '-d tmp sa', '-ld tmp sa bin/cat', '-dF tmp sa bin/cat bin/busybox', 'tmp sa', 'tmp/note.txt tmp/sub nope',
  'nope', '-l nope tmp/note.txt', 'tmp/dangling', '-l tmp/dangling', '-L tmp', '-lL tmp/up', '-H tmp/up', '-lH tmp/up', '-Q tmp', '-lQ tmp',
  '-t tmp', '-X bin', '-v ver', '-vr ver', '--group-directories-first -A tmp', '-C -w 40 bin', '-w 30 -C tmp', '--full-time tmp/note.txt', 'tmp -l',
  '-- -l', '-z', '--nope', 'tmp/sub/..', '-a tmp/sub/deep/..',
]

describe('ls against busybox ls', () => {
  let base = ''
  beforeAll(() => {
    base = mkdtempSync(join(tmpdir(), 'bbls-'))
    for (const s of SPEC) {
      const p = join(base, s.path)
      if (s.kind === 'dir') mkdirSync(p)
      else if (s.kind === 'file') writeFileSync(p, s.text ?? '')
      else symlinkSync(s.target ?? '', p)
      if (s.kind !== 'link') chmodSync(p, s.mode ?? 0o644)
    }
    // times last (creating entries changes their directory's), deepest first
    for (const s of [...SPEC].reverse()) {
      const t = s.mtime / 1000
      if (s.kind === 'link') lutimesSync(join(base, s.path), t, t)
      else utimesSync(join(base, s.path), t, t)
    }
  })
  afterAll(() => rmSync(base, { recursive: true, force: true }))

  it('stdout, stderr and status of each listing', async () => {
    requireTools('/usr/bin/busybox')
    // `@`: at the lab's terminal (80 columns), against busybox's -C (it reads 80 columns without a terminal)
    const argvs = CASES.map((c) => c.replace(/^@/, '').split(' ').filter(Boolean))
    const tty = CASES.map((c) => c.startsWith('@'))
    const real = await runBatch(argvs.map((a, i) => ({ argv: ['/usr/bin/busybox', 'ls', ...(tty[i] ? ['-C'] : []), ...a], cwd: base, env: { PATH: '/usr/bin:/bin' } })))
    const root = vfsTree()
    for (const [i, a] of argvs.entries()) {
      const ours = ls(root, a, NOW, { cwd: '/', width: tty[i] ? 80 : undefined })
      // Alpine's musl words getopt's complaint `unrecognized option: z` where Debian's glibc says
      // `invalid option -- 'z'` (and `unrecognized option '--nope'`): the lab follows Alpine.
      const stderr = real[i].stderr.replace(/^ls: invalid option -- '(.)'$/m, 'ls: unrecognized option: $1').replace(/^ls: unrecognized option '--(.*)'$/m, 'ls: unrecognized option: $1')
      expect.soft({ args: CASES[i], ...ours }).toEqual({ args: CASES[i], ...real[i], stderr })
    }
  })
})

describe('what the lab does not simulate', () => {
  it('-i: the lab\'s files have no inode numbers, and ls says so rather than leave the column out', () => {
    expect(ls(vfsTree(), ['-i', 'tmp'], NOW)).toEqual({ stdout: '', stderr: 'ls: -i (inode numbers) is not simulated in the lab\n', exitCode: 1 })
  })
})
