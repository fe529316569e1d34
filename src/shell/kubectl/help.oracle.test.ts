// Differential test: the lab's `kubectl ... --help` pages are kubectl's (v1.33 here, brought to v1.35 where the
// sources differ): description, aliases, examples, usage, and each sub-command and option the lab has, padded and
// worded as kubectl's. One bash process per test.
import { describe, expect, it } from 'vitest'
import { FakeLab, runKubectl } from './testing/fake'
import { REAL_KUBECTL, batchKubectl } from './testing/batch'
import { requireTools } from '../testing/realTools'
import { VERBS } from './index'

const GROUPS = ['create', 'config', 'auth', 'create secret']
/**
 * Where kubectl v1.35 (the lab's) prints otherwise than the v1.33 binary here, from the kubectl
 * sources at kubernetes-1.35.0: [command, v1.33's text, v1.35's].
 */
const CHUNK_SIZE_1_33 = 'Pass 0 to disable. This flag is beta and may change in the future.'
const V1_35: [string, string, string][] = [
  // pkg/cmd/wait/wait.go: no longer "Experimental"
  ['wait', 'Experimental: Wait for a specific condition on one or many resources.', 'Wait for a specific condition on one or many resources.'],
  // pkg/cmd/util/helpers.go AddChunkSizeFlag
  ['get', CHUNK_SIZE_1_33, 'Pass 0 to disable.'],
  ['describe', CHUNK_SIZE_1_33, 'Pass 0 to disable.'],
  // pkg/cmd/get/get.go
  ['get', 'If the requested object does not exist the command will return exit code 0.', 'If set to true, suppresses NotFound error for specific objects that do not exist. Using this flag with commands that query for collections of resources has no effect when no resources are found.'],
  // pkg/cmd/config/set_context.go and pkg/cmd/explain/explain.go: the shorthands -n and -o
  ['config set-context', "    --namespace='':", "    -n, --namespace='':"],
  ['explain', "    --output='plaintext':", "    -o, --output='plaintext':"],
  // pkg/cmd/apiresources/print_flags.go: -o takes json and yaml too
  ['api-resources', 'Output format. One of: (wide, name).', 'Output format. One of: (json, yaml, name, wide).'],
]
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

  it("kubectl --help: each of the lab's commands on kubectl's line, in kubectl's group and order", async () => {
    requireTools(REAL_KUBECTL ?? 'kubectl')
    const [real] = batchKubectl([['--help']])
    const lines = (text: string) => text.split('\n').filter((l) => /^ {2}[\w-]+ {2,}\S/.test(l) || /^[A-Z][\w ()]+:$/.test(l))
    const ours = lines((await runKubectl(new FakeLab({}, '2026-12-05T10:00:00Z'), ['--help'])).stdout)
    // v1.35's wait is no longer "Experimental" (pkg/cmd/wait/wait.go)
    const theirs = lines(real.stdout.replace('Experimental: Wait for a specific', 'Wait for a specific'))
    expect(ours.filter((l) => l.startsWith('  ')).length).toBeGreaterThan(15)
    expect(ours).toEqual(theirs.filter((l) => ours.includes(l)))
  })

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

  it("every command's --help is kubectl's page, with the lab's sub-commands and options only", async () => {
    requireTools(REAL_KUBECTL ?? 'kubectl')
    const paths = [...VERBS.map((v) => v.path), 'create', 'auth', 'config']
    const real = batchKubectl(paths.map((p) => [...p.split(' '), '--help']), {}, {}, true)
    const lab = new FakeLab({}, '2026-12-05T10:00:00Z')
    let flagsChecked = 0
    for (const [i, path] of paths.entries()) {
      const ours = (await runKubectl(lab, [...path.split(' '), '--help'])).stdout
      // the lab's options and sub-commands, by name: kubectl's page keeps only those
      const flagNames = new Set([...ours.matchAll(/^ {4}(?:-\w, )?--([\w-]+)=/gm)].map((m) => m[1]))
      const subNames = new Set([...ours.matchAll(/^ {2}([\w-]+) {3,}\S/gm)].map((m) => m[1]))
      let theirs = real[i].stdout
        .replace(/^Options:\n([\s\S]*?)\n(?=Usage:)/m, (_, body: string) => {
          const kept = body.split('\n\n').filter((b) => flagNames.has(/--([\w-]+)=/.exec(b)?.[1] ?? ''))
          return kept.length ? `Options:\n${kept.map((b) => b.replace(/\n*$/, '\n')).join('\n')}\n` : ''
        })
        .replace(/^Available Commands:\n([\s\S]*?)\n\n/m, (_, body: string) => {
          const kept = body.split('\n').filter((l) => subNames.has(l.trim().split(/\s+/)[0]))
          return kept.length ? `Available Commands:\n${kept.join('\n')}\n\n` : ''
        })
      for (const [where, from, to] of V1_35) if (where === path) theirs = theirs.replace(from, to)
      // apply's and cluster-info's sub-commands are not in the lab: no pointer to their help
      if (path === 'apply' || path === 'cluster-info') theirs = theirs.replace(/^Use "kubectl [\w-]+ <command> --help".*\n/m, '')
      expect({ path, help: ours }).toEqual({ path, help: theirs })
      flagsChecked += flagNames.size
    }
    expect(flagsChecked).toBeGreaterThan(250)
  }, 60_000)
})
