// The busybox applets of an Alpine container's shell against the real busybox on this machine:
// one batch of `busybox sh -c` lines, each in a fresh directory it fills itself, with only
// busybox's applets on PATH (as in an Alpine image), against `kubectl exec app -- sh -c` in the lab.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createLab, type Lab } from './lab'
import { q, requireTools, runBatch } from '../shell/testing/realTools'

/** The files every line starts from. */
const PRELUDE = `printf 'b\\na\\nc\\na\\n' > f; printf 'one two\\tthree\\n  four\\n' > t; printf 'x:1:10\\ny:2:20\\nz:3:30\\n' > csv; printf 'abc' > n; mkdir d; `

const LINES = [
  // wc
  'wc f', 'wc -l f', 'wc -l < f', 'wc -w t', 'wc -c n', 'wc f t', 'wc -lw f t', 'wc -L t', 'wc -m t', 'cat f | wc', 'wc nope', 'wc nope f', 'wc d', 'wc -z f',
  // head, tail
  'head -n 2 f', 'head -2 f', 'head -c 5 t', 'head f t', 'head -n -1 f', 'head nope', 'head -q f t', 'tail -n 2 f', 'tail -1 f', 'tail -c 4 t',
  'tail -n +2 f', 'tail f t', 'tail nope', 'head -z f',
  // cut, tr, sort, uniq
  'cut -d: -f2 csv', 'cut -d: -f1,3 csv', 'cut -c1-2 t', 'cut -f2 t', 'cut csv', 'cut -d: -f2 nope', 'tr a-z A-Z < f', 'tr -d a < f', 'tr -s " " < t',
  'tr', 'sort f', 'sort -r f', 'sort -u f', 'sort -t: -k2 -n -r csv', 'sort nope', 'sort f | uniq', 'sort f | uniq -c', 'sort f | uniq -d', 'uniq nope',
  // grep, sed, awk
  'grep a f', 'grep -c a f', 'grep -n a f', 'grep -v a f', 'grep -i A f', 'grep a f t', 'grep -o tw t', 'grep zzz f', 'grep a nope', 'grep -E "a|b" f',
  'grep -q a f; echo $?', 'grep -r one .', 'grep -l a f t', 'grep -A1 b f', 'grep', 'sed s/a/X/ f', 'sed -n 2p f', 'sed 2d f', "sed 's/a/X/g;s/b/Y/' f",
  'sed -e 1d -e 3d f', 'sed s/a/X/ nope', 'sed -i s/a/Z/ f; cat f', "awk -F: '{print $2}' csv", "awk '{s+=$2} END {print s}' FS=: csv",
  "awk 'NR==2' f", "awk '{print NF}' t", "awk -v x=5 'BEGIN{print x*2}'", 'awk 1 nope',
  // seq, xargs, printf, echo, test
  'seq 3', 'seq 2 4', 'seq 1 2 7', 'seq -s, 3', 'seq -w 8 10', 'seq', 'seq x', 'echo a b | xargs -n1', 'printf "f\\nt\\n" | xargs wc -l', 'echo | xargs echo hi',
  'printf "%s-%d\\n" a 5', 'printf "%5.2f|%x|%o\\n" 3.14159 255 8', 'printf "%d\\n" abc', 'printf', 'echo -n hi; echo -e "a\\tb"', 'test -f f; echo $?', '[ -d d ] && echo dir',
  'test 1 -eq 2; echo $?', '[ a = a ]; echo $?', 'test -z ""; echo $?',
  // date, od, xxd, base64, sums
  'date -u -d @0', 'date -u -d @1779578851 +%Y-%m-%dT%H:%M:%S', 'date -d nonsense', 'od -c n', 'od -An -tx1 n', 'xxd n', 'xxd -p n', 'base64 n', 'echo YWJj | base64 -d',
  'echo "!!" | base64 -d', 'base64 nope', 'md5sum n', 'sha1sum n', 'sha256sum n f', 'sha512sum n', 'md5sum nope', 'md5sum -c nope',
  // env, mkdir, rm, touch, cat, yes, id
  'env | grep -c HOME=', 'mkdir d', 'mkdir -p d/e/f && echo ok', 'mkdir x/y', 'rm d', 'rm -r d && echo gone', 'rm nope', 'rm -f nope; echo $?', 'rm',
  'touch g && cat g && echo made', 'touch x/y', 'touch', 'cat f n', 'cat nope f', 'cat d', 'cat -n f', 'yes | head -n 2', 'yes ab | head -n 1', 'whoami', 'id -u', 'id -un',
  'which sh', 'sleep x', 'sleep', 'mkdir', 'cut', 'head -x', 'sort -y', 'uniq -z',
]

let lab: Lab
let base = ''

beforeAll(async () => {
  lab = await createLab({ seed: '1' })
  await lab.run('kubectl create namespace sa-demo')
  await lab.run('kubectl -n sa-demo run app --image=registry.k8s.io/e2e-test-images/agnhost:2.45 --command -- sleep 100000')
  await lab.run('kubectl -n sa-demo wait --for=condition=Ready pod/app')
  base = mkdtempSync(join(tmpdir(), 'bbtools-'))
}, 60_000)
afterAll(() => rmSync(base, { recursive: true, force: true }))

describe('busybox applets in an Alpine container agree with busybox', () => {
  it('stdout, stderr and status of each line', async () => {
    requireTools('/usr/bin/busybox')
    const bin = join(base, 'bin')
    mkdirSync(bin)
    const applets = ['sh', 'wc', 'head', 'tail', 'cut', 'tr', 'sort', 'uniq', 'grep', 'sed', 'awk', 'seq', 'xargs', 'date', 'od', 'xxd', 'base64', 'md5sum', 'sha1sum',
      'sha256sum', 'sha512sum', 'printf', 'test', '[', 'env', 'mkdir', 'rm', 'touch', 'cat', 'echo', 'yes', 'whoami', 'id', 'hostname', 'which', 'sleep']
    for (const a of applets) symlinkSync('/usr/bin/busybox', join(bin, a))
    const calls = LINES.map((l, i) => {
      mkdirSync(join(base, `w${i}`))
      return { argv: ['/usr/bin/busybox', 'sh', '-c', PRELUDE + l], cwd: join(base, `w${i}`), env: { HOME: '/root', PATH: bin, TZ: 'UTC' } }
    })
    const real = await runBatch(calls)
    for (const [i, line] of LINES.entries()) {
      const r = await lab.run(`kubectl -n sa-demo exec app -- sh -c ${q(`mkdir /tmp/w${i} && cd /tmp/w${i} && ${PRELUDE}${line}`)}`)
      const m = /command terminated with exit code (\d+)\n$/.exec(r.stderr)
      const ours = { stdout: r.stdout, stderr: m ? r.stderr.slice(0, m.index) : r.stderr, exitCode: m ? Number(m[1]) : r.exitCode }
      expect.soft({ line, ...ours }).toEqual({ line, ...alpine(real[i]), stdout: real[i].stdout.replaceAll(bin, '/bin') })
    }
  }, 120_000)
})

/**
 * Where Debian's busybox (glibc) words a message otherwise than Alpine's (musl), Alpine's: getopt's
 * `unrecognized option: x` for `invalid option -- 'x'`.
 */
function alpine(o: { stdout: string; stderr: string; exitCode: number }) {
  return { ...o, stderr: o.stderr.replace(/^(\w+): invalid option -- '(.)'$/gm, '$1: unrecognized option: $2') }
}
