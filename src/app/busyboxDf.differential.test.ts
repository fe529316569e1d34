// The lab's busybox df and mount listing, run over THIS machine's mounts (its /proc/mounts, and
// stat and statvfs through python3), against this machine's busybox over the same mounts. The
// numbers of a busy disk can change between two reads: each case is read around the real run
// until both reads agree. Fails, naming the tool, where busybox or python3 is missing.
import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { requireTools } from '../shell/testing/realTools'
import { df, mountList, parseMounts, type DfSystem, type Statvfs } from './busyboxDf'

const USAGE = '(usage)\n'

const CASES: string[][] = [
  [], ['-k'], ['-m'], ['-h'], ['-H'], ['-P'], ['-T'], ['-a'], ['-Th'], ['-PT'], ['-hP'], ['-t', 'tmpfs'], ['-ttmpfs', '-h'], ['-t', 'nope'],
  ['/'], ['/tmp'], ['/dev/shm'], ['-h', '/dev/shm', '/'], ['/proc'], ['-a', '/proc'], ['/nope'], ['/', '/nope', '/tmp'], ['/dev/null'],
  ['-B', '512'], ['-B', 'M'], ['-B', '4K'], ['-B1', '/'], ['-B', 'KB'], ['-B', '3MB', '/dev/shm'], ['-m', '-k'], ['-k', '-m'], ['-B', '2k', '-m'], ['-m', '-B', '2k'], ['-h', '-m'], ['-B', 'x'], ['-B', 'x', '-m'], ['-B', '0'], ['-B', '2KiB', '-P'], ['-BGB', '-T'],
  ['--', '/'], ['/proc/self'], ['/etc/hostname'],
]

/** One python process: each case's real df output, with this machine's /proc/mounts, stats and statvfs as they were. */
const PY = String.raw`
import json, os, subprocess, sys
cases = json.loads(sys.argv[1])
def snapshot(extra):
    text = open('/proc/mounts').read()
    paths = set(extra)
    for line in text.splitlines():
        f = line.split()
        if len(f) >= 2:
            paths.add(f[1].replace('\\040', ' ')); paths.add(f[0])
    dev, vfs = {}, {}
    for p in paths:
        try:
            st = os.stat(p)
            import stat as S
            dev[p] = str(st.st_rdev if (S.S_ISBLK(st.st_mode) or S.S_ISCHR(st.st_mode)) else st.st_dev)
        except OSError:
            pass
        try:
            v = os.statvfs(p)
            vfs[p] = [v.f_frsize or v.f_bsize, v.f_blocks, v.f_bfree, v.f_bavail]
        except OSError:
            pass
    return text, dev, vfs
out = []
for args in cases:
    extra = [a for a in args if a.startswith('/')]
    for attempt in range(20):
        before = snapshot(extra)
        r = subprocess.run(['busybox', 'df'] + args, capture_output=True, text=True)
        after = snapshot(extra)
        if before == after:
            break
    out.append({'mounts': before[0], 'dev': before[1], 'vfs': before[2], 'stdout': r.stdout, 'stderr': r.stderr, 'code': r.returncode})
mounts = subprocess.run(['busybox', 'mount'], capture_output=True, text=True).stdout
tmpfs = subprocess.run(['busybox', 'mount', '-t', 'tmpfs'], capture_output=True, text=True).stdout
print(json.dumps({'cases': out, 'mount': mounts, 'mountTmpfs': tmpfs, 'procMounts': open('/proc/mounts').read()}))
`

interface Real { mounts: string; dev: Record<string, string>; vfs: Record<string, [number, number, number, number]>; stdout: string; stderr: string; code: number }

function real(): { cases: Real[]; mount: string; mountTmpfs: string; procMounts: string } {
  requireTools('busybox', 'python3')
  return JSON.parse(execFileSync('python3', ['-c', PY, JSON.stringify(CASES)], { encoding: 'utf8', maxBuffer: 1 << 24 }))
}

const system = (r: Real): DfSystem => ({
  mountsText: () => r.mounts,
  deviceOf: (p) => r.dev[p],
  statvfs: (p): Statvfs | undefined => (r.vfs[p] ? { frsize: r.vfs[p][0], blocks: r.vfs[p][1], bfree: r.vfs[p][2], bavail: r.vfs[p][3] } : undefined),
})

describe("busybox df over this machine's mounts agrees with this machine's busybox", () => {
  const r = real()
  it('stdout, stderr and status of each case', () => {
    for (const [i, args] of CASES.entries()) {
      const ours = df(args, system(r.cases[i]), USAGE)
      expect.soft({ args, ...ours }).toEqual({ args, stdout: r.cases[i].stdout, stderr: r.cases[i].stderr, exitCode: r.cases[i].code })
    }
    // the machine has tmpfs mounts and a disk: the cases above printed both
    expect(r.cases[0].stdout).toMatch(/tmpfs/)
    expect(r.cases[3].stdout).toMatch(/\d\.\dG /)
  })

  it('mount lists /proc/mounts as busybox does, all or of one type', () => {
    expect(mountList(parseMounts(r.procMounts))).toBe(r.mount)
    expect(mountList(parseMounts(r.procMounts), 'tmpfs')).toBe(r.mountTmpfs)
    expect(r.mountTmpfs).not.toBe('')
  })
})
