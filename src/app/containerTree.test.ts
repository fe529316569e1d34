// The container shell's overlay: what the shell did to its copy of the files, laid over the
// container's own tree for busybox ls.
import { describe, expect, it } from 'vitest'
import { dir, file, link, type FsDir } from '../cluster/kubelet/exec/vfs'
import { ls } from '../cluster/kubelet/exec/ls'
import { flatten } from './containerShell'
import { overlayTree, syncUnderneath, TrackedFs } from './containerTree'

const T0 = Date.UTC(2026, 4, 23, 10, 0, 0)
const MIN = 60_000

/** / with /tmp, /etc/hostname (0600), /var/run -> /run, and a volume at /run/sa in the AtomicWriter layout. */
function tree(): FsDir {
  const root = dir(T0)
  const tmp = dir(T0, 0o1777)
  const etc = dir(T0)
  etc.children.set('hostname', file('app\n', T0, 0o600))
  const run = dir(T0)
  const sa = dir(T0, 0o1777, true)
  const ts = dir(T0, 0o755, true)
  ts.children.set('token', file('abc', T0))
  sa.children.set('..2026_05_23_10_00_00.1', ts)
  sa.children.set('..data', link('..2026_05_23_10_00_00.1', T0))
  sa.children.set('token', link('..data/token', T0))
  run.children.set('sa', sa)
  const v = dir(T0)
  v.children.set('run', link('/run', T0))
  for (const [n, d] of [['tmp', tmp], ['etc', etc], ['run', run], ['var', v]] as const) root.children.set(n, d)
  return root
}

function session() {
  const root = tree()
  const flat = flatten(root, true)
  let now = T0 + 5 * MIN
  const fs = new TrackedFs(flat, '/', '/root', () => now)
  const list = (...args: string[]) => ls(overlayTree(root, flat, fs, now), args, now, { cwd: fs.cwd() })
  return { root, fs, list, tick: (m: number) => (now += m * MIN) }
}

describe('overlayTree', () => {
  it('without changes, ls shows the container tree itself: links, modes, times', () => {
    const s = session()
    expect(s.list('-la', '/var/run/sa').stdout).toBe([
      // tmpfs directories: 20 bytes an entry and 2 more, no blocks; `..` (/run) is on disk
      'total 4',
      'drwxrwxrwt    3 root     root           100 May 23 10:00 .',
      'drwxr-xr-x    3 root     root          4096 May 23 10:00 ..',
      'drwxr-xr-x    2 root     root            60 May 23 10:00 ..2026_05_23_10_00_00.1',
      'lrwxrwxrwx    1 root     root            23 May 23 10:00 ..data -> ..2026_05_23_10_00_00.1',
      'lrwxrwxrwx    1 root     root            12 May 23 10:00 token -> ..data/token', ''].join('\n'))
  })

  it('files created, written, touched and removed show as ls would see them, with the times of the changes', () => {
    const s = session()
    s.fs.writeFile('/tmp/note', 'hello\n')
    s.tick(2)
    s.fs.mkdir('/tmp/sub/deep')
    s.fs.writeFile('/tmp/gone', '')
    s.tick(3)
    expect(s.fs.remove('/tmp/gone')).toBe(true)
    // a file of the image, rewritten: its mode stays, its size and time change
    s.fs.writeFile('/etc/hostname', 'renamed\n')
    s.fs.chdir('/tmp')
    expect(s.list('-l').stdout).toBe([
      'total 8',
      '-rw-r--r--    1 root     root             6 May 23 10:05 note',
      'drwxr-xr-x    3 root     root          4096 May 23 10:07 sub', ''].join('\n'))
    expect(s.list('-ld', '.', '/etc/hostname', 'sub/deep').stdout).toBe([
      'drwxrwxrwt    3 root     root          4096 May 23 10:10 .',
      '-rw-------    1 root     root             8 May 23 10:10 /etc/hostname',
      'drwxr-xr-x    2 root     root          4096 May 23 10:07 sub/deep', ''].join('\n'))
    s.tick(1)
    s.fs.touch('note')
    expect(s.list('-l', 'note').stdout).toBe('-rw-r--r--    1 root     root             6 May 23 10:11 note\n')
  })

  it('removing a volume file through /var/run removes the link, and the timestamped data stays', () => {
    const s = session()
    expect(s.fs.remove('/var/run/sa/token')).toBe(true)
    expect(s.list('-A', '/var/run/sa').stdout).toBe('..2026_05_23_10_00_00.1\n..data\n')
    expect(s.list('/run/sa/..data/').stdout).toBe('token\n')
    expect(s.list('/tmp/nope').stderr).toBe('ls: /tmp/nope: No such file or directory\n')
  })

  it('the flattened copy holds the volume\'s dotted entries for a busybox image only', () => {
    expect(Object.keys(flatten(tree(), true))).toContain('/run/sa/..data/token')
    expect(Object.keys(flatten(tree()))).not.toContain('/run/sa/..data/token')
  })
})

describe('syncUnderneath: the container changes under the shell\'s copy', () => {
  it('brings in what the shell left as it was, keeps what the shell changed, and notes no time of its own', () => {
    let now = T0
    const flat = { '/a': '1', '/b': 'b', '/d/': '', '/d/x': 'x', '/k/': '', '/k/y': 'y', '/gone': 'g' }
    const fs = new TrackedFs(flat, '/', '/root', () => now)
    const copy = { ...flat }
    now += MIN
    fs.writeFile('/b', 'mine')
    fs.writeFile('/k/own', 'o')
    fs.remove('/gone')
    // the container: /a and /b change, /d and /k/y go, /n comes, /gone comes back
    const next = { '/a': '2', '/b': 'theirs', '/k/': '', '/n/': '', '/n/z': 'z', '/gone': 'again' }
    syncUnderneath(fs, copy, next)
    expect(copy).toEqual(next)
    expect(fs.snapshot()).toEqual({ '/k/': '', '/n/': '', '/a': '2', '/b': 'mine', '/k/own': 'o', '/n/z': 'z' })
    expect([...(fs.times?.keys() ?? [])].sort()).toEqual(['/', '/b', '/k', '/k/own'])
  })

  it('a directory the shell added to stays, without the container\'s files', () => {
    const flat = { '/d/': '', '/d/x': 'x' }
    const fs = new TrackedFs(flat, '/', '/root', () => T0)
    const copy = { ...flat }
    fs.writeFile('/d/mine', 'm')
    syncUnderneath(fs, copy, {})
    expect(fs.snapshot()).toEqual({ '/d/': '', '/d/mine': 'm' })
  })
})
