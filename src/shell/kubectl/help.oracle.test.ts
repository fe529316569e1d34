// Differential test: the lab's `kubectl GROUP --help` lists its sub-commands as kubectl 1.33 lists them: each
// line the lab has (the lab has fewer) is the real line, padded to the real width. One bash process.
import { describe, expect, it } from 'vitest'
import { FakeLab, runKubectl } from './testing/fake'
import { REAL_KUBECTL, batchKubectl } from './testing/batch'
import { requireTools } from '../testing/realTools'
import { VERBS } from './index'

const GROUPS = ['create', 'config', 'auth', 'create secret']
const commands = (help: string) => help.slice(help.indexOf('Available Commands:\n')).split('\n\n')[0].split('\n').slice(1)

describe('kubectl GROUP --help', () => {
  it("lists the lab's sub-commands with kubectl's lines and padding", async () => {
    requireTools(REAL_KUBECTL ?? 'kubectl')
    const real = batchKubectl(GROUPS.map((g) => [...g.split(' '), '--help']))
    const lab = new FakeLab({}, '2026-12-05T10:00:00Z')
    for (const [i, group] of GROUPS.entries()) {
      const ours = commands((await runKubectl(lab, [...group.split(' '), '--help'])).stdout)
      const theirs = commands(real[i].stdout)
      expect(ours.length, group).toBeGreaterThan(0)
      // the lab's are a subset, in the same order
      expect({ group, lines: ours }).toEqual({ group, lines: theirs.filter((l) => ours.includes(l)) })
    }
  }, 60_000)

  it("kubectl options: each of the lab's global flags as kubectl prints it, in kubectl's order", async () => {
    requireTools(REAL_KUBECTL ?? 'kubectl')
    // (HOME is the batch's directory, read as /root: the cache directory's default names it)
    const [real] = batchKubectl([['options']], {}, {}, true)
    const blocks = (text: string) => text.trimEnd().split('\n\n')
    const ours = blocks((await runKubectl(new FakeLab({}, '2026-12-05T10:00:00Z'), ['options'])).stdout)
    const theirs = blocks(real.stdout)
    expect(ours[0]).toBe(theirs[0])
    expect(ours.length).toBeGreaterThan(20)
    expect(ours).toEqual(theirs.filter((b) => ours.includes(b)))
  })

  it("every verb's --help names its flags as kubectl does: the same defaults, in kubectl's order", async () => {
    requireTools(REAL_KUBECTL ?? 'kubectl')
    const real = batchKubectl(VERBS.map((v) => [...v.path.split(' '), '--help']), {}, {}, true)
    const lab = new FakeLab({}, '2026-12-05T10:00:00Z')
    const heads = (t: string) => t.split('\n').filter((l) => /^ {4}(-\w, )?--[\w-]+=.*:$/.test(l))
    const name = (l: string) => l.replace(/=.*/, '').trim()
    let checked = 0
    for (const [i, v] of VERBS.entries()) {
      // (v1.34 gave explain's --output the shorthand -o; the kubectl here is 1.33)
      const ours = heads((await runKubectl(lab, [...v.path.split(' '), '--help'])).stdout).filter((l) => !(v.path === 'explain' && l.includes('--output')))
      const theirs = heads(real[i].stdout)
      expect({ verb: v.path, flags: ours }).toEqual({ verb: v.path, flags: theirs.filter((l) => ours.some((o) => name(o) === name(l))) })
      checked += ours.length
    }
    expect(checked).toBeGreaterThan(250)
  }, 60_000)
})
