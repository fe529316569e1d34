// busybox basename and dirname in the lab's pods against the real busybox on this machine
// (Debian's 1.35: basename.c and dirname.c are 1.36.1's, and its C library is glibc, as the busybox
// image's). Its getopt's words become musl's, which the lab's applets speak. An Alpine image's
// dirname is musl's: where that differs from glibc's (a path that begins with exactly two slashes),
// the expected values are musl's dirname.c worked by hand.
import { beforeAll, describe, expect, it } from 'vitest'
import type { Lab } from './lab'
import { labWithApp, shIn } from './testing'
import { q, requireTools, runBatch } from '../shell/testing/realTools'
import { libcDirname } from './busyboxNames'

const PATHS = ['/', '//', '///', '', 'a', 'a/', 'a//', 'a//b', '//a', '//a/b', '///a//', '/a/b/', '/a/b', 'a/b/c.txt', '.', '..', '../x', '-x']

const LINES = [
  ...PATHS.map((p) => `basename ${q(p)}`),
  ...PATHS.map((p) => `dirname ${q(p)}`),
  'basename a.txt .txt', 'basename .txt .txt', 'basename a/b.txt b.txt', 'basename a.txt ""', 'basename -a a/b c/d/', 'basename -s .c a.c b/c.c .c', 'basename -as .c x.c',
  'basename -sa x.a', 'basename -s', 'basename -a', 'basename', 'basename a b c', 'basename -x a', 'basename -- -x', 'basename -- -x x', 'basename a -a', 'basename --',
  'basename --help; echo "status $?"', 'basename - x',
  'dirname', 'dirname a b', 'dirname -- a', 'dirname -- -x', 'dirname --', 'dirname -x', 'dirname --help; echo "status $?"', 'dirname -- a b',
]

let lab: Lab

beforeAll(async () => {
  lab = await labWithApp('1', ['kubectl -n sa-demo run bb --image=busybox:1.36 --command -- sleep 100000', 'kubectl -n sa-demo wait --for=condition=Ready pod/bb'])
}, 60_000)

/** Debian's glibc getopt's complaints in musl's words. */
const musl = (stderr: string) =>
  stderr.replace(/^(\w+): invalid option -- '(.)'$/gm, '$1: unrecognized option: $2').replace(/^(\w+): option requires an argument -- '(.)'$/gm, '$1: option requires an argument: $2')

const exec = (pod: string, line: string) => shIn(lab, pod, line)

describe('busybox basename and dirname agree with busybox', () => {
  it('in the busybox image (glibc): stdout, stderr and status of each line', async () => {
    requireTools('/usr/bin/busybox')
    const real = await runBatch(LINES.map((l) => ({ argv: ['/usr/bin/busybox', 'sh', '-c', l.replace(/^(basename|dirname)/, '/usr/bin/busybox $1')] })))
    for (const [i, line] of LINES.entries()) {
      expect.soft({ line, ...(await exec('bb', line)) }).toEqual({ line, ...real[i], stderr: musl(real[i].stderr) })
    }
  }, 60_000)

  it("in an Alpine image, dirname is musl's: a leading // is one slash", async () => {
    const musls: [string, string][] = [['//', '/'], ['//a', '/'], ['//a/b', '//a'], ['///a//', '/'], ['a//b', 'a'], ['', '.'], ['/', '/'], ['a/', '.'], ['/a/b/', '/a']]
    for (const [path, want] of musls) {
      expect(libcDirname(path, 'musl'), path).toBe(want)
      expect((await exec('app', `dirname ${q(path)}`)).stdout, path).toBe(`${want}\n`)
    }
    // glibc keeps exactly two leading slashes
    expect((await exec('bb', 'dirname //a')).stdout).toBe('//\n')
  })
})
