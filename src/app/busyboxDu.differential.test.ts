// busybox du in an Alpine pod against the real busybox on this machine, over the same files on
// this machine's /tmp (a disk file system with 4 KiB blocks, as a container's writable layer is):
// a folder's entries made in order of their names; the lines list the output sorted where a folder
// holds more than one entry (the real du goes in the order the file system lists them, the lab by name).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Lab } from './lab'
import { labWithApp, realBusybox, shIn } from './testing'
import { humanReadable } from '../cluster/kubelet/exec/lsFormat'

/** Files of 0, 1, 4096, 4097 and 9000 bytes, and folders (small: a container keeps at most 512 KiB of what is written in it). */
const TREE = 'mkdir -p d/e d/empty; : > zero; printf x > one; head -c 4096 /dev/zero > d/page; head -c 4097 /dev/zero > d/e/more; head -c 9000 /dev/zero > big; '

const LINES = [
  'du | sort -k2', 'du -s', 'du -a | sort -k2', 'du -s d big one zero', 'du -h | sort -k2', 'du -sh big d', 'du -k -s d', 'du -m -s big', 'du -sb d big', 'du -c big one',
  'du -d 1 | sort -k2', 'du -d 0 d', 'du -s -d 1 d | sort -k2', 'du -d 1 -s d', 'du nope; echo "rc=$?"', 'du -x -s d', 'du -d x d; echo "rc=$?"', 'du -q; echo "rc=$?"',
  'du -ac d/e', 'du -hk -s big', 'du -kh -s big', 'du one/', 'du -s d/e/more d/e', 'du -bk big', 'du -kb big', 'du -bh big', 'du -bm big', 'du -sbh d',
]

let lab: Lab
let base = ''

beforeAll(async () => {
  lab = await labWithApp()
  base = mkdtempSync(join(tmpdir(), 'bbdu-'))
}, 60_000)
afterAll(() => rmSync(base, { recursive: true, force: true }))

describe('busybox du in an Alpine container agrees with busybox', () => {
  it('stdout, stderr and status of each line', async () => {
    const { outcomes: real } = await realBusybox(base, ['sh', 'du', 'mkdir', 'head', 'printf', 'sort', 'echo'], LINES.map((l) => TREE + l))
    for (const [i, line] of LINES.entries()) {
      const ours = await shIn(lab, 'app', `mkdir /tmp/w${i} && cd /tmp/w${i} && ${TREE}${line}`)
      expect.soft({ line, ...ours }).toEqual({ line, ...real[i], stderr: real[i].stderr.replace(/^du: invalid option -- '(.)'$/m, 'du: unrecognized option: $1') })
    }
  }, 60_000)

  it('-h as libbb makes it: one decimal, rounded, from K on', () => {
    expect([0, 1, 1023, 1024, 1536, 1587, 1048575, 10 * 1024 * 1024].map((v) => humanReadable(v, 1, 0))).toEqual(['0', '1', '1023', '1.0K', '1.5K', '1.5K', '1024.0K', '10.0M'])
  })
})
