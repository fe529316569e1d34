// The busybox applets of an Alpine container's shell against the real busybox on this machine:
// one batch of `busybox sh -c` lines, each in a fresh directory it fills itself, with only
// busybox's applets on PATH (as in an Alpine image), against `kubectl exec app -- sh -c` in the lab.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Lab } from './lab'
import { labWithApp, realBusybox } from './testing'
import { q } from '../shell/testing/realTools'

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
  'printf "%s-%d\\n" a 5', 'printf "%5.2f|%x|%o\\n" 3.14159 255 8', 'printf "%d\\n" abc', 'printf "%d|%u|%d\\n" 99999999999999999999 -1 9007199254740993; echo $?', "awk 'BEGIN{s=\"hello\"; print substr(s,0,2) \"|\" substr(s,-1,3) \"|\" substr(s,1.5,2) \"|\" substr(s,1.6,1.6) \"|\" substr(s,0) \"|\" substr(s,2,-1) \"|\" substr(s, 2.5, 2.5) \"|\"}'", 'printf', 'echo -n hi; echo -e "a\\tb"', 'test -f f; echo $?', '[ -d d ] && echo dir',
  'test 1 -eq 2; echo $?', '[ a = a ]; echo $?', 'test -z ""; echo $?',
  // date, od, xxd, base64, sums
  'date -u -d @0', 'date -u -d @1779578851 +%Y-%m-%dT%H:%M:%S', 'date -d nonsense', 'od -c n', 'od -An -tx1 n', 'xxd n', 'xxd -p n', 'base64 n', 'echo YWJj | base64 -d',
  'echo "!!" | base64 -d', 'printf YWJjYWJ | base64 -d', 'printf "YWI=YWJj" | base64 -d', 'printf "YW=JjYWJj\\n" | base64 -d', 'base64 -d nope', 'base64 -d d', 'base64 nope', 'md5sum n', 'sha1sum n', 'sha256sum n f', 'sha512sum n', 'md5sum nope', 'md5sum -c nope',
  // env, mkdir, rm, touch, cat, yes, id
  'env | grep -c HOME=', 'env -i A=1 B=2 env', 'env - A=1 env', 'env -u HOME | grep -c HOME=', 'env A=1 wc -l f', 'env nope', 'env -x', 'mkdir d', 'mkdir -p d/e/f && echo ok', 'mkdir x/y', 'rm d', 'rm -r d && echo gone', 'rm nope', 'rm -f nope; echo $?', 'rm',
  'touch g && cat g && echo made', 'touch x/y', 'touch', 'cat f n', 'cat nope f', 'cat d', 'cat -n f', 'yes | head -n 2', 'yes ab | head -n 1', 'whoami', 'id -u', 'id -un',
  'which sh', 'sleep x', 'sleep', 'mkdir', 'cut', 'head -x', 'sort -y', 'uniq -z',
  // ls in the shell (times left out: the lab's clock is not this machine's)
  'ls', 'ls -a', 'ls -A', 'ls -F', 'ls -p', 'ls d nope', 'ls -1 | wc -l', 'ls -d d f', 'ls -s', 'ls -S', 'ls -r', 'ls -x', 'ls -C', 'ls -w 20 -C', 'ls -R', 'ls -y',
  'touch z && ls', 'rm f && ls', 'mkdir -p e/f && ls -R e',
  // more common uses
  'sort -n csv', 'sort -t: -k3n csv', 'uniq -u f', 'sort f | uniq -u', 'tr -c a-z _ < t', 'tr -dc a-z < t', 'cut -s -d: -f1 t', 'head -c 3 f',
  'tail -c +3 n', 'grep -w one t', 'grep -x b f', 'grep -e a -e b f', 'grep -F . f', 'grep -P a f; echo $?', 'grep -oP a f; echo $?', 'grep -e -P f; echo $?', 'grep -h a f t', 'grep -C1 c f', 'grep -B1 c f',
  "sed -E 's/(a|b)/<\\1>/' f", 'sed y/abc/xyz/ f', "sed '1!d' f", "sed -n '/a/=' f", "sed '$a end' f", "awk '{printf \"%s;\", $1} END {print \"\"}' f", "awk '{print length($0)}' t",
  "awk -F: '$2>1{print $1}' csv", "awk 'BEGIN{print substr(\"hello\",2,3), toupper(\"x\"), index(\"abc\",\"c\")}'", 'seq 3 -1 1', 'seq 0.5 1 2', 'seq -s " " 3',
  'printf "a b\n" | xargs -n1 echo x', 'printf "1\n2\n" | xargs -I{} echo "<{}>"', 'date -u -d @5 +%s', "date -u -d '2026-05-23 10:00:00' +%s", 'date -u -d @86400 -R', 'date -u -d @86400 -I',
  'od -x n', 'od -b n', 'xxd -l 2 n', 'md5sum n > s && md5sum -c s', 'printf "%c|%5s|%-5s|\n" xyz ab cd', "printf '%03d %+d %e\\n' 7 5 1234.5", 'printf "%s\n"', 'test abc \\> abd; echo $?',
  'tail d', 'md5sum d', 'cat f d n', 'tail -n 1 nope f', 'tail -n 1 f nope', 'tail -n 1 f t nope', 'head -n 1 f nope t', 'od nope f',
  'head -n 1 nope f', 'grep a nope f', 'sort f nope', 'cut -c1 nope f', 'xxd nope', 'od nope', 'date -d @x', 'date +%Q', 'seq 1 0', 'xargs -n', 'mkdir d d2', 'rm -r nope d',
  // a number option busybox cannot read
  'head -n x f', 'head -c x f', 'head -n -x f', 'tail -n x f', 'tail -c x f', 'uniq -f x f', 'uniq -s x f', 'cut -f x f', 'nl -w x f', 'grep -A x a f', 'grep -C x a f',
  'xargs -n x echo < f', 'od -N x f', 'sort -k f', 'sort -k 0 f', 'sort -k 1.x f', 'sed k f',
  // what busybox refuses, or takes, otherwise than GNU's
  "date -d '' +%s", "date --date= +%s", "paste -d '' f f", 'xxd -c x f', 'xxd -cx f', 'cut -d :x -f2 csv', 'cut -d:x -f1 csv',
  'mkdir -m 700 x; mkdir -m g+w y; mkdir -m +t z; mkdir -m u=rx,go= v; ls -ld x y z v | cut -c1-10; mkdir -m bad w; echo $?',
  'echo a b | xargs -P 1 -n1 echo; echo a b | xargs -t -n1 echo 2>&1; echo a | xargs -P x echo; echo a | xargs -P',
  '{ touch g; echo y | rm -i g; echo " $?"; touch h; rm -i h; echo " $?"; mkdir -p k/l; printf "y\\ny\\ny\\n" | rm -ri k; echo; ls; } 2>&1',
  "awk '{' < f; echo $?", "awk '}' < f", "awk 'BEGIN{print' < f", "awk 'x=' < f", `awk '{print "a}' < f`, "awk 'BEGIN { x = 1\nif }' < f", "awk 'BEGIN {\nx = 1' < f",
  `awk 'BEGIN {\nprint "a\nb" }' < f`, "awk '/ab' < f", `awk 'BEGIN { x = "a" }\n/ab' < f`,
  '[ -n "" ]; echo $?', 'printf "[%d]" "" 1.5 0x1g 12; echo " $?"; printf "[%f]" "" 1.5x 2; echo " $?"', '[ 3 -lt 10 ] && echo lt', 'x=aB; echo ${x/a/b} ${x:0:1}; echo ${x^^}; echo after', 'x=aB; echo ${x@Q}; echo after', 'test -e nope || echo none', 'cat -A f', 'cat -e f', 'head -n 1 f t', 'tail -n 1 f t',
]

let lab: Lab
let base = ''

beforeAll(async () => {
  lab = await labWithApp()
  base = mkdtempSync(join(tmpdir(), 'bbtools-'))
}, 60_000)
afterAll(() => rmSync(base, { recursive: true, force: true }))

describe('busybox applets in an Alpine container agree with busybox', () => {
  it('stdout, stderr and status of each line', async () => {
    const applets = ['sh', 'ls', 'wc', 'head', 'tail', 'cut', 'tr', 'sort', 'uniq', 'grep', 'sed', 'awk', 'seq', 'xargs', 'date', 'od', 'xxd', 'base64', 'md5sum', 'sha1sum',
      'sha256sum', 'sha512sum', 'printf', 'test', '[', 'env', 'mkdir', 'rm', 'touch', 'cat', 'echo', 'yes', 'whoami', 'id', 'hostname', 'which', 'sleep', 'nl', 'paste']
    const { outcomes: real, bin } = await realBusybox(base, applets, LINES.map((l) => PRELUDE + l))
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
 * `unrecognized option: x` for `invalid option -- 'x'`, `option requires an argument: n` for
 * `option requires an argument -- 'n'`.
 */
function alpine(o: { stdout: string; stderr: string; exitCode: number }) {
  return { ...o, stderr: o.stderr.replace(/^(\w+): invalid option -- '(.)'$/gm, '$1: unrecognized option: $2').replace(/^(\w+): option requires an argument -- '(.)'$/gm, '$1: option requires an argument: $2') }
}

describe('a Debian image keeps the GNU tools', () => {
  it('wc, ls and an unknown option answer as coreutils do', async () => {
    await lab.run('kubectl -n sa-demo run deb --image=debian:12 --command -- sleep 100000')
    await lab.run('kubectl -n sa-demo wait --for=condition=Ready pod/deb')
    const r = await lab.run(`kubectl -n sa-demo exec deb -- sh -c 'cd /tmp && printf "a b\\n" > f && wc f && wc -l < f && ls && wc -z f'`)
    // coreutils: widths from the file's size, `invalid option -- 'z'` and its Try line
    expect(r.stdout).toBe('1 2 4 f\n1\nf\n')
    expect(r.stderr).toBe("wc: invalid option -- 'z'\nTry 'wc --help' for more information.\ncommand terminated with exit code 1\n")
  })
})
