// busybox find in an Alpine pod against the real busybox on this machine (Debian's 1.35, whose
// find.c is 1.36.1's but for -delete, left out of Debian's build). The lab walks a folder's
// entries by name; the real find, in the order the file system lists them: the tree is built on
// a tmpfs, which here lists a folder's entries newest first, so each folder's entries are made in
// reverse order of their names (a check below makes sure the real find saw them sorted).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Lab } from './lab'
import { labWithApp, realBusybox, shIn } from './testing'
import { requireTools, runBatch } from '../shell/testing/realTools'

/** The tree, each folder's entries in reverse order of their names (newest first is sorted). */
const TREE = "printf 'zz\\n' > z.txt; mkdir sub; printf 'int\\n' > sub/f.c; mkdir sub/deep; : > sub/F.H; : > empty; printf 'a\\n' > a.c; "

const LINES = [
  'find', 'find .', 'find . -print', "find . -name '*.c'", "find . -iname '*.h'", "find . -name 'F*'", "find . -path './sub/*'", "find . -ipath './SUB/*'",
  'find . -type f', 'find . -type d', 'find . -type x', 'find . -type ff', 'find . -type', 'find . -name', 'find -maxdepth 1', 'find . -mindepth 2',
  'find . -maxdepth 0', 'find . -mindepth 1 -maxdepth 1', 'find . -empty', 'find . -type f -empty', "find . ! -name '*.c'", 'find . -not -type d', 'find . ! ! -type d',
  'find . -name a.c -o -name z.txt', "find . '(' -name a.c -o -name z.txt ')' -print", 'find . -name a.c -print -o -print', 'find . -type d -prune -o -print',
  'find . -name sub -prune', 'find . -name sub -prune -o -type f -print', 'find . -print0 | od -c', 'find . -type f -exec echo {} \\;', 'find . -type f -exec echo x{}y +',
  'find . -type f -exec echo {} {} +', 'find . -name a.c -exec nope {} \\;', 'find . -type f -exec false \\; -o -print', 'find . -exec', 'find . -exec \\;',
  'find . -type f -exec false {} +; echo "status $?"', 'find -L .', 'find . -follow', 'find -L . -name f.c', 'find -H sub', 'find nope .', 'find . nope; echo "status $?"', 'find sub a.c', 'find . -bogus', "find . '(' -name a.c", 'find . -maxdepth x', 'find . -maxdepth -1', 'find . -size +0 -type f',
  'find . -size -1 -type f', 'find . -size 3c', 'find . -size -1k -type f', 'find . -size x', 'find . -size 2q', 'find . -quit', 'find . -name sub -quit -o -print', 'find . -depth',
  'find . -depth -name sub', 'find . -a', 'find . !', 'find . -o', 'find . -name a.c -o', 'find . -name a.c -a', 'find -- .', 'find a.c/', 'find a.c/x', 'find . -mtime x',
  'find sub -name F.H', 'find . -name "[ab]*"', "find . -name '*' -type f", 'find .. -maxdepth 0 -name ..',
]

let lab: Lab
let base = ''

beforeAll(async () => {
  lab = await labWithApp()
  base = mkdtempSync('/dev/shm/bbfind-')
}, 60_000)
afterAll(() => rmSync(base, { recursive: true, force: true }))

describe('busybox find in an Alpine container agrees with busybox', () => {
  it('stdout, stderr and status of each line', async () => {
    const { outcomes: real } = await realBusybox(base, ['sh', 'find', 'echo', 'false', 'od', 'printf', 'mkdir'], LINES.map((l) => TREE + l))
    // the real find listed each folder by name, as the lab does
    expect(real[1].stdout).toBe('.\n./a.c\n./empty\n./sub\n./sub/F.H\n./sub/deep\n./sub/f.c\n./z.txt\n')
    for (const [i, line] of LINES.entries()) {
      const ours = await shIn(lab, 'app', `mkdir /tmp/w${i} && cd /tmp/w${i} && ${TREE}${line}`)
      expect.soft({ line, ...ours }).toEqual({ line, ...real[i], stderr: musl(real[i].stderr) })
    }
  }, 120_000)
})

/** Lines run in the token's folder: the kubelet's AtomicWriter layout, links and all. */
const SA_LINES = [
  'find', 'find .', 'find . -type l', 'find . -type f', 'find . -type d', 'find -L . -type f', 'find -L . -type l', 'find -L . -name token', 'find . -name token',
  'find token', 'find token/', 'find -H token', 'find -L token', 'find ..data', 'find ..data/', 'find -H ..data', 'find -L ..data', 'find . -maxdepth 1 -type l',
  "find . -path './..*'", "find . -name '..*' -type d", 'find . -mindepth 2', 'find -L . -mindepth 2 -type f', 'find . -empty', 'find . -type l -exec echo link {} \\;',
]

describe("busybox find in the token's folder agrees with busybox on the same layout", () => {
  it('stdout, stderr and status of each line', async () => {
    requireTools('/usr/bin/busybox')
    const SA = '/var/run/secrets/kubernetes.io/serviceaccount'
    const stamp = (await lab.run(`kubectl -n sa-demo exec app -- ls -a ${SA}`)).stdout.split('\n').find((n) => /^\.\.\d{4}_/.test(n))
    expect(stamp).toBeDefined()
    // the same layout on a tmpfs, each folder's entries made in reverse order of their names
    const dir = join(base, 'sa')
    mkdirSync(dir)
    for (const n of ['token', 'namespace', 'ca.crt']) symlinkSync(`..data/${n}`, join(dir, n))
    symlinkSync(stamp!, join(dir, '..data'))
    mkdirSync(join(dir, stamp!))
    for (const n of ['token', 'namespace', 'ca.crt']) writeFileSync(join(dir, stamp!, n), `${n}\n`)
    const bin = join(base, 'sabin')
    mkdirSync(bin)
    for (const a of ['find', 'echo']) symlinkSync('/usr/bin/busybox', join(bin, a))
    const real = await runBatch(SA_LINES.map((l) => ({ argv: ['/usr/bin/busybox', 'sh', '-c', l], cwd: dir, env: { PATH: bin, TZ: 'UTC' } })))
    expect(real[0].stdout.split('\n').slice(1, 3)).toEqual([`./${stamp}`, `./${stamp}/ca.crt`])
    for (const [i, line] of SA_LINES.entries()) {
      expect.soft({ line, ...(await shIn(lab, 'app', `cd ${SA} && ${line}`)) }).toEqual({ line, ...real[i] })
    }
  }, 60_000)
})

/** The usage text as the lab has it: 1.36.1's, which lists -delete (Debian's 1.35 is built without it). */
const musl = (stderr: string) => stderr.replace('\t-exec CMD ARG + Run CMD with {} replaced by list of file names\n', '$&\t-delete\t\tDelete current file/directory. Turns on -depth option\n')
