// realpath, readlink, rmdir, mktemp and tty against coreutils 9.1, all cases in one bash process.
// The real cases run in a scratch folder and the lab's in /root: absolute names are shown with the
// working folder written as P (sed), mktemp's random letters as R. Standard input is no terminal
// in either (tty says so).

import { describe, expect, it } from 'vitest'
import { agreesWithRealTools } from './diffSupport'
import { newShell } from '../testSupport'

const FILES: Record<string, string> = {
  'f.txt': 'x\n',
  'd/e/g.txt': 'y\n',
  'a b/c': 'z\n',
}

const P = '| sed "s|$PWD|P|g"'

const CASES: string[] = [
  // realpath
  `realpath f.txt ${P}`, `realpath d d/e d/e/g.txt ${P}`, `realpath . ${P}`, `realpath ./d/../f.txt ${P}`, `realpath nofile ${P}`, `realpath nofile/ ${P}`,
  'realpath no/file', 'realpath f.txt/x', 'realpath f.txt/', 'realpath f.txt/.', 'realpath f.txt/..', 'realpath -e nofile', 'realpath -e d/nofile',
  'realpath -e f.txt/', `realpath -e d/e/../e ${P}`, `realpath -m no/x/../y ${P}`, `realpath -m f.txt/x f.txt/.. ${P}`, `realpath -e -m no/x ${P}`, 'realpath -m -e no/x',
  'realpath', 'realpath ""', 'realpath -e ""', 'realpath -m ""', 'realpath "a b/x/y"', `realpath "a b/c" ${P}`, "realpath \"it's/x\"", 'realpath "x:y/z"',
  'realpath -q no/file; echo "rc=$?"', `realpath -q f.txt no/x f.txt ${P}; echo "rc=$?"`, `realpath f.txt no/x d ${P}; echo "rc=$?"`,
  `realpath -s f.txt ${P}`, `realpath --strip d/e/.. ${P}`, `realpath --no-symlinks -L -P f.txt ${P}`, `realpath -z f.txt d ${P} | od -c | sed 's/  */ /g'`,
  'realpath --relative-to=d f.txt', 'realpath --relative-to=d/e f.txt d d/e d/e/g.txt', 'realpath --relative-to=. . d', 'realpath --relative-to=nod f.txt',
  'realpath --relative-to=/ /', 'realpath -m --relative-to=/x/y /x/z /', `realpath --relative-base=d f.txt d/e ${P}`, 'realpath --relative-base=. d/e /',
  'realpath --relative-to=d --relative-base=. f.txt /', `realpath --relative-to=d/e --relative-base=d f.txt d/e/g.txt d ${P}`, `realpath --relative-to=d --relative-base=d/e f.txt d/e ${P}`,
  'realpath -e --relative-to=nod f.txt', 'realpath -e --relative-to=f.txt d', 'realpath -e --relative-base=f.txt d', 'realpath --relative-to=f.txt/x d', 'realpath --relative-base=no/x d',
  'realpath -m / // ///x //x/ /x/./y/..', 'realpath -x', 'realpath --foo', 'realpath --relative-to', 'realpath --rel d f.txt', `realpath -- -m ${P}`,
  // readlink
  'readlink f.txt; echo "rc=$?"', 'readlink d nofile "" f.txt/x; echo "rc=$?"', 'readlink -v f.txt', 'readlink -v d', 'readlink -v nofile', 'readlink -v f.txt/x', 'readlink -v f.txt/',
  'readlink -v ""', 'readlink -v "a b/c"', 'readlink -vq f.txt', 'readlink -v -s f.txt', 'readlink -q -v f.txt', 'readlink',
  `readlink -f f.txt d nofile ${P}`, 'readlink -f no/x; echo "rc=$?"', 'readlink -fv no/x', 'readlink -fv f.txt/', `readlink -f d/e/.. ${P}`, 'readlink -f ""; echo "rc=$?"',
  `readlink -e d/e/g.txt ${P}`, 'readlink -e nofile; echo "rc=$?"', 'readlink -ev nofile', 'readlink -ev f.txt/..', `readlink -m no/x/.. f.txt/x ${P}`, 'readlink -mv ""',
  `readlink -fn f.txt ${P}`, `readlink -fn f.txt d ${P}`, 'readlink -n f.txt d', `readlink -fz f.txt d ${P} | od -c | sed 's/  */ /g'`, `readlink -f -e -m no/x ${P}`, 'readlink -x', 'readlink --foo', 'readlink --can f.txt',
  // rmdir
  'rmdir', 'mkdir x; rmdir x; ls -d x', 'rmdir d', 'rmdir nod', 'rmdir f.txt', 'rmdir f.txt/x', 'rmdir nod/x', 'rmdir -p nod/x', 'rmdir -v d/e', 'rmdir "a b"', 'rmdir ""',
  'mkdir -p x/y/z; rmdir -pv x/y/z; ls -d x', 'mkdir -p x/y/z; touch x/w; rmdir -p x/y/z; echo "rc=$?"; ls x', 'mkdir -p x/y/z; touch x/w; rmdir -p --ignore-fail-on-non-empty x/y/z; echo "rc=$?"; ls x',
  'mkdir -p x/y/z; touch x/w; rmdir -pv --ignore-fail-on-non-empty x/y/z; echo "rc=$?"', 'rmdir --ignore-fail-on-non-empty d; echo "rc=$?"', 'rmdir --ignore-fail-on-non-empty f.txt nod',
  'mkdir x; rmdir x/; ls -d x', 'mkdir x; rmdir x/.', 'rmdir .', 'mkdir -p x/y; rmdir -p x/y/; ls -d x', 'mkdir -p x/y; rmdir -pv x//y/', 'mkdir x y; rmdir x nod y; echo "rc=$?"; ls -d x y',
  "mkdir \"it's\"; rmdir -v \"it's\"", "rmdir 'a$b' 'x y' \"it's\"", "readlink -v \"it's\" 'x y'", 'mkdir x; touch x/f; rmdir x x/f; echo "rc=$?"',
  'mkdir -p x/y; rmdir x/y/..', 'mkdir x; rmdir -v ./x', 'rmdir -x', 'rmdir --ignore', 'rmdir --verbose --parents',
  // mktemp (the random letters as R)
  'f=$(mktemp); echo "$f" | sed "s/[A-Za-z0-9]\\{10\\}$/R/"; ls -l "$f" | cut -c1-10; wc -c < "$f"; rm "$f"',
  'D=$(mktemp -d); echo "$D" | sed "s/[A-Za-z0-9]\\{10\\}$/R/"; ls -ld "$D" | cut -c1-10; rmdir "$D"',
  'mktemp fooXXX | sed "s/...$/R/"; ls -l foo* | cut -c1-10', 'mktemp -d dirXXXXX | sed "s/X*$//" | cut -c1-3; ls -ld dir* | cut -c1-10', 'mktemp XXX.txt | sed "s/.../R/"; ls -d ???.txt | wc -l',
  'mktemp -p d | sed "s/[A-Za-z0-9]\\{10\\}$/R/"; ls d | wc -l', 'mktemp -p d/ aXXX | sed "s/...$/R/"', 'mktemp --tmpdir=d XXX | sed "s/...$/R/"', 'mktemp --tmpdir=d e/XXX | sed "s/...$/R/"',
  'mktemp -u -p / XXX | sed "s/...$/R/"', 'mktemp -u -p . XXX | sed "s/...$/R/"', 'mktemp -u --tmpdir XXX | sed "s/...$/R/"', 'mktemp -u -t | sed "s/.\\{10\\}$/R/"', 'mktemp -u -t foo.XXX | sed "s/...$/R/"',
  'mktemp -u --suffix=.txt | sed "s/.\\{10\\}\\.txt$/R/"', 'mktemp -u --suffix=.a XXX | sed "s/^...//"', 'mktemp -u --suffix x XXX | sed "s/^...//"', 'mktemp -u XXXaXXX | sed "s/...$/R/"', 'mktemp -u XXX/XXX | sed "s/...$/R/"',
  'mktemp -u nod/XXX | sed "s/...$/R/"; ls nod', 'mktemp -u -d | sed "s/.\\{10\\}$/R/"; ls -d /tmp', 'mktemp --dry fooXXX | wc -c; ls -d foo*',
  'TMPDIR=/nod mktemp -u | sed "s/.\\{10\\}$/R/"', 'TMPDIR=/nod mktemp', 'TMPDIR= mktemp -u | sed "s/.\\{10\\}$/R/"', 'TMPDIR=/x mktemp -u -t -p /y | sed "s/.\\{10\\}$/R/"',
  'TMPDIR=/x mktemp -u -p /y | sed "s/.\\{10\\}$/R/"', 'TMPDIR=/x mktemp -u -p "" | sed "s/.\\{10\\}$/R/"', 'mktemp -u --tmpdir=/a --tmpdir XXX | sed "s/...$/R/"', 'mktemp -u --tmpdir -p /a XXX | sed "s/...$/R/"',
  'mktemp a', 'mktemp aXX', 'mktemp ""', 'mktemp -u a/b', 'mktemp -qu a', 'mktemp nodir/XXXXXX', 'mktemp -q nodir/XXXXXX; echo "rc=$?"', 'mktemp -d nodir/XXX', 'mktemp f.txt/XXX', 'mktemp -q -p /nod; echo "rc=$?"',
  'mktemp --suffix=.txt XXX.x', 'mktemp --suffix=.txt XX', 'mktemp --suffix=.txt ""', 'mktemp --suffix=/x XXX', 'mktemp -u XXXXXX/', 'mktemp -u a/XXX/', 'mktemp -u -t a/XXX', 'mktemp -t a/b',
  'mktemp -u -p /xx /abs/XXX', 'mktemp -u --tmpdir=/xx /abs/XXX', 'mktemp -p /x /a/b', 'mktemp --suffix=x -t a/b', 'mktemp a b', 'mktemp -x', 'mktemp --d', 'mktemp -p', 'mktemp --suffix', 'mktemp --tmpdir= -u XX',
  // tty (no terminal on standard input in either)
  'tty </dev/null; echo "rc=$?"', 'tty -s </dev/null; echo "rc=$?"', 'tty --silent </dev/null; echo "rc=$?"', 'tty --quiet </dev/null; echo "rc=$?"', 'echo | tty; echo "rc=$?"',
  'tty -x; echo "rc=$?"', 'tty a; echo "rc=$?"', 'tty --foo; echo "rc=$?"', 'tty < f.txt; echo "rc=$?"',
]

describe('realpath, readlink, rmdir, mktemp and tty agree with coreutils', () => {
  agreesWithRealTools(['realpath', 'readlink', 'rmdir', 'mktemp', 'tty', 'sed', 'od', 'ls', 'cut', 'wc'], CASES, FILES, 180_000)
})

describe('mktemp in the lab', () => {
  it('takes its letters from the lab\'s seeded source: a fresh workstation gives the same names, one session new ones', async () => {
    const line = 'mktemp; mktemp -d; mktemp -u fooXXXXXX'
    const first = await newShell().run(line)
    const again = await newShell().run(line)
    expect(first.exitCode).toBe(0)
    expect(first.stdout).toMatch(/^\/tmp\/tmp\.[A-Za-z0-9]{10}\n\/tmp\/tmp\.[A-Za-z0-9]{10}\nfoo[A-Za-z0-9]{6}\n$/)
    expect(again.stdout).toBe(first.stdout)
    const [a, b] = first.stdout.split('\n')
    expect(a).not.toBe(b)
  })

  it('makes the file 0600 and the folder 0700 in the lab\'s files', async () => {
    const sh = newShell()
    const f = (await sh.run('mktemp')).stdout.trim()
    const d = (await sh.run('mktemp -d')).stdout.trim()
    expect((await sh.run(`stat -c '%a %F' ${f} ${d}`)).stdout).toBe('600 regular empty file\n700 directory\n')
  })

  it('tty names the pseudo-terminal when standard input is the terminal', async () => {
    const sh = newShell()
    expect(await sh.run('tty; tty -s; echo "rc=$?"')).toEqual({ stdout: '/dev/pts/0\nrc=0\n', stderr: '', exitCode: 0 })
    expect(await sh.run('tty -s < /dev/null')).toEqual({ stdout: '', stderr: '', exitCode: 1 })
  })
})
