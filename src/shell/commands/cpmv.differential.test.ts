// Differential test: cp, mv, basename, dirname and printenv against GNU coreutils 9.1, in one bash
// process, each line in a folder of its own holding the same files.
import { describe, expect, test } from 'vitest'
import { agreesWithRealTools } from './diffSupport'

const FILES: Record<string, string> = { 'w/a': 'alpha\n', 'w/b': 'beta\n', 'w/d/x': 'x\n', 'w/d/sub/y': 'y\n', 'w/e/keep': 'k\n' }
const IN = (line: string) => `cd w; ${line}`
// (-v with a directory of one entry: cp goes through a directory in the order the file system keeps,
// which the lab, listing by name, does not know. For the same reason `cp -r d d/sub` is not here: what
// the real cp has copied into d/sub before it finds d/sub inside d depends on that order.)
const SHOW = '; echo "rc=$?"; ls -R | cat; cat a b 2>/dev/null'

const CASES = [
  'cp', 'cp a', 'cp nope x', 'cp d x', 'cp a b c', 'cp a b e', 'cp a a', 'cp a nodir/x', 'cp -v a z', 'cp -rv e z',
  'cp a d', 'cp a d/', 'cp -r d e', 'cp -R d new', 'cp -a d new2', 'cp -n a b', 'cp a b', 'cp -r a b d', 'cp -x a q', 'cp d/sub/y .', 'cp -q a b',
  'cp -r d a', 'mkdir a2; cp a a2/', 'cp b d/sub',
  'mv', 'mv a', 'mv nope x', 'mv a a', 'mv d d/sub', 'mv -v a z', 'mv a b', 'mv -n a b', 'mv a d', 'mv d e', 'mv d z', 'mv a b e', 'mv a b c',
  'mkdir f; mv f a', 'mv a e', 'mkdir -p g/d; printf 1 > g/d/z; mv d g', 'mv d nodir/x', 'mv -q a b',
  // a destination with a trailing slash names a folder
  'cp a nodir/', 'mv a nodir/', 'cp a d/zz/', 'mv a d/zz/', 'cp a b/', 'mv a b/', 'cp -r d n2/', 'mv d n3/', 'cp nope x/', 'mv a e/',
].map((l) => IN(l) + SHOW)

const NAMES = [
  'basename', 'basename /a/b/c.txt .txt', 'basename -a x/y z/w', 'basename -s .c a.c b.c', 'basename a b c', 'basename /', 'basename //', 'basename a/',
  'basename .txt .txt', 'basename --suffix=.sh run.sh', 'basename -z a/b | od -c', 'basename -q a',
  'dirname', 'dirname /a/b/c x y/ //z a//b/', 'dirname a', 'dirname /', 'dirname //', 'dirname .', 'dirname -z a/b | od -c', 'dirname -q a',
  'printenv HOME', 'printenv NOPE; echo $?', 'printenv HOME NOPE HOME; echo $?', 'printenv -x; echo $?', 'X=1 printenv X', 'export Y=2; printenv Y', 'printenv A=B; echo $?',
  'printenv -0 HOME | od -c',
]

describe('cp and mv agree with GNU coreutils 9.1', () => {
  agreesWithRealTools(['cp', 'mv', 'ls'], CASES, FILES)
})

// mkdir -m: the new directory's mode as chmod reads it, from 0777 (the parents -p makes keep 0755)
const MKDIR = [
  'mkdir -m 700 a; mkdir -m u=rwx,go= b; mkdir -m bad c; echo $?; mkdir -pm 700 e/f; mkdir -m 2755 g; mkdir -m g+w h; mkdir -m o-r i; mkdir -m -x j; mkdir -m =rx k; stat -c "%n %a" a b e e/f g h i j k',
  'mkdir -m; echo $?', 'mkdir --mode=711 m; stat -c %a m', 'mkdir -m 700 -v n o; stat -c %a n o', 'mkdir -m 9 p; echo $?; ls -d p',
]

// rm -i: a question on stderr for each removal, the answer a line of stdin (one entry a folder: their order is the file system's;
// -v's lines alone: into a file, rm's stdout comes after all the questions, on a terminal between them, as in the lab)
const RM = [
  'touch e; echo x > f; rm -i e f </dev/null; echo " rc=$?"; ls -1', 'touch e; echo x > f; echo y | rm -i e f; echo " rc=$?"; ls -1', 'echo x > f; printf "n\\ny\\n" | rm -i f f; ls -1',
  'mkdir -p d/s; touch d/s/g; printf "y\\ny\\ny\\ny\\ny\\n" | rm -ri d; echo " rc=$?"; ls -1', 'mkdir -p d/s; touch d/s/g; printf "y\\nn\\n" | rm -ri d; echo; ls -R d | cat',
  'mkdir d; echo y | rm -ri d; ls -1', 'touch e; rm -if e; ls -1', 'touch e; rm -fi e </dev/null; echo; ls -1', 'rm -i nope; echo " rc=$?"', 'rm -fi nope; echo " rc=$?"', 'mkdir d; rm -i d; echo " rc=$?"', 'mkdir -p d/s; touch e; printf "y\\ny\\ny\\ny\\n" | rm -riv e d 2>/dev/null',
]

describe('rm -i agrees with GNU coreutils 9.1', () => {
  agreesWithRealTools(['rm', 'ls'], RM.map((l) => `mkdir w; cd w; { ${l}; } 2>&1`))
})

describe('rm -i typed at the prompt', () => {
  test('asks, and says once that the lab cannot wait for the answer (taken as no)', async () => {
    const { newShell } = await import('../testSupport')
    const sh = newShell({ '/root/f': 'x\n', '/root/g': '' })
    const r = await sh.run('rm -i f g; ls -1 f g')
    expect(r.stderr).toBe("rm: remove regular file 'f'? \nlab: rm -i cannot wait for your answer at the lab's prompt (taken as no); give the answers on its input instead, as in: yes | rm -i FILE\nrm: remove regular empty file 'g'? ")
    expect(r.stdout).toBe('f\ng\n')
  })
})

describe('mkdir -m agrees with GNU coreutils 9.1', () => {
  agreesWithRealTools(['mkdir', 'stat', 'ls'], MKDIR)
})

describe('basename, dirname and printenv agree with GNU coreutils 9.1', () => {
  agreesWithRealTools(['basename', 'dirname', 'printenv', 'od'], NAMES)
})

describe('--help', () => {
  test('cp, mv, basename, dirname, printenv, touch and find print their usage, status 0', async () => {
    const { newShell } = await import('../testSupport')
    const usage: Record<string, string> = {
      cp: 'Usage: cp [OPTION]... SOURCE... DIRECTORY\n', mv: 'Usage: mv [OPTION]... SOURCE... DIRECTORY\n', basename: 'Usage: basename NAME [SUFFIX]\n',
      dirname: 'Usage: dirname [OPTION] NAME...\n', printenv: 'Usage: printenv [OPTION]... [VARIABLE]...\n', touch: 'Usage: touch [OPTION]... FILE...\n',
      find: 'Usage: find [starting-point...] [expression]\n',
    }
    for (const [cmd, first] of Object.entries(usage)) {
      const r = await newShell().run(`${cmd} --help`)
      expect({ cmd, exitCode: r.exitCode, stderr: r.stderr, first: r.stdout.slice(0, r.stdout.indexOf('\n') + 1) }).toEqual({ cmd, exitCode: 0, stderr: '', first })
    }
  })
})
