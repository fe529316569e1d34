// Test support (not used by the app): differential runs of a table of command lines through the
// lab's shell and through the machine's real tools. All real runs of a table happen in ONE bash
// process: each case runs in a subshell of it with its stdout, stderr and status captured in
// files, so a table of a hundred cases costs one process start. LC_ALL=C and TZ=UTC, as on the
// workstation. Outputs are compared as bytes: the real tools' bytes as byte-faithful strings
// (src/common/bytes.ts), the lab's strings through the same encoding.

import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { beforeAll, expect, test } from 'vitest'
import { bytesOf, stringOfBytes } from '../../common/bytes'
import type { RunResult } from '../types'
import { newShell } from '../testSupport'

/** Which of `tools` are missing on this machine (as `command -v` sees them). */
export function missingTools(tools: string[]): string[] {
  const r = spawnSync('bash', ['-c', tools.map((t) => `command -v ${t} >/dev/null || echo ${t}`).join('; ')], { encoding: 'utf8' })
  if (r.status === null) return ['bash']
  return r.stdout.split('\n').filter(Boolean)
}

/** Run every case with the real tools in one bash process; results in case order. */
export function runReal(cases: string[], files: Record<string, string>): RunResult[] {
  const dir = mkdtempSync(join(tmpdir(), 'tools-diff-'))
  const work = join(dir, 'root')
  const out = join(dir, 'out')
  mkdirSync(work)
  mkdirSync(out)
  try {
    // Each case gets its own copy of the files (cases may edit them, e.g. sed -i).
    let script = ''
    cases.forEach((c, i) => {
      for (const [name, text] of Object.entries(files)) {
        mkdirSync(dirname(join(work, `c${i}`, name)), { recursive: true })
        writeFileSync(join(work, `c${i}`, name), bytesOf(text))
      }
      mkdirSync(join(work, `c${i}`), { recursive: true })
      writeFileSync(join(out, `case${i}`), bytesOf(c))
      script += `( cd "$W/c${i}"; eval "$(<"$O/case${i}")" ) >"$O/out${i}" 2>"$O/err${i}" </dev/null; echo $? >"$O/rc${i}"\n`
    })
    const r = spawnSync('bash', ['-c', script], {
      encoding: 'utf8',
      timeout: 60_000,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C', TZ: 'UTC', HOME: '/root', W: work, O: out },
    })
    if (r.status !== 0) throw new Error(`the differential bash run failed: ${r.stderr || r.error?.message}`)
    return cases.map((_, i) => ({
      stdout: stringOfBytes(readFileSync(join(out, `out${i}`))),
      stderr: stringOfBytes(readFileSync(join(out, `err${i}`))),
      exitCode: Number(readFileSync(join(out, `rc${i}`), 'utf8').trim()),
    }))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** A result with its outputs as the canonical strings of their bytes (what a real pipe would carry). */
export function asBytes(r: RunResult): RunResult {
  return { ...r, stdout: stringOfBytes(bytesOf(r.stdout)), stderr: stringOfBytes(bytesOf(r.stderr)) }
}

/** Run every case in a fresh lab shell holding the same files under /root. */
export async function runLab(cases: string[], files: Record<string, string>): Promise<RunResult[]> {
  const results: RunResult[] = []
  for (const line of cases) {
    const abs: Record<string, string> = {}
    for (const [name, text] of Object.entries(files)) abs[`/root/${name}`] = text
    const sh = newShell(abs)
    results.push(asBytes(await sh.run(line)))
  }
  return results
}

/**
 * Inside a describe block: run `cases` through the real tools and through the lab (once, before
 * the tests), fail if one of `tools` is missing (the suite skips nothing), and compare each case's
 * stdout, stderr and status.
 */
export function agreesWithRealTools(tools: string[], cases: string[], files: Record<string, string> = {}, timeoutMs = 120_000): void {
  const missing = missingTools(tools)
  let real: RunResult[] = []
  let lab: RunResult[] = []
  beforeAll(async () => {
    if (missing.length === 0) real = runReal(cases, files)
    lab = await runLab(cases, files)
  }, timeoutMs)
  test('the real tools are installed', () => {
    expect(missing, `missing on this machine: ${missing.join(', ')}`).toEqual([])
  })
  test.each(cases.map((c, i) => [c, i] as const))('%s', (_line, i) => {
    expect(lab[i]).toEqual(real[i])
  })
}
