// busybox cp and mv in an Alpine pod against the real busybox on this machine (Debian's 1.35; cp.c,
// mv.c and copy_file.c are 1.36.1's but for the usage text's -t line): each line in a folder of
// its own on a tmpfs, each folder's entries made in reverse order of their names (this tmpfs lists
// them newest first, so the real cp -v goes through them by name, as the lab does), then the tree.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import type { Lab } from './lab'
import { labWithApp, realBusybox, shIn } from './testing'

const TREE = 'mkdir e; echo k > e/keep; mkdir d; echo x > d/x; mkdir d/sub; echo y > d/sub/y; echo beta > b; echo alpha > a; '
const SHOW = '; echo "rc=$?"; find . | sort; cat a b 2>/dev/null'

const LINES = [
  'cp', 'cp a', 'cp nope x', 'cp d x', 'cp a b c', 'cp a b e', 'cp a a', 'cp a nodir/x', 'cp -v a z', 'cp -rv e z', 'cp -v a d', 'cp a d/', 'cp -r d e', 'cp -R d new',
  'cp -a d new2', 'cp -n a b', 'cp a b', 'cp -r a b d', 'cp -x a q', 'cp d/sub/y .', 'cp -r d a', 'cp b d/sub', 'cp a nodir/', 'cp a b/', 'cp -r d d/sub', 'cp -rv d e/',
  'cp -i a b', 'echo y | cp -i a b', 'echo n | cp -in a b', 'cp -T a e', 'cp -t e a b', 'cp -t nodir a', 'cp -t', 'cp -vt e a', 'cp --verbose a q', 'cp --bogus a q',
  'cp a e/keep/', 'cp -f a b', 'cp -r e/ f', 'cp -- a -q', 'cp -r d nodir/x',
  'mv', 'mv a', 'mv nope x', 'mv a a', 'mv d d/sub', 'mv -v a z', 'mv a b', 'mv -n a b', 'mv a d', 'mv d e', 'mv d z', 'mv a b e', 'mv a b c', 'mkdir f; mv f a',
  'mv a e', 'mv d nodir/x', 'mv -q a b', 'mv a nodir/', 'mv d e/keep', 'mkdir -p g/d; echo 1 > g/d/z; mv d g', 'mkdir -p h/d; mv d h', 'mv -v nope x', 'mv -T a e',
  'mv -t e a b', 'mv -vt e a', 'echo y | mv -i a b', 'echo n | mv -i a b', 'mv -if a b', 'mv -fi a b', 'mv --verbose a q', 'mv -- a -q', 'mv e/keep .',
]

let lab: Lab
let base = ''

beforeAll(async () => {
  lab = await labWithApp()
  base = mkdtempSync('/dev/shm/bbcpmv-')
}, 60_000)
afterAll(() => rmSync(base, { recursive: true, force: true }))

describe('busybox cp and mv in an Alpine container agree with busybox', () => {
  it('stdout, stderr, status and the tree after each line', async () => {
    const { outcomes: real } = await realBusybox(base, ['sh', 'cp', 'mv', 'mkdir', 'echo', 'find', 'sort', 'cat'], LINES.map((l) => TREE + l + SHOW))
    for (const [i, line] of LINES.entries()) {
      const ours = await shIn(lab, 'app', `mkdir /tmp/w${i} && cd /tmp/w${i} && ${TREE}${line}${SHOW}`)
      expect.soft({ line, ...ours }).toEqual({ line, ...real[i], stderr: musl(real[i].stderr) })
    }
  }, 120_000)
})

/**
 * Debian's glibc getopt's complaints in musl's words, and Debian's verbose cp message for a path
 * through a file in the words of Alpine's and the busybox image's builds (FEATURE_VERBOSE_CP_MESSAGE off).
 */
const musl = (stderr: string) =>
  stderr
    .replace(/: Path has non-directory component$/gm, ': Not a directory')
    .replace(/^(\w+): invalid option -- '(.)'$/gm, '$1: unrecognized option: $2')
    .replace(/^(\w+): option requires an argument -- '(.)'$/gm, '$1: option requires an argument: $2')
    .replace(/^(\w+): unrecognized option '--(.+)'$/gm, '$1: unrecognized option: $2')
