// tee, tac, rev, nl, paste, fold and expand in a busybox image's shell: the workstation's modules
// with busybox's words, against busybox 1.35's applets on this machine (all lines in one batch of
// `busybox sh -c`, the applets forced through a directory of links).
import { beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Lab } from './lab'
import { labWithApp } from './testing'
import { q, requireTools, runBatch } from '../shell/testing/realTools'

let lab: Lab
const run = (line: string) => lab.run(line)

beforeAll(async () => {
  lab = await labWithApp('1', ['kubectl -n sa-demo run deb --image=debian:12 -- sleep 100000', 'kubectl -n sa-demo wait --for=condition=Ready pod/deb'])
}, 60_000)

const APPLETS = ['cat', 'echo', 'printf', 'mkdir', 'sort', 'tee', 'tac', 'rev', 'nl', 'paste', 'fold', 'expand']

describe('the text applets in the agnhost container agree with busybox', () => {
  const lines = [
    'echo a | tee f; cat f; tac f',
    'printf "1\\n2\\n3\\n" | tee f >/dev/null; tac f; echo x | tee -a f; cat f',
    'echo hi | tee f g; cat g',
    'echo hi | tee /nodir/f; echo $?',
    'mkdir d; echo hi | tee d; echo $?',
    'printf "one\\ntwo\\n\\nthree\\n" > f; tac f; nl f; nl -b a -w 3 -s : f',
    'printf "x\\ny" | tac; echo',
    'tac /nope; echo $?',
    'mkdir d; tac d; echo $?',
    'printf "abc\\nxy\\n" | rev',
    'rev /nope; echo $?',
    'nl /nope; echo $?',
    'printf "a\\nb\\n" > f; printf "1\\n2\\n" > g; paste f g; paste -d , f g; paste -s f',
    'paste /nope; echo $?',
    'echo "The quick brown fox jumps over the lazy dog" | fold -w 10',
    'echo "The quick brown fox jumps over the lazy dog" | fold -s -w 10',
    'fold /nope; echo $?',
    'echo x | fold -w 0; echo $?',
    'echo x | fold -w x; echo $?',
    'printf "a\\tb\\n" | expand; printf "a\\tb\\n" | expand -t 4',
    'expand /nope; echo $?',
    'echo x | expand -t 0; echo $?',
    'echo x | expand -t x; echo $?',
    'printf "b\\na\\nc\\n" | sort -c; echo $?',
    'printf "a\\nb\\nb\\na\\n" > f; sort -c f; echo $?; sort -c -u f; echo $?; sort -c -r f; echo $?',
    'printf "a\\nb\\n" | sort -c; echo $?',
  ]
  it('stdout, stderr and status of each line', async () => {
    requireTools('/usr/bin/busybox')
    const bin = mkdtempSync(join(tmpdir(), 'bb-'))
    for (const a of APPLETS) symlinkSync('/usr/bin/busybox', join(bin, a))
    // each line in a fresh directory of its own (the lab's: a fresh /tmp/tN in the container)
    const real = await runBatch(lines.map((l, i) => ({ argv: ['/usr/bin/busybox', 'sh', '-c', `mkdir t${i} && cd t${i} && ${l}`], env: { HOME: '/root', PATH: bin } })))
    rmSync(bin, { recursive: true })
    for (const [i, line] of lines.entries()) {
      const r = await run(`kubectl -n sa-demo exec app -- sh -c ${q(`mkdir /tmp/t${i} && cd /tmp/t${i} && ${line}`)}`)
      const m = /command terminated with exit code (\d+)\n$/.exec(r.stderr)
      const got = { stdout: r.stdout, stderr: m ? r.stderr.slice(0, m.index) : r.stderr, exitCode: m ? Number(m[1]) : r.exitCode }
      expect({ line, ...got }).toEqual({ line, ...real[i] })
    }
  })

  it("a bad option: musl's wording (an Alpine image's) and the applet's usage, as busybox prints it", async () => {
    requireTools('/usr/bin/busybox')
    const names = ['tee', 'tac', 'rev', 'nl', 'paste', 'fold', 'expand']
    const usages = await runBatch(names.map((a) => ({ argv: ['/usr/bin/busybox', a, '--help'] })))
    for (const [i, a] of names.entries()) {
      const r = await run(`kubectl -n sa-demo exec app -- ${a} -Q`)
      expect(r.stderr).toBe(`${a}: unrecognized option: Q\n${usages[i].stdout + usages[i].stderr}command terminated with exit code 1\n`)
    }
  })
})

describe('the text tools in a Debian image', () => {
  it("are coreutils' (GNU words); rev is util-linux's (an essential package: debian:12 has it, as this machine's dpkg -S /usr/bin/rev says)", async () => {
    const line = (l: string) => run(`kubectl -n sa-demo exec deb -- sh -c ${q(l)}`)
    expect(await line('cd /tmp && echo a | tee f; tac f; printf "1\\n2\\n" | paste -s -d,; tac /nope')).toEqual({
      stdout: 'a\na\n1,2\n',
      stderr: "tac: failed to open '/nope' for reading: No such file or directory\ncommand terminated with exit code 1\n",
      exitCode: 1,
    })
    expect(await line('rev /etc/hostname')).toEqual({ stdout: 'bed\n', stderr: '', exitCode: 0 })
  })
})
