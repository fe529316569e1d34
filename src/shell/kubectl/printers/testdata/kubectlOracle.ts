// Test helper: the real kubectl client as an oracle for what `kubectl get` prints (no cluster needed).
// A suite prefetches all it will print in one batch (kubectlPrintAll); kubectlPrint then answers from it.

import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { requireTools, runBatch } from '../../../testing/realTools'

export const KUBECTL = '/usr/bin/kubectl'
export const hasKubectl = existsSync(KUBECTL)

const dir = mkdtempSync(join(tmpdir(), 'printers-oracle-'))
let n = 0
type Printed = { stdout: string; stderr: string; status: number }
const printed = new Map<string, Printed>()

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
export function kubectlPrint(obj: Obj, output: string): Printed {
  const known = printed.get(JSON.stringify([obj, output]))
  if (known) return known
  if (!hasKubectl) requireTools(KUBECTL)
  const r = spawnSync(KUBECTL, labelArgs(obj, output), { encoding: 'utf8', env: ENV })
  return { stdout: r.stdout, stderr: r.stderr, status: r.status ?? -1 }
}

const ENV = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir, KUBECONFIG: '/dev/null' }

function labelArgs(obj: Obj, output: string): string[] {
  const labels = obj.metadata.labels ?? {}
  const [key, value] = Object.entries(labels)[0]
  const file = join(dir, `obj-${n++}.json`)
  writeFileSync(file, JSON.stringify(obj))
  return ['label', '--local', '-f', file, '--overwrite', `${key}=${value}`, '-o', output]
}

/** Prints all of these in one batch (a few kubectl at a time), for kubectlPrint to answer from; fails naming kubectl when it is missing. */
export async function kubectlPrintAll(requests: readonly (readonly [Obj, string])[]): Promise<void> {
  if (!hasKubectl) requireTools(KUBECTL)
  const todo = requests.filter(([obj, output]) => !printed.has(JSON.stringify([obj, output])))
  const calls = todo.map(([obj, output]) => ({ argv: [KUBECTL, ...labelArgs(obj, output)], env: ENV }))
  const results = await runBatch(calls, { parallel: 4 })
  todo.forEach(([obj, output], i) => printed.set(JSON.stringify([obj, output]), { stdout: results[i].stdout, stderr: results[i].stderr, status: results[i].exitCode }))
}
