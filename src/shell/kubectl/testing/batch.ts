// Test helper: many command lines of the real kubectl in ONE bash process (spawning one per case is too slow on a
// shared machine). Each case gets its stdout, stderr and exit status back; cases run in a directory holding `files`.

import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { bytesOf } from '../../../common/bytes'

export const REAL_KUBECTL = ['/usr/lib/google-cloud-sdk/bin/kubectl.1.33', '/usr/bin/kubectl'].find((p) => existsSync(p))

export interface BatchResult {
  stdout: string
  stderr: string
  exitCode: number
}

const q = (s: string) => `'${s.replace(/'/g, "'\\''")}'`

/**
 * Runs `kubectl ARGS…` for every case (argv arrays); KUBECONFIG is /dev/null unless `env` says otherwise.
 * A file's name may hold folders; a name ending in `/` is an empty folder; the text is the lab's byte-faithful string. With `asRoot`, the directory
 * the cases run in (HOME too) reads `/root` in their output, as the lab's home does.
 */
export function batchKubectl(cases: string[][], files: Record<string, string> = {}, env: Record<string, string> = {}, asRoot = false): BatchResult[] {
  const dir = mkdtempSync(join(tmpdir(), 'kubectl-batch-'))
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true })
    if (name.endsWith('/')) mkdirSync(join(dir, name), { recursive: true })
    else writeFileSync(join(dir, name), bytesOf(text))
  }
  const script = cases
    .map((argv, i) => `timeout 5 ${REAL_KUBECTL} ${argv.map(q).join(' ')} >o${i} 2>e${i} </dev/null; echo $? >s${i}`)
    .join('\n')
  execFileSync('bash', ['-c', script], { cwd: dir, env: { PATH: '/usr/bin:/bin', HOME: dir, KUBECONFIG: '/dev/null', ...env }, timeout: 120_000 })
  const read = (n: string) => (asRoot ? readFileSync(join(dir, n), 'utf8').replaceAll(dir, '/root') : readFileSync(join(dir, n), 'utf8'))
  return cases.map((_, i) => ({ stdout: read(`o${i}`), stderr: read(`e${i}`), exitCode: Number(read(`s${i}`).trim()) }))
}
