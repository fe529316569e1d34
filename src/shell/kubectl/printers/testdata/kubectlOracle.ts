// Test helper: the real kubectl client as an oracle for what `kubectl get` prints (no cluster needed)

import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const KUBECTL = '/usr/bin/kubectl'
export const hasKubectl = existsSync(KUBECTL)
export const SKIP_MESSAGE = `${KUBECTL} is not installed: differential tests against the real kubectl are skipped`

const dir = hasKubectl ? mkdtempSync(join(tmpdir(), 'printers-oracle-')) : ''
let n = 0

type Obj = { metadata: { labels?: Record<string, string> } & Record<string, unknown> } & Record<string, unknown>

/** The object with at least one label, so `kubectl label --overwrite` can leave it unchanged. */
export function withLabel<T extends Obj>(obj: T): T {
  if (obj.metadata.labels && Object.keys(obj.metadata.labels).length > 0) return obj
  return { ...obj, metadata: { ...obj.metadata, labels: { oracle: 'x' } } }
}

/**
 * Print an object as `kubectl get -o OUTPUT` would: `kubectl label --local -f OBJ --overwrite K=V -o OUTPUT`
 * with a label the object already has.
 */
export function kubectlPrint(obj: Obj, output: string): { stdout: string; stderr: string; status: number } {
  const labels = obj.metadata.labels ?? {}
  const [key, value] = Object.entries(labels)[0]
  const file = join(dir, `obj-${n++}.json`)
  writeFileSync(file, JSON.stringify(obj))
  const r = spawnSync(KUBECTL, ['label', '--local', '-f', file, '--overwrite', `${key}=${value}`, '-o', output], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir, KUBECONFIG: '/dev/null' },
  })
  return { stdout: r.stdout, stderr: r.stderr, status: r.status ?? -1 }
}
