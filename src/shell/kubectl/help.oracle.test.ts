// Differential test: the lab's `kubectl GROUP --help` lists its sub-commands as kubectl 1.33 lists them: each
// line the lab has (the lab has fewer) is the real line, padded to the real width. One bash process.
import { describe, expect, it } from 'vitest'
import { FakeLab, runKubectl } from './testing/fake'
import { REAL_KUBECTL, batchKubectl } from './testing/batch'
import { requireTools } from '../testing/realTools'

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
})
